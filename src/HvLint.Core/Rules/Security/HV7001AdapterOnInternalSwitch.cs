using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Security
{
    /// <summary>HV7001: an Internal switch connects VMs with the management OS (NET: switch types).</summary>
    public sealed class HV7001AdapterOnInternalSwitch : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.AdapterOnInternalSwitch, "AdapterOnInternalSwitch",
            "VM adapter on an Internal switch: the VM can reach the management OS", RuleCategory.Security, Severity.Info,
            "An Internal virtual switch connects its VMs with each other and with the host's management operating system; a Private switch connects the VMs only. A VM that needs no access to the host belongs on a Private or External switch, since the management OS is the most valuable target on the host.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            Host? host = context.Host;
            if (host == null) return;
            foreach (NetworkAdapter adapter in context.VirtualMachine.NetworkAdapters.Items)
            {
                if (!adapter.IsConnected) continue;
                VirtualSwitch? vs = host.FindSwitch(adapter.SwitchName.Value!);
                if (vs == null || !vs.SwitchType.Is(t => t == VirtualSwitchType.Internal)) continue;
                // Provisioning code that creates the switch on the local host does not name it.
                string which = host.Name.IsKnown && !string.IsNullOrEmpty(host.Name.Value) ? "host '" + host.DisplayName + "'" : "its host";
                context.Report(adapter.SwitchName.Location, VirtualMachineContext.Format(
                    "{0} adapter '{1}' is on the Internal switch '{2}', which also connects the management OS of {3}",
                    context.VmLabel, adapter.DisplayName, vs.DisplayName, which), "adapter:" + adapter.DisplayName);
            }
        }
    }
}
