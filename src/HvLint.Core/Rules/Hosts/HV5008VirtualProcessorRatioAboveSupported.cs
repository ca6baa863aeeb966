using System.Globalization;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Hosts
{
    /// <summary>HV5008: 8 virtual processors per logical processor on 2008 / 2008 R2, 12 when every guest is Windows 7 (TB-20110425).</summary>
    public sealed class HV5008VirtualProcessorRatioAboveSupported : HostRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.VirtualProcessorRatioAboveSupported, "VirtualProcessorRatioAboveSupported",
            "Virtual-to-logical processor ratio above the supported ratio", RuleCategory.Host, Severity.Warning,
            "Windows Server 2008 and 2008 R2 support 8 virtual processors per logical processor across the running VMs of a host, 12 when every running guest is Windows 7 (2008 R2 SP1). Later releases state no ratio. Above it the configuration is unsupported and CPU contention grows.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(HostContext context)
        {
            Host host = context.Host;
            double? ratio = context.Profile.MaxVirtualProcessorRatio;
            if (ratio == null || !host.LogicalProcessorCount.Is(n => n > 0)) return;

            long virtualProcessors = 0;
            bool anyKnownNonWindows7 = false;
            int running = 0;
            foreach (VirtualMachine vm in host.VirtualMachines.Items)
            {
                if (!vm.State.Is(s => s == VirtualMachineState.Running)) continue;
                running++;
                // Unknown counts are left out: the sum is then a lower bound, and a lower bound above the ratio is a finding.
                if (vm.ProcessorCount.IsKnown) virtualProcessors += vm.ProcessorCount.Value;
                if (vm.GuestOperatingSystem.Is(g => g.Product != GuestProduct.Windows7)) anyKnownNonWindows7 = true;
            }

            // The 12:1 ratio applies only when every guest is Windows 7; while that cannot be ruled out, use it.
            double allowed = !anyKnownNonWindows7 && context.Profile.MaxVirtualProcessorRatioAllWindows7.HasValue ? context.Profile.MaxVirtualProcessorRatioAllWindows7.Value : ratio.Value;
            double actual = (double)virtualProcessors / host.LogicalProcessorCount.Value;
            if (running == 0 || actual <= allowed) return;

            context.Report(host.LogicalProcessorCount.Location, VirtualMachineContext.Format(
                "{0} runs {1} virtual processors on {2} logical processors ({3}:1); {4} supports {5}:1",
                context.HostLabel, virtualProcessors, host.LogicalProcessorCount.Value, actual.ToString("0.#", CultureInfo.InvariantCulture), context.Profile.Id, allowed.ToString("0", CultureInfo.InvariantCulture)));
        }
    }
}
