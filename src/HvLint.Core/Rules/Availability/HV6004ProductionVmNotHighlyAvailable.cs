using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Availability
{
    /// <summary>HV6004: a production VM that a host failure takes down (informational).</summary>
    public sealed class HV6004ProductionVmNotHighlyAvailable : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.ProductionVmNotHighlyAvailable, "ProductionVmNotHighlyAvailable",
            "Production VM that is not highly available", RuleCategory.Availability, Severity.Info,
            "A production VM that is not a clustered (highly available) role stops when its host fails or is patched, and cannot be live-migrated by the cluster. Make it highly available in a failover cluster, or accept the risk with a suppression.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (!vm.IsProduction || !vm.IsClustered.IsFalse()) return;
            context.Report(vm.IsClustered.Location, VirtualMachineContext.Format(
                "{0} is a production VM but not highly available; a host failure takes it down", context.VmLabel));
        }
    }
}
