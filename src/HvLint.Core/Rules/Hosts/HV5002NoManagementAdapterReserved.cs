using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Hosts
{
    /// <summary>HV5002: BPA ps427 "To reserve one network adapter for exclusive use by the management operating system, do not configure it for use with an external virtual network".</summary>
    public sealed class HV5002NoManagementAdapterReserved : HostRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.NoManagementAdapterReserved, "NoManagementAdapterReserved",
            "No physical adapter reserved for management", RuleCategory.Host, Severity.Error,
            "Every physical adapter of the host is bound to an external virtual switch and every such switch shares its adapter with the management operating system, so management traffic always competes with VM traffic and a switch change can cut the host off. Leave one adapter (or team) unbound for management, or set AllowManagementOS to false on the switches that carry VM traffic.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(HostContext context)
        {
            Host host = context.Host;
            if (!host.PhysicalNetworkAdapters.IsKnown || !host.VirtualSwitches.IsKnown || host.PhysicalNetworkAdapters.Count == 0) return;

            VirtualSwitch? firstShared = null;
            foreach (VirtualSwitch s in host.VirtualSwitches.Items)
            {
                if (!s.SwitchType.Is(t => t == VirtualSwitchType.External)) continue;
                if (!s.AllowManagementOS.IsKnown) return;
                if (!s.AllowManagementOS.Value) return; // a switch reserved for VMs: management has its own path
                firstShared ??= s;
            }

            if (firstShared == null) return;

            foreach (PhysicalNetworkAdapter nic in host.PhysicalNetworkAdapters.Items)
            {
                if (!nic.Name.IsKnown) return;
                if (host.SwitchBoundTo(nic) == null) return; // an unbound adapter can carry management on its own
            }

            string adapters = host.PhysicalNetworkAdapters.Count == 1 ? "its only physical adapter" : "all " + host.PhysicalNetworkAdapters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " physical adapters";
            context.Report(firstShared.AllowManagementOS.Location, VirtualMachineContext.Format(
                "{0} binds {1} to external switches that share them with the management OS (first: '{2}'); no adapter is reserved for management",
                context.HostLabel, adapters, firstShared.DisplayName));
        }
    }
}
