using HvLint.Engine;
using HvLint.Model;
using HvLint.Profiles;

namespace HvLint.Rules.Compute
{
    /// <summary>HV1002: more virtual processors than the guest OS supports on the host (hyperv-facts.md §1.2).</summary>
    public sealed class HV1002VirtualProcessorsAboveGuestMaximum : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.VirtualProcessorsAboveGuestMaximum, "VirtualProcessorsAboveGuestMaximum",
            "Virtual processors above what the guest operating system supports", RuleCategory.Compute, Severity.Error,
            "Older guests support fewer virtual processors than the platform: Windows 2000 Server 1, Windows Server 2003 2, Windows XP SP2 (x86) 1, XP SP3 and x64 2, Vista 2, Windows 7 4, Windows Server 2008 SP2 4 on 2008-era hosts (8 from 2016), Windows 8.1, 10 and 11 32. The Best Practices Analyzer reports these as errors (rules 500-506).");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (!vm.ProcessorCount.IsKnown || !vm.GuestOperatingSystem.IsKnown) return;
            GuestOperatingSystem guest = vm.GuestOperatingSystem.Value;
            int? cap = ProfileCatalog.GuestVirtualProcessorCap(context.Profile, guest);
            if (cap == null || vm.ProcessorCount.Value <= cap.Value) return;

            context.Report(vm.ProcessorCount.Location, VirtualMachineContext.Format(
                "{0} runs {1} with {2} virtual processors; {1} supports at most {3} on {4}",
                context.VmLabel, GuestOperatingSystem.DisplayName(guest.Product), vm.ProcessorCount.Value, cap.Value, context.Profile.Id));
        }
    }
}
