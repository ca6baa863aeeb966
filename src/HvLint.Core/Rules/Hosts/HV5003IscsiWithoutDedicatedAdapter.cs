using System.Collections.Generic;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Hosts
{
    /// <summary>HV5003: storage traffic on its own adapters, unbound from virtual switches (NET, LMNET ~).</summary>
    public sealed class HV5003IscsiWithoutDedicatedAdapter : HostRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.IscsiWithoutDedicatedAdapter, "IscsiWithoutDedicatedAdapter",
            "iSCSI traffic without a dedicated adapter", RuleCategory.Host, Severity.Warning,
            "Hyper-V networking guidance separates management, VM, live migration, cluster and storage traffic. An adapter that carries iSCSI and is also bound to a virtual switch, or also carries management or VM traffic, lets a burst of VM traffic stall the storage of every VM on the host. Give iSCSI dedicated adapters, not bound to a virtual switch, with MPIO for redundancy.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(HostContext context)
        {
            Host host = context.Host;
            foreach (PhysicalNetworkAdapter nic in host.PhysicalNetworkAdapters.Items)
            {
                if (!nic.HasRole(NetworkRole.Iscsi)) continue;
                List<string> problems = SharedTraffic.Of(host, nic);
                if (problems.Count == 0) continue;

                context.Report(SharedTraffic.At(nic), VirtualMachineContext.Format(
                    "{0} adapter '{1}' carries iSCSI and {2}; give iSCSI a dedicated adapter not bound to a virtual switch",
                    context.HostLabel, nic.DisplayName, string.Join(" and ", problems)), "nic:" + nic.DisplayName);
            }
        }
    }
}
