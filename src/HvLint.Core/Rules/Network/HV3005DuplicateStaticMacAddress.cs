using System.Collections.Generic;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Network
{
    /// <summary>HV3005: two adapters with the same static MAC address collide on the network.</summary>
    public sealed class HV3005DuplicateStaticMacAddress : InventoryRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.DuplicateStaticMacAddress, "DuplicateStaticMacAddress",
            "The same static MAC address on two network adapters", RuleCategory.Network, Severity.Error,
            "Two network adapters with the same static MAC address make switches flap between their ports and both VMs lose traffic. Hyper-V does not check static addresses across VMs or hosts; cloning a VM with a static MAC is the usual cause.");

        public override RuleDescriptor Descriptor => Rule;

        public override IInventoryObserver CreateObserver() => new Observer();

        private sealed class Observer : IInventoryObserver
        {
            // One entry per static MAC: the compact summary that keeps the rule streamable.
            private readonly Dictionary<string, (string Vm, string Adapter, SourceLocation Location)> _seen = new Dictionary<string, (string, string, SourceLocation)>();

            public void Observe(VirtualMachineContext context)
            {
                foreach (NetworkAdapter adapter in context.VirtualMachine.NetworkAdapters.Items)
                {
                    if (!adapter.StaticMacAddress.IsTrue() || !adapter.MacAddress.IsKnown) continue;
                    string? mac = MacAddress.Normalise(adapter.MacAddress.Value);
                    // All zeros is how Hyper-V shows an address not yet assigned.
                    if (mac == null || mac == "000000000000") continue;
                    if (_seen.TryGetValue(mac, out var first))
                    {
                        string where = first.Location.HasPosition ? " (" + first.Location.Path + ":" + first.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : string.Empty;
                        context.Report(adapter.MacAddress.Location, VirtualMachineContext.Format(
                            "{0} adapter '{1}' has the static MAC address {2}, already used by VM '{3}' adapter '{4}'{5}",
                            context.VmLabel, adapter.DisplayName, MacAddress.Display(mac), first.Vm, first.Adapter, where), "adapter:" + adapter.DisplayName);
                    }
                    else
                    {
                        _seen.Add(mac, (context.VirtualMachine.DisplayName, adapter.DisplayName, adapter.MacAddress.Location));
                    }
                }
            }

            public void Complete(FindingSink sink)
            {
            }
        }
    }
}
