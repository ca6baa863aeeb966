using System;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Guest
{
    /// <summary>HV4006: a Generation 2 Linux guest with Secure Boot on and the MicrosoftWindows template (hyperv-facts.md §2, §3.2).</summary>
    public sealed class HV4006LinuxGuestOnWindowsSecureBootTemplate : VirtualMachineRule
    {
        /// <summary>The template Generation 2 VMs get by default (Get-VMFirmware SecureBootTemplate), by name.</summary>
        public const string WindowsTemplate = SecureBootTemplates.MicrosoftWindows;

        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.LinuxGuestOnWindowsSecureBootTemplate, "LinuxGuestOnWindowsSecureBootTemplate",
            "Linux guest with Secure Boot on the MicrosoftWindows template", RuleCategory.Guest, Severity.Error,
            "Generation 2 VMs are created with Secure Boot on and the MicrosoftWindows template. A Linux guest on Generation 2 requires the MicrosoftUEFICertificateAuthority template, or Secure Boot off.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (context.Generation != 2 || !vm.GuestOperatingSystem.Is(g => g.Product == GuestProduct.Linux)) return;
            if (!vm.SecureBootEnabled.IsTrue() || !vm.SecureBootTemplate.Is(t => string.Equals(t.Trim(), WindowsTemplate, StringComparison.OrdinalIgnoreCase))) return;

            // At the template where it is written; a template that is Hyper-V's default has no place of its own, so
            // the finding goes to where Secure Boot is.
            SourceLocation at = vm.SecureBootTemplate.Location.HasPosition ? vm.SecureBootTemplate.Location : vm.SecureBootEnabled.Location;
            context.Report(at, VirtualMachineContext.Format(
                "{0} is Generation 2 and runs {1} with Secure Boot on the {2} template; Linux on Generation 2 requires the MicrosoftUEFICertificateAuthority template (Set-VMFirmware -SecureBootTemplate MicrosoftUEFICertificateAuthority) or Secure Boot off",
                context.VmLabel, vm.GuestOperatingSystem.Value.Name, WindowsTemplate),
                properties: new System.Collections.Generic.Dictionary<string, string> { ["vm"] = vm.DisplayName });
        }
    }
}
