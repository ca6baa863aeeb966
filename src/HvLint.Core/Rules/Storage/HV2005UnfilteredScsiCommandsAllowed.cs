using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Storage
{
    /// <summary>HV2005: the VM may send unfiltered SCSI commands (Best Practices Analyzer rule 109; hyperv-facts.md §4.3).</summary>
    public sealed class HV2005UnfilteredScsiCommandsAllowed : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.UnfilteredScsiCommandsAllowed, "UnfilteredScsiCommandsAllowed",
            "VM allowed to send unfiltered SCSI commands", RuleCategory.Storage, Severity.Warning,
            "Hyper-V filters the SCSI commands a guest sends unless the VM's AllowFullSCSICommandSet setting lets them all through. The Best Practices Analyzer warns against it: \"Avoid configuring virtual machines to allow unfiltered SCSI commands\" (rule 109). Allow the full command set only for a guest application that needs it.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (!vm.AllowFullScsiCommandSet.IsTrue()) return;
            context.Report(vm.AllowFullScsiCommandSet.Location, VirtualMachineContext.Format(
                "{0} allows its guest to send unfiltered SCSI commands (AllowFullSCSICommandSet); turn the setting off unless an application in the guest needs the full command set",
                context.VmLabel));
        }
    }
}
