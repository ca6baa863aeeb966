using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Network
{
    /// <summary>HV3002: a Generation 1 VM can PXE-boot only from a legacy network adapter (GEN, NET).</summary>
    public sealed class HV3002Generation1NetworkBootWithoutLegacyAdapter : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.Generation1NetworkBootWithoutLegacyAdapter, "Generation1NetworkBootWithoutLegacyAdapter",
            "Generation 1 VM boots from the network but has no legacy network adapter", RuleCategory.Network, Severity.Error,
            "The BIOS of a Generation 1 VM can PXE-boot only through the legacy (emulated) network adapter; the synthetic adapter needs VMBus drivers that load after the operating system starts. Set-VMBios accepts a startup order with LegacyNetworkAdapter first even when the VM has no such adapter, and the VM then never reaches the deployment server.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (context.Generation != 1) return;
            BootEntry? pxe = BootOrderFacts.NetworkBeforeDisk(vm, out _);
            if (pxe == null || !vm.NetworkAdapters.IsKnown) return;

            foreach (NetworkAdapter adapter in vm.NetworkAdapters.Items)
            {
                // One adapter of unknown kind could be the legacy one: stay silent.
                if (!adapter.IsLegacy.IsKnown || adapter.IsLegacy.Value) return;
            }

            string adapters = vm.NetworkAdapters.Count == 0 ? "no network adapter" : "only synthetic network adapters (" + vm.NetworkAdapters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            context.Report(pxe.Location, VirtualMachineContext.Format(
                "{0} is Generation 1 and boots from the network before its disk, but has {1}; PXE boot on Generation 1 needs a legacy network adapter",
                context.VmLabel, adapters), "boot",
                properties: new System.Collections.Generic.Dictionary<string, string> { ["vm"] = context.VirtualMachine.DisplayName });
        }
    }
}
