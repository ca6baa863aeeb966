using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Network
{
    /// <summary>HV3003: Generation 2 VMs have no legacy network adapter (GEN; Packer "Generation 2 vms don't support legacy network adapters").</summary>
    public sealed class HV3003LegacyNetworkAdapterOnGeneration2 : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.LegacyNetworkAdapterOnGeneration2, "LegacyNetworkAdapterOnGeneration2",
            "Legacy network adapter on a Generation 2 VM", RuleCategory.Network, Severity.Error,
            "Generation 2 VMs have no emulated devices: Add-VMNetworkAdapter -IsLegacy fails on them and provisioning stops. A Generation 2 VM PXE-boots from its standard (synthetic) network adapter.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            if (context.Generation != 2) return;
            foreach (NetworkAdapter adapter in context.VirtualMachine.NetworkAdapters.Items)
            {
                if (!adapter.IsLegacy.IsTrue()) continue;
                context.Report(adapter.IsLegacy.Location, VirtualMachineContext.Format(
                    "{0} is Generation 2 and has the legacy network adapter '{1}'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)",
                    context.VmLabel, adapter.DisplayName), "adapter:" + adapter.DisplayName);
            }
        }
    }
}
