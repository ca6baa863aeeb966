using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Storage
{
    /// <summary>HV2004: pass-through disks escape checkpoints and host-level VSS backup (TB-20090303).</summary>
    public sealed class HV2004PassThroughDisk : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.PassThroughDisk, "PassThroughDisk",
            "Pass-through disk: not captured by checkpoints or host-level backup", RuleCategory.Storage, Severity.Warning,
            "A physical disk passed through to a VM cannot be checkpointed and is excluded by the Hyper-V VSS writer from host-level backup. A fixed-size VHDX performs close to a pass-through disk and keeps both.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            foreach (Drive drive in context.VirtualMachine.Drives.Items)
            {
                if (!drive.Kind.Is(k => k == DriveKind.PassThroughDisk)) continue;
                string disk = drive.DiskNumber.IsKnown ? "physical disk " + drive.DiskNumber.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "a physical disk";
                context.Report(drive.Kind.Location, VirtualMachineContext.Format(
                    "{0} passes {1} through{2}; it is not captured by checkpoints or host-level VSS backup (use a fixed-size VHDX)",
                    context.VmLabel, disk, drive.AtSlot), drive.SlotDescription);
            }
        }
    }
}
