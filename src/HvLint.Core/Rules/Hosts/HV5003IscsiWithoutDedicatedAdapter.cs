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
                var problems = new List<string>();
                VirtualSwitch? bound = host.VirtualSwitches.IsKnown ? host.SwitchBoundTo(nic) : null;
                if (bound != null) problems.Add("is bound to virtual switch '" + bound.DisplayName + "'");
                if (nic.HasRole(NetworkRole.Management)) problems.Add("also carries management traffic");
                if (nic.HasRole(NetworkRole.VirtualMachines)) problems.Add("also carries VM traffic");
                if (problems.Count == 0) continue;

                context.Report(nic.Roles.Location.HasPosition ? nic.Roles.Location : nic.Location, VirtualMachineContext.Format(
                    "{0} adapter '{1}' carries iSCSI and {2}; give iSCSI a dedicated adapter not bound to a virtual switch",
                    context.HostLabel, nic.DisplayName, string.Join(" and ", problems)), "nic:" + nic.DisplayName);
            }
        }
    }
}
