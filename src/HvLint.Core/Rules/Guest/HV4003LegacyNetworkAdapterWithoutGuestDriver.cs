using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Guest
{
    /// <summary>HV4003: Windows Server 2003 x64 and XP x64 have no driver for the legacy adapter (BPA-PS rule431).</summary>
    public sealed class HV4003LegacyNetworkAdapterWithoutGuestDriver : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.LegacyNetworkAdapterWithoutGuestDriver, "LegacyNetworkAdapterWithoutGuestDriver",
            "Legacy network adapter on Windows Server 2003 x64 or XP x64", RuleCategory.Guest, Severity.Error,
            "The 64-bit editions of Windows Server 2003 and Windows XP have no driver for the emulated DEC 21140 that the legacy network adapter presents, so the adapter gives no connectivity at all. The Best Practices Analyzer rule \"Avoid using a legacy network adapter on Windows Server 2003 (x64) and Windows XP Professional (x64)\" says the same.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (!vm.GuestOperatingSystem.IsKnown) return;
            GuestOperatingSystem guest = vm.GuestOperatingSystem.Value;
            bool noDriver = (guest.Product == GuestProduct.WindowsServer2003 || guest.Product == GuestProduct.WindowsXP) && guest.Architecture == ProcessorArchitecture.X64;
            if (!noDriver) return;

            foreach (NetworkAdapter adapter in vm.NetworkAdapters.Items)
            {
                if (!adapter.IsLegacy.IsTrue()) continue;
                context.Report(adapter.IsLegacy.Location, VirtualMachineContext.Format(
                    "{0} runs {1} x64, which has no driver for the legacy network adapter '{2}'; use a synthetic adapter with integration services",
                    context.VmLabel, GuestOperatingSystem.DisplayName(guest.Product), adapter.DisplayName), "adapter:" + adapter.DisplayName);
            }
        }
    }
}
