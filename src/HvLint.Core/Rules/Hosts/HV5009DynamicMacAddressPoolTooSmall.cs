using System.Globalization;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Hosts
{
    /// <summary>HV5009: the host's dynamic MAC address pool leaves fewer than 20 addresses to spare (BPA rule 67; hyperv-facts.md §4.1).</summary>
    public sealed class HV5009DynamicMacAddressPoolTooSmall : HostRule
    {
        /// <summary>The Best Practices Analyzer's margin ($MAC_RANGE in its script).</summary>
        public const int Margin = 20;

        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.DynamicMacAddressPoolTooSmall, "DynamicMacAddressPoolTooSmall",
            "Dynamic MAC address pool too small for the host's adapters", RuleCategory.Host, Severity.Warning,
            "Hyper-V gives each network adapter with a dynamic MAC address one from the host's pool, MacAddressMinimum to MacAddressMaximum. The Best Practices Analyzer warns \"Configure the server with a sufficient amount of dynamic MAC addresses\" when the pool's range is less than the host's dynamic-MAC adapters plus 20 (rule 67).");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(HostContext context)
        {
            Host host = context.Host;
            if (!host.MacAddressMinimum.IsKnown || !host.MacAddressMaximum.IsKnown) return;
            string? min = MacAddress.Normalise(host.MacAddressMinimum.Value);
            string? max = MacAddress.Normalise(host.MacAddressMaximum.Value);
            if (min == null || max == null) return;
            long range = long.Parse(max, NumberStyles.HexNumber, CultureInfo.InvariantCulture) - long.Parse(min, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

            // Adapters known to take a dynamic address; unknown ones are left out, so the count is a lower bound and a
            // lower bound above the pool is a finding.
            int dynamic = 0;
            foreach (VirtualMachine vm in host.VirtualMachines.Items)
            {
                foreach (NetworkAdapter adapter in vm.NetworkAdapters.Items)
                {
                    if (adapter.StaticMacAddress.IsFalse()) dynamic++;
                }
            }

            if (range < 0 || range >= dynamic + Margin) return;
            context.Report(host.MacAddressMaximum.Location, VirtualMachineContext.Format(
                "{0} gives dynamic MAC addresses from {1} to {2}, a range of {3}, to {4} VM adapters; the Best Practices Analyzer asks for a range of at least the adapters plus {5} ({6}): widen the pool (Set-VMHost -MacAddressMaximum)",
                context.HostLabel, MacAddress.Display(min), MacAddress.Display(max), range, dynamic, Margin, dynamic + Margin));
        }
    }
}
