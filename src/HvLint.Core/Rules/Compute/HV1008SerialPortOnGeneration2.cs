using System.Globalization;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Compute
{
    /// <summary>HV1008: a COM port connected on a Generation 2 VM (Best Practices Analyzer, 2012 R2 and later; hyperv-facts.md §2, §5).</summary>
    public sealed class HV1008SerialPortOnGeneration2 : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.SerialPortOnGeneration2, "SerialPortOnGeneration2",
            "Serial port configured on a Generation 2 VM", RuleCategory.Compute, Severity.Warning,
            "On a Generation 2 VM a COM port is an optional UART that only Set-VMComPort configures (Hyper-V Manager shows none), and kernel debugging over it needs Secure Boot off. The Best Practices Analyzer warns: \"Serial ports should not be configured on generation 2 virtual machines\".");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            if (context.Generation != 2) return;
            foreach (ComPort port in context.VirtualMachine.ComPorts)
            {
                if (!port.IsConnected) continue;
                string name = "COM " + port.Number.ToString(CultureInfo.InvariantCulture);
                context.Report(port.Path.Location, VirtualMachineContext.Format(
                    "{0} is Generation 2 and has {1} connected to '{2}'; the Best Practices Analyzer advises against serial ports on Generation 2 VMs, so disconnect it",
                    context.VmLabel, name, port.Path.Value!), "comport:" + port.Number.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
