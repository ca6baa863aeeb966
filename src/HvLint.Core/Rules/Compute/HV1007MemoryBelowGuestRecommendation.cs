using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Compute
{
    /// <summary>HV1007: less memory than recommended for the guest operating system (hyperv-facts.md §1.3).</summary>
    public sealed class HV1007MemoryBelowGuestRecommendation : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.MemoryBelowGuestRecommendation, "MemoryBelowGuestRecommendation",
            "Memory below the recommendation for the guest operating system", RuleCategory.Compute, Severity.Warning,
            "The Best Practices Analyzer's recommended memory per guest: static memory of at least 128 MB for Windows XP, 256 MB for Windows Server 2003, 1 GB for Windows Vista, 7 and later client Windows, and 2 GB for Windows Server 2008 and later; with Dynamic Memory, a maximum of at least 256 MB, 1 GB and 2 GB respectively. Memory already below the requirement is HV1006 instead.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (!GuestMemoryGuidance.TryFor(vm, out GuestMemoryGuidance guidance, out string guest)) return;

            // The two settings are recommended different things (static: the memory itself; dynamic: the maximum it
            // may grow to), so with the setting unknown nothing is said.
            bool? dynamic = guidance.Dynamic(vm);
            if (dynamic == false) Check(context, guest, vm.MemoryStartupBytes, "startup memory", guidance.StaticMinimum, guidance.StaticRecommended);
            else if (dynamic == true) Check(context, guest, vm.MemoryMaximumBytes, "Dynamic Memory maximum", guidance.DynamicStartupAndMaximum!.Value, guidance.DynamicMaximumRecommended!.Value);
        }

        private static void Check(VirtualMachineContext context, string guest, Fact<long> memory, string what, long required, long recommended)
        {
            // Below the requirement is HV1006's error; one finding says it.
            if (!memory.IsKnown || memory.Value < required || memory.Value >= recommended) return;
            GuestMemoryGuidance.Report(context, guest, memory, what, recommended, "at least " + Units.FormatBytes(recommended) + " is recommended for " + guest);
        }
    }
}
