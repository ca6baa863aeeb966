using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Network
{
    /// <summary>HV3008: NLB (unicast) and nested virtualization send frames from MACs the switch did not assign.</summary>
    public sealed class HV3008MacAddressSpoofingRequired : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.MacAddressSpoofingRequired, "MacAddressSpoofingRequired",
            "NLB or nested virtualization without MAC address spoofing", RuleCategory.Network, Severity.Warning,
            "Network Load Balancing in unicast mode replaces the adapter's MAC with the cluster MAC, and VMs nested inside a VM send frames with their own MACs. The Hyper-V switch drops frames from MAC addresses it did not assign unless MAC address spoofing is on for the adapter (Set-VMNetworkAdapter -MacAddressSpoofing On).");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            string? why = vm.ExposeVirtualizationExtensions.IsTrue() ? "runs nested virtualization" : vm.Roles.Contains("nlb") ? "is a Network Load Balancing node" : null;
            if (why == null) return;
            foreach (NetworkAdapter adapter in vm.NetworkAdapters.Items)
            {
                if (!adapter.MacAddressSpoofing.IsFalse() || adapter.IsKnownDisconnected) continue;
                context.Report(adapter.MacAddressSpoofing.Location, VirtualMachineContext.Format(
                    "{0} {1} but adapter '{2}' has MAC address spoofing off; the switch drops frames from the other MAC addresses",
                    context.VmLabel, why, adapter.DisplayName), "adapter:" + adapter.DisplayName);
            }
        }
    }
}
