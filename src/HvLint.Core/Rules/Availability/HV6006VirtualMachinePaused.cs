using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Availability
{
    /// <summary>HV6006: a paused VM (the Best Practices Analyzer's rule 7, "Avoid pausing a virtual machine", Warning; hyperv-facts.md §5).</summary>
    public sealed class HV6006VirtualMachinePaused : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.VirtualMachinePaused, "VirtualMachinePaused",
            "VM left paused", RuleCategory.Availability, Severity.Warning,
            "A paused VM keeps its memory on the host but runs nothing: whatever it serves is down while the VM still looks present, and the memory it holds is not available to other VMs. The Best Practices Analyzer warns against leaving a VM paused; resume it, or save or shut it down.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (!vm.State.Is(s => s == VirtualMachineState.Paused)) return;
            context.Report(vm.State.Location, VirtualMachineContext.Format(
                "{0} is paused: it holds its memory and serves nothing; resume it (Resume-VM), or save or shut it down", context.VmLabel));
        }
    }
}
