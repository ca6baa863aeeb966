using System.Globalization;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Network
{
    /// <summary>HV3007: 802.1Q VLAN IDs are 1–4094; a trunk needs an allowed list (hyperv-facts.md §4.1).</summary>
    public sealed class HV3007InvalidVlanConfiguration : VirtualMachineRule
    {
        public const int MinimumVlanId = 1;
        public const int MaximumVlanId = 4094;

        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.InvalidVlanConfiguration, "InvalidVlanConfiguration",
            "VLAN ID outside 1-4094, or a trunk without allowed VLANs", RuleCategory.Network, Severity.Error,
            "IEEE 802.1Q VLAN IDs run from 1 to 4094 (0 and 4095 are reserved); Set-VMNetworkAdapterVlan rejects other values. A trunk-mode adapter needs an allowed VLAN list, or it carries no tagged traffic.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            foreach (NetworkAdapter adapter in context.VirtualMachine.NetworkAdapters.Items)
            {
                string element = "adapter:" + adapter.DisplayName;
                // The access VLAN ID means something only in Access mode; Get-VMNetworkAdapterVlan writes 0 for it otherwise.
                if (adapter.AccessVlanId.IsKnown && adapter.VlanMode.Is(m => m == VlanMode.Access) && !IsValid(adapter.AccessVlanId.Value))
                {
                    context.Report(adapter.AccessVlanId.Location, VirtualMachineContext.Format(
                        "{0} adapter '{1}' has VLAN ID {2}; VLAN IDs run from {3} to {4}", context.VmLabel, adapter.DisplayName, adapter.AccessVlanId.Value, MinimumVlanId, MaximumVlanId), element + "#access");
                }

                if (adapter.NativeVlanId.IsKnown && (adapter.NativeVlanId.Value < 0 || adapter.NativeVlanId.Value > MaximumVlanId))
                {
                    context.Report(adapter.NativeVlanId.Location, VirtualMachineContext.Format(
                        "{0} adapter '{1}' has native VLAN ID {2}; VLAN IDs run from {3} to {4}", context.VmLabel, adapter.DisplayName, adapter.NativeVlanId.Value, MinimumVlanId, MaximumVlanId), element + "#native");
                }

                if (adapter.AllowedVlanIdList.IsKnown)
                {
                    string list = adapter.AllowedVlanIdList.Value ?? string.Empty;
                    string? bad = FirstInvalidEntry(list);
                    if (bad != null)
                    {
                        context.Report(adapter.AllowedVlanIdList.Location, VirtualMachineContext.Format(
                            "{0} adapter '{1}' allows VLANs '{2}': '{3}' is not a VLAN ID or range within {4}-{5}", context.VmLabel, adapter.DisplayName, list, bad, MinimumVlanId, MaximumVlanId), element + "#allowed");
                    }
                    else if (list.Trim().Length == 0 && adapter.VlanMode.Is(m => m == VlanMode.Trunk))
                    {
                        context.Report(adapter.AllowedVlanIdList.Location, VirtualMachineContext.Format(
                            "{0} adapter '{1}' is in trunk mode with an empty allowed VLAN list; it carries no tagged traffic", context.VmLabel, adapter.DisplayName), element + "#allowed");
                    }
                }
            }
        }

        private static bool IsValid(int id) => id >= MinimumVlanId && id <= MaximumVlanId;

        /// <summary>The first entry of "10,20-30" that is not a valid ID or ascending range; null when all are.</summary>
        internal static string? FirstInvalidEntry(string list)
        {
            foreach (string raw in list.Split(','))
            {
                string entry = raw.Trim();
                if (entry.Length == 0) continue;
                int dash = entry.IndexOf('-');
                if (dash < 0)
                {
                    if (!int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out int id) || !IsValid(id)) return entry;
                    continue;
                }

                bool ok = int.TryParse(entry.Substring(0, dash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int low)
                    & int.TryParse(entry.Substring(dash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int high);
                if (!ok || !IsValid(low) || !IsValid(high) || low > high) return entry;
            }

            return null;
        }
    }
}
