using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Security
{
    /// <summary>HV7002: a Generation 2 Windows guest with Secure Boot turned off (hyperv-facts.md §2, §8 row 25).</summary>
    public sealed class HV7002SecureBootOffOnWindowsGuest : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.SecureBootOffOnWindowsGuest, "SecureBootOffOnWindowsGuest",
            "Secure Boot turned off for a Windows guest on Generation 2", RuleCategory.Security, Severity.Info,
            "Generation 2 VMs are created with Secure Boot on and the MicrosoftWindows template, which is the template for Windows guests; a Windows guest with Secure Boot off boots without the firmware checking its boot loader. A VM debugged over a COM port needs Secure Boot off, and is HV1008's instead.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (context.Generation != 2 || !vm.SecureBootEnabled.IsFalse() || !vm.GuestOperatingSystem.Is(g => g.IsWindows)) return;
            foreach (ComPort port in vm.ComPorts)
            {
                // Kernel debugging over COM needs Secure Boot off (hyperv-facts.md §2): the port is the reason, and HV1008 says so.
                if (port.IsConnected) return;
            }

            context.Report(vm.SecureBootEnabled.Location, VirtualMachineContext.Format(
                "{0} is Generation 2 and runs {1} with Secure Boot off; turn it on (Set-VMFirmware -EnableSecureBoot On)",
                context.VmLabel, GuestOperatingSystem.DisplayName(vm.GuestOperatingSystem.Value.Product)));
        }
    }
}
