using HvLint.Engine;
using HvLint.Model;
using HvLint.Rules.Guest;

namespace HvLint.Rules.Availability
{
    /// <summary>HV6002: without the Backup (VSS) integration service, host backup saves the VM (hyperv-facts.md §4.4).</summary>
    public sealed class HV6002BackupIntegrationServiceDisabled : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.BackupIntegrationServiceDisabled, "BackupIntegrationServiceDisabled",
            "Backup (VSS) integration service disabled", RuleCategory.Availability, Severity.Warning,
            "The Hyper-V VSS writer backs a running VM up online (\"Backup Using Child Partition Snapshot\") only when the Backup (volume shadow copy) integration service is enabled; otherwise it puts the VM into a saved state for the backup, which is downtime, and on 2016 and later the backup is not application-consistent. Production checkpoints need it too.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            foreach (IntegrationService service in context.VirtualMachine.IntegrationServices.Services)
            {
                if (!service.Enabled.IsFalse() || !IntegrationServiceNames.Is(service.Name, IntegrationServiceNames.Vss)) continue;
                context.Report(service.Enabled.Location, VirtualMachineContext.Format(
                    "{0} has the Backup (VSS) integration service disabled; host backups save the VM instead of backing it up online",
                    context.VmLabel), "integrationService:VSS");
            }
        }
    }
}
