using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Guest
{
    /// <summary>HV4004: BPA 8/12 "Offer / Enable all integration services" (Warning).</summary>
    public sealed class HV4004IntegrationServiceDisabled : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.IntegrationServiceDisabled, "IntegrationServiceDisabled",
            "Integration service disabled", RuleCategory.Guest, Severity.Warning,
            "With Heartbeat off the host and a cluster cannot tell that the guest hangs; with Shutdown off the host turns the VM off instead of shutting it down; with Key-Value Pair Exchange off the guest's name, OS and addresses are unknown to the host; with Time Synchronization off the guest clock drifts after a save or restore. Disabled VSS is reported as HV6002; Guest Service Interface is off by default and not reported. Time Synchronization may be turned off on a domain controller that syncs from the domain hierarchy (Hyper-V Security Guide), which this rule respects for VMs with the role domain-controller.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            foreach (IntegrationService service in vm.IntegrationServices.Services)
            {
                if (!service.Enabled.IsFalse()) continue;
                string name = IntegrationServiceNames.Canonical(service.Name);
                if (name == IntegrationServiceNames.Vss || name == IntegrationServiceNames.GuestServiceInterface) continue;
                if (name != IntegrationServiceNames.Heartbeat && name != IntegrationServiceNames.Shutdown && name != IntegrationServiceNames.TimeSynchronization && name != IntegrationServiceNames.KeyValuePairExchange) continue;
                if (name == IntegrationServiceNames.TimeSynchronization && vm.Roles.Contains("domain-controller")) continue;

                context.Report(service.Enabled.Location, VirtualMachineContext.Format(
                    "{0} has the integration service '{1}' disabled; enable it (Enable-VMIntegrationService -Name '{1}')", context.VmLabel, name), "integrationService:" + name);
            }
        }
    }
}
