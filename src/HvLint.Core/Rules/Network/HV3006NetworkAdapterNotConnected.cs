using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Network
{
    /// <summary>HV3006: an adapter on no switch, or on a switch its host does not have (BPA rule 70 is the closest).</summary>
    public sealed class HV3006NetworkAdapterNotConnected : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.NetworkAdapterNotConnected, "NetworkAdapterNotConnected",
            "Network adapter connected to no switch, or to a switch the host does not have", RuleCategory.Network, Severity.Warning,
            "An adapter with no switch has no connectivity; an adapter naming a switch its host does not have fails to connect when the VM is imported or migrated there (Hyper-V reports the configuration error and leaves it disconnected). Templates are exempt from the first case: their adapters are connected when they are deployed.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            Host? host = context.Host;
            foreach (NetworkAdapter adapter in vm.NetworkAdapters.Items)
            {
                if (adapter.IsKnownDisconnected)
                {
                    if (vm.IsTemplate.IsTrue()) continue;
                    context.Report(adapter.SwitchName.Location.HasPosition ? adapter.SwitchName.Location : adapter.Location, VirtualMachineContext.Format(
                        "{0} adapter '{1}' is connected to no virtual switch", context.VmLabel, adapter.DisplayName), "adapter:" + adapter.DisplayName);
                    continue;
                }

                if (host == null || !adapter.IsConnected || !host.VirtualSwitches.IsKnown) continue;
                if (host.FindSwitch(adapter.SwitchName.Value!) != null) continue;
                context.Report(adapter.SwitchName.Location, VirtualMachineContext.Format(
                    "{0} adapter '{1}' is connected to switch '{2}', which host '{3}' does not have",
                    context.VmLabel, adapter.DisplayName, adapter.SwitchName.Value!, host.DisplayName), "adapter:" + adapter.DisplayName);
            }
        }
    }
}
