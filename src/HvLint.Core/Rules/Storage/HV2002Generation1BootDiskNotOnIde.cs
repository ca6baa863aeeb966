using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Storage
{
    /// <summary>HV2002: a Generation 1 VM boots only from IDE; synthetic SCSI is not bootable there (GEN).</summary>
    public sealed class HV2002Generation1BootDiskNotOnIde : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.Generation1BootDiskNotOnIde, "Generation1BootDiskNotOnIde",
            "Generation 1 VM whose boot disk is not on IDE", RuleCategory.Storage, Severity.Error,
            "The BIOS of a Generation 1 VM boots from IDE (or CD, floppy and the legacy network adapter); the synthetic SCSI controller needs VMBus drivers that load only after the operating system starts, so a boot disk on SCSI does not boot.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            if (context.Generation != 1) return;
            VirtualMachine vm = context.VirtualMachine;

            Drive? marked = null;
            foreach (Drive d in vm.Drives.Items)
            {
                if (d.IsBootDisk.IsTrue()) marked = d;
            }

            if (marked != null)
            {
                if (marked.ControllerType.Is(t => t == ControllerType.Scsi))
                {
                    Report(context, marked, marked.IsBootDisk.Location);
                }

                return;
            }

            // No disk is marked as the boot disk: the VM cannot boot from disk when every hard disk is on SCSI.
            if (!vm.Drives.IsKnown) return;
            Drive? firstScsi = null;
            foreach (Drive d in vm.Drives.Items)
            {
                if (!d.IsHardDisk) continue;
                if (!d.ControllerType.IsKnown) return;
                if (d.ControllerType.Value == ControllerType.Ide) return;
                if (d.ControllerType.Value == ControllerType.Scsi && firstScsi == null) firstScsi = d;
            }

            if (firstScsi == null) return;

            // A diskless boot (network or CD only) is deliberate when the boot order leaves the hard drive out.
            if (vm.BootOrder.IsKnown)
            {
                bool bootsFromDisk = false;
                foreach (BootEntry e in vm.BootOrder.Items) bootsFromDisk |= e.IsHardDisk;
                if (!bootsFromDisk) return;
            }

            Report(context, firstScsi, firstScsi.ControllerType.Location);
        }

        private static void Report(VirtualMachineContext context, Drive drive, SourceLocation at)
        {
            context.Report(at, VirtualMachineContext.Format(
                "{0} is Generation 1 and its boot disk '{1}' is on {2}; a Generation 1 VM boots only from IDE",
                context.VmLabel, drive.DisplayName, drive.SlotName), drive.SlotDescription);
        }
    }
}
