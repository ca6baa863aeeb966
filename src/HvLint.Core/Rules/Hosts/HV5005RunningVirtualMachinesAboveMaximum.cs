using HvLint.Engine;
using HvLint.Model;
using HvLint.Profiles;

namespace HvLint.Rules.Hosts
{
    /// <summary>HV5005: BPA 15 "The number of running or configured virtual machines must be within supported limits" (Error).</summary>
    public sealed class HV5005RunningVirtualMachinesAboveMaximum : HostRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.RunningVirtualMachinesAboveMaximum, "RunningVirtualMachinesAboveMaximum",
            "Running VMs above the platform's maximum", RuleCategory.Host, Severity.Error,
            "Each release supports a maximum number of running VMs per host: 128 on Windows Server 2008 (192 with KB956710 or SP2), 384 on 2008 R2, 1024 from 2012 on.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(HostContext context)
        {
            int running = 0;
            VirtualMachine? first = null;
            foreach (VirtualMachine vm in context.Host.VirtualMachines.Items)
            {
                if (!vm.State.Is(s => s == VirtualMachineState.Running)) continue;
                running++;
                if (running == context.Profile.MaxRunningVirtualMachines + 1) first = vm;
            }

            if (first == null) return;
            string note = context.Profile.Version == HyperVVersion.V2008 ? " (with KB956710 or SP2; 128 without)" : string.Empty;
            context.Report(context.Host.VirtualMachines.Location, VirtualMachineContext.Format(
                "{0} runs {1} VMs; {2} supports {3} running VMs per host{4}", context.HostLabel, running, context.Profile.Id, context.Profile.MaxRunningVirtualMachines, note));
        }
    }
}
