using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Hosts
{
    /// <summary>HV5001: BPA 68 / ps427 "More than one network adapter should be available" (Error).</summary>
    public sealed class HV5001SinglePhysicalNetworkAdapter : HostRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.SinglePhysicalNetworkAdapter, "SinglePhysicalNetworkAdapter",
            "Host with fewer than two physical network adapters", RuleCategory.Host, Severity.Error,
            "With one physical adapter, management and every VM share it: VM traffic can starve management, and reconfiguring the virtual switch cuts the host off. The Best Practices Analyzer rule \"More than one network adapter should be available\" is an error for this reason. A team hides how many adapters it has, so this rule needs the physical adapter list (Get-NetAdapter -Physical).");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(HostContext context)
        {
            var nics = context.Host.PhysicalNetworkAdapters;
            if (!nics.IsKnown || nics.Count >= 2) return;
            foreach (PhysicalNetworkAdapter nic in nics.Items)
            {
                // A team interface hides how many adapters are behind it: the count is unknown.
                if (nic.IsTeamInterface) return;
            }

            context.Report(nics.Location, VirtualMachineContext.Format(
                "{0} has {1}; management, VM and storage traffic cannot be separated (at least two are needed)",
                context.HostLabel, nics.Count == 0 ? "no physical network adapter" : "one physical network adapter ('" + nics.Items[0].DisplayName + "')"));
        }
    }
}
