using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Compute
{
    /// <summary>HV1001: more virtual processors than the platform allows per VM (hyperv-facts.md §1.1).</summary>
    public sealed class HV1001VirtualProcessorsAboveProfileMaximum : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.VirtualProcessorsAboveProfileMaximum, "VirtualProcessorsAboveProfileMaximum",
            "Virtual processors above the platform's per-VM maximum", RuleCategory.Compute, Severity.Error,
            "A VM has more virtual processors than the Hyper-V release allows per VM: 4 on Windows Server 2008 and 2008 R2, 64 on 2012 and 2012 R2 and for Generation 1 VMs since, 240 for Generation 2 on 2016 and 2019, 1024 on 2022 and 2048 on 2025. Hyper-V refuses to start such a VM.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (!vm.ProcessorCount.IsKnown) return;
            int? limit = context.Profile.MaxVirtualProcessors(vm.Generation);
            if (limit == null || vm.ProcessorCount.Value <= limit.Value) return;

            string scope = context.Profile.SupportsGeneration2 && vm.Generation.IsKnown ? " for a Generation " + vm.Generation.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " VM" : " per VM";
            context.Report(vm.ProcessorCount.Location, VirtualMachineContext.Format(
                "{0} has {1} virtual processors; {2} allows {3}{4}",
                context.VmLabel, vm.ProcessorCount.Value, context.Profile.Id, limit.Value, scope),
                properties: new System.Collections.Generic.Dictionary<string, string> { ["maximum"] = limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
    }
}
