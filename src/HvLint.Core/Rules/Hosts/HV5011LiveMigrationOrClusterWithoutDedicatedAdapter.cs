using System.Collections.Generic;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Hosts
{
    /// <summary>
    /// HV5011: live migration or cluster traffic on an adapter shared with management or VM traffic (hyperv-facts.md
    /// §4.1, LMNET: dedicated networks for live migration and for cluster/CSV, separate from management and VM
    /// networks; §8 row 29).
    /// </summary>
    public sealed class HV5011LiveMigrationOrClusterWithoutDedicatedAdapter : HostRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.LiveMigrationOrClusterWithoutDedicatedAdapter, "LiveMigrationOrClusterWithoutDedicatedAdapter",
            "Live migration or cluster traffic without a dedicated adapter", RuleCategory.Host, Severity.Warning,
            "The live migration network guide asks for dedicated networks for live migration and for cluster and Cluster Shared Volume traffic, separate from the management and VM networks. A live migration fills its link for as long as it copies memory: on an adapter shared with management or VM traffic it slows both, and cluster heartbeats that queue behind it can make the cluster take a healthy node for a failed one.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(HostContext context)
        {
            Host host = context.Host;
            foreach (PhysicalNetworkAdapter nic in host.PhysicalNetworkAdapters.Items)
            {
                bool migration = nic.HasRole(NetworkRole.LiveMigration), cluster = nic.HasRole(NetworkRole.Cluster);
                if (!migration && !cluster) continue;
                List<string> problems = SharedTraffic.Of(host, nic);
                if (problems.Count == 0) continue;

                string traffic = migration && cluster ? "live migration and cluster traffic" : migration ? "live migration" : "cluster traffic";
                context.Report(SharedTraffic.At(nic), VirtualMachineContext.Format(
                    "{0} adapter '{1}' carries {2} and {3}; give it a dedicated adapter of its own",
                    context.HostLabel, nic.DisplayName, traffic, string.Join(" and ", problems)), "nic:" + nic.DisplayName);
            }
        }
    }
}
