using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Compute
{
    /// <summary>HV1003: more memory than the platform allows per VM (hyperv-facts.md §1.1).</summary>
    public sealed class HV1003MemoryAboveProfileMaximum : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.MemoryAboveProfileMaximum, "MemoryAboveProfileMaximum",
            "Memory above the platform's per-VM maximum", RuleCategory.Compute, Severity.Error,
            "A VM's startup memory, or its Dynamic Memory maximum, is above what the Hyper-V release allows per VM: 64 GB on 2008 and 2008 R2 (32 GB when the host runs a Standard edition), 1 TB on 2012 and 2012 R2 and for Generation 1 VMs since, 12 TB for Generation 2 on 2016 and 2019, 240 TB on 2022 and 2025.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            bool standard = context.Host != null && context.Host.OperatingSystem.Is(os => os.IndexOf("Standard", System.StringComparison.OrdinalIgnoreCase) >= 0);
            long limit = context.Profile.MaxMemoryBytes(vm.Generation, standard);
            string why = standard && context.Profile.MaxMemoryOnStandardEditionBytes.HasValue ? " on a Standard edition host" : string.Empty;

            Check(context, vm.MemoryStartupBytes, "startup memory", limit, why);
            if (vm.DynamicMemoryEnabled.IsTrue()) Check(context, vm.MemoryMaximumBytes, "Dynamic Memory maximum", limit, why);
        }

        private static void Check(VirtualMachineContext context, Fact<long> memory, string what, long limit, string why)
        {
            if (!memory.IsKnown || memory.Value <= limit) return;
            context.Report(memory.Location, VirtualMachineContext.Format(
                "{0} has {1} of {2}; {3} allows {4} per VM{5}",
                context.VmLabel, Units.FormatBytes(memory.Value), what, context.Profile.Id, Units.FormatBytes(limit), why), what);
        }
    }
}
