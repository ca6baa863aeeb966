using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Compute
{
    /// <summary>HV1005: a Generation 2 VM checked against a release before 2012 R2, which has no Generation 2 (hyperv-facts.md §2).</summary>
    public sealed class HV1005Generation2OnReleaseWithoutIt : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.Generation2OnReleaseWithoutIt, "Generation2OnReleaseWithoutIt",
            "Generation 2 VM on a Hyper-V release without Generation 2", RuleCategory.Compute, Severity.Error,
            "Generation 2 VMs (UEFI firmware, boot from SCSI, network boot from a synthetic adapter) arrived with Windows Server 2012 R2. Hyper-V on 2008, 2008 R2 and 2012 has only Generation 1, so a Generation 2 VM can be neither created nor imported there.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            Fact<int> generation = context.VirtualMachine.Generation;
            if (context.Profile.SupportsGeneration2 || !generation.IsKnown || generation.Value != 2) return;
            context.Report(generation.Location, VirtualMachineContext.Format(
                "{0} is Generation 2, but {1} has only Generation 1 VMs (Generation 2 arrived with Windows Server 2012 R2)",
                context.VmLabel, context.Profile.Id));
        }
    }
}
