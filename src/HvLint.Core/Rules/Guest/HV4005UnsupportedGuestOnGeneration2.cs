using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Guest
{
    /// <summary>HV4005: Generation 2 runs 64-bit Windows 8 / Server 2012 and later, and listed Linux/FreeBSD (GEN).</summary>
    public sealed class HV4005UnsupportedGuestOnGeneration2 : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.UnsupportedGuestOnGeneration2, "UnsupportedGuestOnGeneration2",
            "32-bit or unsupported guest on a Generation 2 VM", RuleCategory.Guest, Severity.Error,
            "Generation 2 VMs boot through UEFI and offer only synthetic devices. They run 64-bit Windows 8 and Windows Server 2012 or later, and supported Linux and FreeBSD releases; 32-bit Windows and Windows 7, Server 2008 R2 and older do not boot. The generation cannot be changed after the VM is created.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (context.Generation != 2 || !vm.GuestOperatingSystem.IsKnown) return;
            GuestOperatingSystem guest = vm.GuestOperatingSystem.Value;

            string? problem = null;
            if (guest.IsWindows && guest.Product < GuestProduct.Windows8)
            {
                problem = GuestOperatingSystem.DisplayName(guest.Product) + ", which Generation 2 does not support (64-bit Windows 8 / Server 2012 or later)";
            }
            else if (guest.Architecture == ProcessorArchitecture.X86)
            {
                problem = "a 32-bit guest (" + guest.Name + "); Generation 2 runs 64-bit guests only";
            }

            if (problem == null) return;
            context.Report(vm.GuestOperatingSystem.Location, VirtualMachineContext.Format(
                "{0} is Generation 2 and runs {1}; create it as Generation 1", context.VmLabel, problem));
        }
    }
}
