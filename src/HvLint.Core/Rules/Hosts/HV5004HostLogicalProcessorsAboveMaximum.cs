using HvLint.Engine;
using HvLint.Model;
using HvLint.Profiles;

namespace HvLint.Rules.Hosts
{
    /// <summary>HV5004: BPA 13 "The number of logical processors in use must not exceed the supported maximum" (Error).</summary>
    public sealed class HV5004HostLogicalProcessorsAboveMaximum : HostRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.HostLogicalProcessorsAboveMaximum, "HostLogicalProcessorsAboveMaximum",
            "Host logical processors above the platform's maximum", RuleCategory.Host, Severity.Error,
            "Each Hyper-V release supports a maximum number of host logical processors: 16 on Windows Server 2008 (24 with KB956710 or SP2), 64 on 2008 R2, 320 on 2012 and 2012 R2, 512 on 2016 and 2019, 1024 on 2022, 2048 on 2025. Beyond it the hypervisor ignores processors or the configuration is unsupported.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(HostContext context)
        {
            var lps = context.Host.LogicalProcessorCount;
            int limit = context.Profile.MaxHostLogicalProcessors;
            if (!lps.IsKnown || lps.Value <= limit) return;
            string note = context.Profile.Version == HyperVVersion.V2008 ? " (with KB956710 or SP2; 16 without)" : string.Empty;
            context.Report(lps.Location, VirtualMachineContext.Format(
                "{0} has {1} logical processors; {2} supports {3}{4}", context.HostLabel, lps.Value, context.Profile.Id, limit, note));
        }
    }
}
