using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Guest
{
    /// <summary>HV4001: without current integration services the guest runs on emulated devices (TB-20070928, BPA 11).</summary>
    public sealed class HV4001IntegrationServicesMissingOrOutdated : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.IntegrationServicesMissingOrOutdated, "IntegrationServicesMissingOrOutdated",
            "Integration services missing or out of date", RuleCategory.Guest, Severity.Warning,
            "Synthetic devices (network, SCSI, video, mouse) and the heartbeat, shutdown, time and backup services need the integration services in the guest. Without them the guest falls back to emulated devices, which are slow and cost host CPU; out-of-date ones miss fixes (the Best Practices Analyzer: \"Run the current version of integration services in all guest operating systems\").");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            IntegrationServices ics = vm.IntegrationServices;
            if (ics.Installed.IsFalse())
            {
                context.Report(ics.Installed.Location, VirtualMachineContext.Format(
                    "{0} has no integration services installed; the guest runs emulated drivers (install the integration services, or use a guest that has them in the box)", context.VmLabel), "integrationServices");
                return;
            }

            if (ics.State.IsKnown && NeedsUpdate(ics.State.Value))
            {
                string version = ics.Version.IsKnown ? " (version " + ics.Version.Value + ")" : string.Empty;
                context.Report(ics.State.Location, VirtualMachineContext.Format(
                    "{0} reports integration services '{1}'{2}; update them to the host's version", context.VmLabel, ics.State.Value, version), "integrationServices");
            }
        }

        /// <summary>Get-VM IntegrationServicesState texts that mean out of date ("Update required").</summary>
        internal static bool NeedsUpdate(string state)
        {
            string s = state.Replace(" ", string.Empty).ToLowerInvariant();
            return s == "updaterequired" || s == "outofdate" || s == "needsupdate";
        }
    }
}
