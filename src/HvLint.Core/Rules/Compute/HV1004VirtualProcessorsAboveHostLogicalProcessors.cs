using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Compute
{
    /// <summary>HV1004: a VM cannot have more virtual processors than its host has logical processors.</summary>
    public sealed class HV1004VirtualProcessorsAboveHostLogicalProcessors : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.VirtualProcessorsAboveHostLogicalProcessors, "VirtualProcessorsAboveHostLogicalProcessors",
            "More virtual processors than the host has logical processors", RuleCategory.Compute, Severity.Error,
            "Hyper-V does not start a VM with more virtual processors than its host has logical processors, and a live migration to such a host fails.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            Host? host = context.Host;
            if (host == null || !vm.ProcessorCount.IsKnown || !host.LogicalProcessorCount.IsKnown) return;
            if (vm.ProcessorCount.Value <= host.LogicalProcessorCount.Value) return;

            context.Report(vm.ProcessorCount.Location, VirtualMachineContext.Format(
                "{0} has {1} virtual processors but host '{2}' has {3} logical processors",
                context.VmLabel, vm.ProcessorCount.Value, host.DisplayName, host.LogicalProcessorCount.Value));
        }
    }
}
