using System.Collections.Generic;
using System.Linq;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Hosts
{
    /// <summary>
    /// HV5010: live migration adapters below 1 Gbps (the Best Practices Analyzer's "At least one network for live
    /// migration traffic should have a link speed of at least 1 Gbps", Error, and "All networks ...", Warning;
    /// hyperv-facts.md §4.1, §5 rules 55 and 56, §8 row 29).
    /// </summary>
    public sealed class HV5010LiveMigrationNetworkBelow1Gbps : HostRule
    {
        private const long OneGbps = 1_000_000_000;

        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.LiveMigrationNetworkBelow1Gbps, "LiveMigrationNetworkBelow1Gbps",
            "Live migration network below 1 Gbps", RuleCategory.Host, Severity.Warning,
            "A live migration copies the VM's memory over the network while the VM runs, and copies again what changed meanwhile; on a slow link the copies may never catch up, and the migration takes long or fails. The Best Practices Analyzer asks for every live migration network to run at 1 Gbps or more, and reports an error when none does.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(HostContext context)
        {
            Host host = context.Host;
            List<PhysicalNetworkAdapter> migration = host.PhysicalNetworkAdapters.Items.Where(n => n.HasRole(NetworkRole.LiveMigration)).ToList();
            List<PhysicalNetworkAdapter> slow = migration.Where(n => n.LinkSpeedBitsPerSecond.Is(s => s < OneGbps)).ToList();
            if (slow.Count == 0) return;

            // None at 1 Gbps or more, every speed known: one error for the host (BPA rule 55).
            if (slow.Count == migration.Count)
            {
                PhysicalNetworkAdapter first = slow[0];
                context.Report(first.LinkSpeedBitsPerSecond.Location, VirtualMachineContext.Format(
                    "{0} has no live migration network of 1 Gbps or more: {1}; live migrations of busy VMs may never finish",
                    context.HostLabel, string.Join(", ", slow.Select(n => "'" + n.DisplayName + "' at " + Units.FormatLinkSpeed(n.LinkSpeedBitsPerSecond.Value)))),
                    "live-migration", Severity.Error);
                return;
            }

            // Some faster adapter exists (or one of unknown speed): each slow one is a warning (BPA rule 56).
            foreach (PhysicalNetworkAdapter nic in slow)
            {
                context.Report(nic.LinkSpeedBitsPerSecond.Location, VirtualMachineContext.Format(
                    "{0} adapter '{1}' carries live migration at {2}; every live migration network should run at 1 Gbps or more",
                    context.HostLabel, nic.DisplayName, Units.FormatLinkSpeed(nic.LinkSpeedBitsPerSecond.Value)), "nic:" + nic.DisplayName);
            }
        }
    }
}
