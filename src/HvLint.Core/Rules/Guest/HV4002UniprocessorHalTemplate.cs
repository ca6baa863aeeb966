using HvLint.Engine;
using HvLint.Model;
using HvLint.Profiles;

namespace HvLint.Rules.Guest
{
    /// <summary>HV4002: a 1-vCPU Windows 2000/XP/2003 template bakes the uniprocessor HAL into every clone (KB309283).</summary>
    public sealed class HV4002UniprocessorHalTemplate : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.UniprocessorHalTemplate, "UniprocessorHalTemplate",
            "Windows 2000/XP/Server 2003 template with one virtual processor (uniprocessor HAL)", RuleCategory.Guest, Severity.Warning,
            "Windows 2000, XP and Server 2003 choose their HAL at setup: on one virtual processor they install the ACPI Uniprocessor HAL (halaacpi.dll). A sysprep image made from such a template keeps it, so clones given two virtual processors use only one; Windows upgrades to the multiprocessor HAL when a second processor appears but never downgrades, and the multiprocessor HAL runs fine on one. Build these templates with 2 virtual processors (the most these guests support).");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (!vm.IsTemplate.IsTrue() || !vm.ProcessorCount.Is(n => n == 1)) return;
            if (!vm.GuestOperatingSystem.Is(g => g.HasSetupTimeHal)) return;

            GuestOperatingSystem guest = vm.GuestOperatingSystem.Value;
            int recommended = ProfileCatalog.GuestVirtualProcessorCap(context.Profile, guest) ?? 2;
            if (recommended < 2) return; // Windows 2000 and XP SP2 x86 support only one: nothing better to build.
            context.Report(vm.ProcessorCount.Location, VirtualMachineContext.Format(
                "{0} is a {1} template with 1 virtual processor: its clones keep the uniprocessor HAL; build the template with 2 virtual processors",
                context.VmLabel, GuestOperatingSystem.DisplayName(guest.Product)),
                properties: new System.Collections.Generic.Dictionary<string, string> { ["recommended"] = "2" });
        }
    }
}
