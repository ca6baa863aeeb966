using System;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Compute
{
    /// <summary>HV1006: less memory than the guest operating system needs (hyperv-facts.md §1.3).</summary>
    public sealed class HV1006MemoryBelowGuestMinimum : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.MemoryBelowGuestMinimum, "MemoryBelowGuestMinimum",
            "Memory below what the guest operating system needs", RuleCategory.Compute, Severity.Error,
            "The Best Practices Analyzer's required memory per guest: static memory of at least 64 MB for Windows XP, 128 MB for Windows Server 2003 and 512 MB for Windows Vista, Windows Server 2008 and every later Windows; with Dynamic Memory, a minimum of at least 256 MB and a startup and maximum of at least 512 MB (128 MB each for Windows Server 2003). The analyzer reports these as errors.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (!GuestMemoryGuidance.TryFor(vm, out GuestMemoryGuidance guidance, out string guest)) return;

            bool? dynamic = guidance.Dynamic(vm);
            // Where the setting is unknown, the startup memory is held to the lower of the two requirements (they
            // are the same for every guest in the BPA's table), so an unknown setting never raises the bar.
            long startup = dynamic == true ? guidance.DynamicStartupAndMaximum!.Value
                : dynamic == false ? guidance.StaticMinimum
                : Math.Min(guidance.StaticMinimum, guidance.DynamicStartupAndMaximum ?? guidance.StaticMinimum);
            Check(context, guest, vm.MemoryStartupBytes, "startup memory", startup);
            if (dynamic != true) return;
            Check(context, guest, vm.MemoryMinimumBytes, "Dynamic Memory minimum", guidance.DynamicMinimum!.Value);
            Check(context, guest, vm.MemoryMaximumBytes, "Dynamic Memory maximum", guidance.DynamicStartupAndMaximum!.Value);
        }

        private static void Check(VirtualMachineContext context, string guest, Fact<long> memory, string what, long required)
        {
            if (!memory.IsKnown || memory.Value >= required) return;
            GuestMemoryGuidance.Report(context, guest, memory, what, required, guest + " needs at least " + Units.FormatBytes(required));
        }
    }
}
