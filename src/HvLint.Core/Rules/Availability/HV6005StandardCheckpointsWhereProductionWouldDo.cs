using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Availability
{
    /// <summary>
    /// HV6005: a VM set to take standard checkpoints (hyperv-facts.md §4.2 and §8 row 19; Microsoft's checkpoint guide:
    /// standard checkpoints "can cause data consistency issues with systems that replicate data between different nodes
    /// such as Active Directory", production checkpoints are the default).
    /// </summary>
    public sealed class HV6005StandardCheckpointsWhereProductionWouldDo : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.StandardCheckpointsWhereProductionWouldDo, "StandardCheckpointsWhereProductionWouldDo",
            "Standard checkpoints where production checkpoints would do", RuleCategory.Availability, Severity.Info,
            "A standard checkpoint saves the VM's memory and device state with its disks, and applying one resumes the guest at that moment without the guest knowing: applications that replicate data between nodes, such as Active Directory, are rolled back behind their partners' backs. Production checkpoints, the default from Windows Server 2016, use the Volume Shadow Copy Service in Windows guests and a file-system freeze in Linux guests to take a data-consistent checkpoint without memory state. Standard checkpoints are meant for development and test, so a VM whose environment is known and not production is left alone.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (!vm.CheckpointType.Is(t => t == CheckpointType.Standard) || vm.IsKnownNonProduction) return;
            context.Report(vm.CheckpointType.Location, VirtualMachineContext.Format(
                "{0} takes standard checkpoints, which save memory state and roll replicating applications back when applied; take production checkpoints (Set-VM -CheckpointType Production)",
                context.VmLabel));
        }
    }
}
