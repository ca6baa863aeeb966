using System.Collections.Generic;
using System.Globalization;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Compute
{
    /// <summary>
    /// The memory the Best Practices Analyzer asks of each guest (hyperv-facts.md §1.3: BPA-PS rules 201-214 for
    /// Dynamic Memory and 508-525 for static memory; severities from BPA-DOC). Shared by HV1006 (the required
    /// amounts, errors) and HV1007 (the recommended ones, warnings).
    /// </summary>
    internal sealed class GuestMemoryGuidance
    {
        private const long MB = 1024L * 1024;

        private GuestMemoryGuidance(long staticMinimum, long staticRecommended, long? dynamicMinimum, long? dynamicStartupAndMaximum, long? dynamicMaximumRecommended)
        {
            StaticMinimum = staticMinimum;
            StaticRecommended = staticRecommended;
            DynamicMinimum = dynamicMinimum;
            DynamicStartupAndMaximum = dynamicStartupAndMaximum;
            DynamicMaximumRecommended = dynamicMaximumRecommended;
        }

        /// <summary>Static memory below this is an error.</summary>
        public long StaticMinimum { get; }

        /// <summary>Static memory below this is a warning.</summary>
        public long StaticRecommended { get; }

        /// <summary>With Dynamic Memory, a minimum below this is an error; null where the BPA has no Dynamic Memory rule (XP).</summary>
        public long? DynamicMinimum { get; }

        /// <summary>With Dynamic Memory, a startup or maximum below this is an error.</summary>
        public long? DynamicStartupAndMaximum { get; }

        /// <summary>With Dynamic Memory, a maximum below this is a warning.</summary>
        public long? DynamicMaximumRecommended { get; }

        private static readonly GuestMemoryGuidance WindowsXP = new GuestMemoryGuidance(64 * MB, 128 * MB, null, null, null);
        private static readonly GuestMemoryGuidance WindowsServer2003 = new GuestMemoryGuidance(128 * MB, 256 * MB, 128 * MB, 128 * MB, 256 * MB);
        private static readonly GuestMemoryGuidance Client = new GuestMemoryGuidance(512 * MB, 1024 * MB, 256 * MB, 512 * MB, 1024 * MB);
        private static readonly GuestMemoryGuidance Server = new GuestMemoryGuidance(512 * MB, 2048 * MB, 256 * MB, 512 * MB, 2048 * MB);

        /// <summary>
        /// The guidance for a guest, or null for one the BPA has no memory rule for (Windows 2000, Linux, FreeBSD, an
        /// unrecognised name). The BPA tells guests apart by their version number, so Windows 11 (10.0, a client) is a
        /// newer client as Windows 10 is, and each server release from 2012 on is a newer server.
        /// </summary>
        private static GuestMemoryGuidance? For(GuestProduct product)
        {
            switch (product)
            {
                case GuestProduct.WindowsXP: return WindowsXP;
                case GuestProduct.WindowsServer2003: return WindowsServer2003;
                case GuestProduct.WindowsVista:
                case GuestProduct.Windows7:
                case GuestProduct.Windows8:
                case GuestProduct.Windows81:
                case GuestProduct.Windows10:
                case GuestProduct.Windows11:
                    return Client;
                case GuestProduct.WindowsServer2008:
                case GuestProduct.WindowsServer2008R2:
                case GuestProduct.WindowsServer2012:
                case GuestProduct.WindowsServer2012R2:
                case GuestProduct.WindowsServer2016:
                case GuestProduct.WindowsServer2019:
                case GuestProduct.WindowsServer2022:
                case GuestProduct.WindowsServer2025:
                    return Server;
                default:
                    return null;
            }
        }

        /// <summary>The guidance for the VM's guest, and the guest's name for messages; false when the guest is unknown or has none.</summary>
        public static bool TryFor(VirtualMachine vm, out GuestMemoryGuidance guidance, out string guest)
        {
            guidance = null!;
            guest = string.Empty;
            if (!vm.GuestOperatingSystem.IsKnown || !(For(vm.GuestOperatingSystem.Value.Product) is GuestMemoryGuidance g)) return false;
            guidance = g;
            guest = GuestOperatingSystem.DisplayName(vm.GuestOperatingSystem.Value.Product);
            return true;
        }

        /// <summary>
        /// "VM 'x' runs {guest}, and its {what} is {memory}; {advice}", at the memory value, with the amount the code
        /// fixes give it ("bytes").
        /// </summary>
        public static void Report(VirtualMachineContext context, string guest, Fact<long> memory, string what, long amount, string advice) =>
            context.Report(memory.Location, VirtualMachineContext.Format("{0} runs {1}, and its {2} is {3}; {4}", context.VmLabel, guest, what, Units.FormatBytes(memory.Value), advice), what,
                properties: new Dictionary<string, string> { ["bytes"] = amount.ToString(CultureInfo.InvariantCulture) });

        /// <summary>
        /// Whether the VM's memory is dynamic: true or false when known, null when not. Windows XP has no Dynamic
        /// Memory (the BPA has no rule for it), so an XP guest sees its startup memory whatever the setting says.
        /// </summary>
        public bool? Dynamic(VirtualMachine vm)
        {
            if (DynamicMinimum == null) return false;
            return vm.DynamicMemoryEnabled.IsKnown ? vm.DynamicMemoryEnabled.Value : (bool?)null;
        }
    }
}
