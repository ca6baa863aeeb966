using System;
using HvLint.Engine;
using HvLint.Model;
using HvLint.Profiles;

namespace HvLint.Rules.Guest
{
    /// <summary>
    /// HV4006: a Generation 2 Linux guest with Secure Boot on and the MicrosoftWindows template (hyperv-facts.md §2, §3.2),
    /// or with Secure Boot on at all on Windows Server 2012 R2, whose Secure Boot is for Windows guests only.
    /// </summary>
    public sealed class HV4006LinuxGuestOnWindowsSecureBootTemplate : VirtualMachineRule
    {
        /// <summary>The template Generation 2 VMs get by default (Get-VMFirmware SecureBootTemplate), by name.</summary>
        public const string WindowsTemplate = SecureBootTemplates.MicrosoftWindows;

        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.LinuxGuestOnWindowsSecureBootTemplate, "LinuxGuestOnWindowsSecureBootTemplate",
            "Linux guest with Secure Boot on the MicrosoftWindows template", RuleCategory.Guest, Severity.Error,
            "Generation 2 VMs are created with Secure Boot on and the MicrosoftWindows template. A Linux guest on Generation 2 requires the MicrosoftUEFICertificateAuthority template, or Secure Boot off. Windows Server 2012 R2 has no such template: its Secure Boot is for Windows guests only, so a Linux guest there needs Secure Boot off.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            if (context.Generation != 2 || !vm.GuestOperatingSystem.Is(g => g.Product == GuestProduct.Linux) || !vm.SecureBootEnabled.IsTrue()) return;
            bool windowsTemplate = vm.SecureBootTemplate.Is(t => string.Equals(t.Trim(), WindowsTemplate, StringComparison.OrdinalIgnoreCase));

            // Windows Server 2012 R2 has Generation 2 but Secure Boot for Windows guests only: the templates, and with
            // them the UEFI CA one Linux boots with, arrived with 2016. There Secure Boot itself is what a Linux guest
            // cannot have, whatever the template is said to be, unless the input names the UEFI CA template it lacks
            // (an input written for a later release than the profile: nothing to say about its Secure Boot).
            if (context.Profile.Version == HyperVVersion.V2012R2)
            {
                if (vm.SecureBootTemplate.IsKnown && !windowsTemplate) return;
                SourceLocation where = vm.SecureBootEnabled.Location.HasPosition ? vm.SecureBootEnabled.Location : vm.SecureBootTemplate.Location;
                context.Report(where, VirtualMachineContext.Format(
                    "{0} is Generation 2 and runs {1} with Secure Boot on; {2} has Secure Boot for Windows guests only (the MicrosoftUEFICertificateAuthority template arrived with Windows Server 2016), so Linux on Generation 2 there needs Secure Boot off (Set-VMFirmware -EnableSecureBoot Off)",
                    context.VmLabel, vm.GuestOperatingSystem.Value.Name, context.Profile.Id),
                    properties: new System.Collections.Generic.Dictionary<string, string> { ["vm"] = vm.DisplayName, [SecureBootOffProperty] = "true" });
                return;
            }

            if (!windowsTemplate) return;

            // At the template where it is written; a template that is Hyper-V's default has no place of its own, so
            // the finding goes to where Secure Boot is.
            SourceLocation at = vm.SecureBootTemplate.Location.HasPosition ? vm.SecureBootTemplate.Location : vm.SecureBootEnabled.Location;
            context.Report(at, VirtualMachineContext.Format(
                "{0} is Generation 2 and runs {1} with Secure Boot on the {2} template; Linux on Generation 2 requires the MicrosoftUEFICertificateAuthority template (Set-VMFirmware -SecureBootTemplate MicrosoftUEFICertificateAuthority) or Secure Boot off",
                context.VmLabel, vm.GuestOperatingSystem.Value.Name, WindowsTemplate),
                properties: new System.Collections.Generic.Dictionary<string, string> { ["vm"] = vm.DisplayName });
        }

        /// <summary>
        /// Set on a finding whose fix is Secure Boot off rather than the UEFI CA template (a release without the
        /// template), for the code fixes.
        /// </summary>
        public const string SecureBootOffProperty = "secureBootOff";
    }
}
