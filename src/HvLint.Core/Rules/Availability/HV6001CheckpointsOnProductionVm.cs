using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Availability
{
    /// <summary>HV6001: BPA 106 / ps576 "Avoid using checkpoints on a virtual machine that runs a server workload in a production environment" (Warning); 50 per VM is the platform limit (SCALE).</summary>
    public sealed class HV6001CheckpointsOnProductionVm : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.CheckpointsOnProductionVm, "CheckpointsOnProductionVm",
            "Checkpoints on a production VM", RuleCategory.Availability, Severity.Warning,
            "Each checkpoint adds a differencing disk (.avhd/.avhdx) to the chain every read goes through; the chain slows I/O and grows until the volume fills, and on 2008 and 2008 R2 a checkpoint is merged only when the VM is shut down. A VM holds at most 50 checkpoints: more than that is an error whatever the environment.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (!vm.CheckpointCount.IsKnown) return;
            int count = vm.CheckpointCount.Value;
            int limit = context.Profile.MaxCheckpoints;
            if (count > limit)
            {
                context.Report(vm.CheckpointCount.Location, VirtualMachineContext.Format(
                    "{0} has {1} checkpoints; a VM holds at most {2}", context.VmLabel, count, limit), severity: Severity.Error);
                return;
            }

            if (count > 0 && vm.IsProduction)
            {
                context.Report(vm.CheckpointCount.Location, VirtualMachineContext.Format(
                    "{0} is a production VM with {1}; merge them (Remove-VMSnapshot) and use backups instead",
                    context.VmLabel, Units.Count(count, "checkpoint", "checkpoints")));
            }
        }
    }
}
