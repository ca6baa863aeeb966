using System.Collections.Generic;
using HvLint.Engine;
using HvLint.Model;
using HvLint.Profiles;

namespace HvLint.Rules.Hosts
{
    /// <summary>HV5007: Hyper-V's hardware prerequisites (x64, hardware-assisted virtualization, hardware DEP; SLAT from 2016).</summary>
    public sealed class HV5007HostHardwarePrerequisitesMissing : HostRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.HostHardwarePrerequisitesMissing, "HostHardwarePrerequisitesMissing",
            "Host lacks hardware virtualization, DEP or x64", RuleCategory.Host, Severity.Error,
            "The Hyper-V role needs an x64 processor with hardware-assisted virtualization (Intel VT-x or AMD-V) and hardware-enforced Data Execution Prevention (Intel XD or AMD NX), all enabled in the firmware; from Windows Server 2016 it also needs second-level address translation (EPT or RVI). Without them the hypervisor does not start and no VM runs.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(HostContext context)
        {
            Host host = context.Host;
            Check(context, host.X64, "an x64 processor");
            Check(context, host.HardwareVirtualization, "hardware-assisted virtualization (Intel VT-x / AMD-V)");
            Check(context, host.DataExecutionPrevention, "hardware DEP (Intel XD / AMD NX)");
            if (context.Profile.Version >= HyperVVersion.V2016) Check(context, host.SecondLevelAddressTranslation, "second-level address translation (EPT / RVI)");
        }

        private static void Check(HostContext context, Fact<bool> feature, string what)
        {
            if (!feature.IsFalse()) return;
            context.Report(feature.Location, VirtualMachineContext.Format(
                "{0} lacks {1}, which {2} requires; the hypervisor will not start", context.HostLabel, what, context.Profile.Id), what);
        }
    }
}
