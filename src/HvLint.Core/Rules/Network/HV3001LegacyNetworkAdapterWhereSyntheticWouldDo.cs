using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Network
{
    /// <summary>HV3001: an emulated adapter where the guest could use a synthetic one (BPA rule 72 / ps432, NET).</summary>
    public sealed class HV3001LegacyNetworkAdapterWhereSyntheticWouldDo : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.LegacyNetworkAdapterWhereSyntheticWouldDo, "LegacyNetworkAdapterWhereSyntheticWouldDo",
            "Legacy network adapter where a synthetic one would do", RuleCategory.Network, Severity.Warning,
            "The legacy network adapter emulates a DEC/Intel 21140 in the parent partition's worker process: every packet costs host CPU and throughput is far below the synthetic (VMBus) adapter. It is needed only for PXE boot of a Generation 1 VM and for guests without integration services. The Best Practices Analyzer rule \"Avoid using legacy network adapters when the guest operating system supports network adapters\" says the same.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (context.Generation != 1) return;

            bool guestHasIntegrationServices = vm.IntegrationServices.Installed.IsTrue() || vm.GuestOperatingSystem.Is(g => g.HasInBoxIntegrationServices);
            if (!guestHasIntegrationServices) return;

            // Whether the adapter is there for PXE can only be told from a known boot order.
            BootEntry? pxe = BootOrderFacts.NetworkBeforeDisk(vm, out bool bootOrderKnown);
            if (!bootOrderKnown) return;

            bool pxeAdapterSeen = false;
            foreach (NetworkAdapter adapter in vm.NetworkAdapters.Items)
            {
                if (!adapter.IsLegacy.IsTrue()) continue;
                if (pxe != null && !pxeAdapterSeen)
                {
                    // The first legacy adapter is the one the BIOS boots from.
                    pxeAdapterSeen = true;
                    continue;
                }

                string reason = pxe == null ? "the VM does not boot from the network before its disk" : "another legacy adapter already serves PXE boot";
                string guest = vm.GuestOperatingSystem.IsKnown ? GuestOperatingSystem.DisplayName(vm.GuestOperatingSystem.Value.Product) : "the guest";
                context.Report(adapter.IsLegacy.Location, VirtualMachineContext.Format(
                    "{0} has the legacy network adapter '{1}' although {2} has integration services and {3}; use a synthetic network adapter",
                    context.VmLabel, adapter.DisplayName, guest, reason), "adapter:" + adapter.DisplayName);
            }
        }
    }
}
