using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Availability
{
    /// <summary>HV6003: a checkpoint does not capture a pass-through disk (TB-20090303); reverting splits the VM's state.</summary>
    public sealed class HV6003CheckpointsWithPassThroughDisk : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.CheckpointsWithPassThroughDisk, "CheckpointsWithPassThroughDisk",
            "Checkpoints on a VM with a pass-through disk", RuleCategory.Availability, Severity.Error,
            "Pass-through disks cannot be checkpointed. A VM with checkpoints and a pass-through disk has checkpoints that restore its virtual disks and memory but not the pass-through disk, so applying one leaves the guest with data from two points in time.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (!vm.CheckpointCount.Is(n => n > 0)) return;
            foreach (Drive drive in vm.Drives.Items)
            {
                if (!drive.Kind.Is(k => k == DriveKind.PassThroughDisk)) continue;
                context.Report(vm.CheckpointCount.Location, VirtualMachineContext.Format(
                    "{0} has {1} but its pass-through disk{2} is not captured by them; applying one mixes two points in time",
                    context.VmLabel, Units.Count(vm.CheckpointCount.Value, "checkpoint", "checkpoints"), drive.AtSlot), drive.SlotDescription);
                return;
            }
        }
    }
}
