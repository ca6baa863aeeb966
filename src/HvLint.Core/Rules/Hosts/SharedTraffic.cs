using System.Collections.Generic;
using HvLint.Model;

namespace HvLint.Rules.Hosts
{
    /// <summary>
    /// What an adapter meant for one traffic class also carries (hyperv-facts.md §4.1: management, VM, live migration,
    /// cluster and storage traffic each on their own adapters): a virtual switch, management or VM traffic.
    /// </summary>
    internal static class SharedTraffic
    {
        public static List<string> Of(Host host, PhysicalNetworkAdapter nic)
        {
            var problems = new List<string>();
            VirtualSwitch? bound = host.VirtualSwitches.IsKnown ? host.SwitchBoundTo(nic) : null;
            if (bound != null) problems.Add("is bound to virtual switch '" + bound.DisplayName + "'");
            if (nic.HasRole(NetworkRole.Management)) problems.Add("also carries management traffic");
            if (nic.HasRole(NetworkRole.VirtualMachines)) problems.Add("also carries VM traffic");
            return problems;
        }

        /// <summary>Where a finding about the adapter's traffic goes: its roles, else the adapter.</summary>
        public static SourceLocation At(PhysicalNetworkAdapter nic) => nic.Roles.Location.HasPosition ? nic.Roles.Location : nic.Location;
    }
}
