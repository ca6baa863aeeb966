using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Storage
{
    /// <summary>
    /// HV2006: a floppy disk given to a Generation 2 VM, which has no floppy drive (hyperv-facts.md §1.1, §2 and §8 row 24;
    /// Packer's hyperv builders refuse floppy files on Generation 2 for the same reason).
    /// </summary>
    public sealed class HV2006FloppyDiskOnGeneration2 : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.FloppyDiskOnGeneration2, "FloppyDiskOnGeneration2",
            "Floppy disk on a Generation 2 VM", RuleCategory.Storage, Severity.Error,
            "A Generation 2 VM has no floppy drive: the emulated floppy controller is one of the legacy devices Generation 2 leaves out. Set-VMFloppyDiskDrive fails on it and a virtual floppy disk (.vfd) cannot be attached, so an unattended installation that expects its answer file on a floppy disk finds none. Put the files on an ISO image in a DVD drive, or into the virtual hard disk, instead.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (context.Generation != 2 || !vm.FloppyDisk.IsKnown) return;
            string? disk = vm.FloppyDisk.Value;
            string given = string.IsNullOrEmpty(disk) ? "no floppy drive to configure" : "no floppy drive, yet is given the floppy disk '" + disk + "'";
            context.Report(vm.FloppyDisk.Location, VirtualMachineContext.Format(
                "{0} is Generation 2, which has {1}; put the files on an ISO image in a DVD drive instead", context.VmLabel, given));
        }
    }
}
