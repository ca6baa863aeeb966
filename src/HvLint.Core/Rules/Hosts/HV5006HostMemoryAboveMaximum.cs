using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Hosts
{
    /// <summary>HV5006: host memory above what the release supports (hyperv-facts.md §1.1).</summary>
    public sealed class HV5006HostMemoryAboveMaximum : HostRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.HostMemoryAboveMaximum, "HostMemoryAboveMaximum",
            "Host memory above the platform's maximum", RuleCategory.Host, Severity.Error,
            "Each release supports a maximum of host memory: 1 TB on Windows Server 2008 and 2008 R2 Enterprise and Datacenter (32 GB on Standard), 4 TB on 2012 and 2012 R2, 24 TB on 2016 and 2019, 4 PB on 2022 and 2025 (with 5-level paging). Memory above it is not used.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(HostContext context)
        {
            Host host = context.Host;
            if (!host.MemoryCapacityBytes.IsKnown) return;
            bool standard = host.OperatingSystem.Is(os => os.IndexOf("Standard", System.StringComparison.OrdinalIgnoreCase) >= 0);
            long limit = standard && context.Profile.MaxHostMemoryOnStandardEditionBytes.HasValue ? context.Profile.MaxHostMemoryOnStandardEditionBytes.Value : context.Profile.MaxHostMemoryBytes;
            if (host.MemoryCapacityBytes.Value <= limit) return;
            context.Report(host.MemoryCapacityBytes.Location, VirtualMachineContext.Format(
                "{0} has {1} of memory; {2} supports {3}{4}", context.HostLabel, Units.FormatBytes(host.MemoryCapacityBytes.Value), context.Profile.Id, Units.FormatBytes(limit), standard ? " on a Standard edition" : string.Empty));
        }
    }
}
