using HvLint.Model;

namespace HvLint.Rules.ProvisioningApi
{
    /// <summary>
    /// Mistakes in the use of Hyper-V's provisioning APIs themselves (WMI, and the cmdlets run from C#), found by
    /// the analyzers in C# code (there is no model fact for them): hyperv-facts.md §2, §6c-§6d.
    /// </summary>
    public static class ProvisioningApiDiagnostics
    {
        public static readonly RuleDescriptor V1ApiOnV2Namespace = RuleDescriptor.Create(
            RuleIds.V1ApiOnV2Namespace, "V1ApiOnV2Namespace", "Virtualization v1 class or method used with the v2 namespace", RuleCategory.ProvisioningApi, Severity.Error,
            "The root\\virtualization namespace (v1) of Windows Server 2008 to 2012 and root\\virtualization\\v2 (2012 and later) have different classes and methods: DefineVirtualSystem, AddVirtualSystemResources, ModifyVirtualSystemResources, ModifyVirtualSystem, Msvm_VirtualSwitch and Msvm_VirtualSystemGlobalSettingData exist only in v1. Used with the v2 namespace they fail at run time with 'Invalid class' or 'Method not found'; v2 has DefineSystem, AddResourceSettings, ModifyResourceSettings, ModifySystemSettings and Msvm_VirtualEthernetSwitch.");

        public static readonly RuleDescriptor UnknownResourceSubType = RuleDescriptor.Create(
            RuleIds.UnknownResourceSubType, "UnknownResourceSubType", "ResourceSubType that is not a Hyper-V subtype for the namespace", RuleCategory.ProvisioningApi, Severity.Error,
            "Hyper-V finds resource templates and devices by exact ResourceSubType strings, spelled differently per namespace: \"Microsoft Synthetic Ethernet Port\" in v1 (root\\virtualization), \"Microsoft:Hyper-V:Synthetic Ethernet Port\" in v2. A misspelt subtype, or one in the other namespace's spelling, matches nothing: the query returns no template and the device is never added.");

        public static readonly RuleDescriptor ProcessorLimitInWrongUnit = RuleDescriptor.Create(
            RuleIds.ProcessorLimitInWrongUnit, "ProcessorLimitInWrongUnit", "Processor Limit or Reservation written in the wrong unit", RuleCategory.ProvisioningApi, Severity.Warning,
            "Msvm_ProcessorSettingData.Limit and Reservation are in thousandths of a percent: 100000 is 100% of the virtual processors, 0 no reservation. A value below 1000 (under 1%) is almost always a percentage or a processor count written in the wrong unit, and caps the VM at a sliver of a processor.");

        public static readonly RuleDescriptor FirmwareCmdletForOtherGeneration = RuleDescriptor.Create(
            RuleIds.FirmwareCmdletForOtherGeneration, "FirmwareCmdletForOtherGeneration", "Firmware cmdlet for the other generation of VM", RuleCategory.ProvisioningApi, Severity.Error,
            "A Generation 1 VM has a BIOS, set with Set-VMBios; a Generation 2 VM has UEFI firmware, set with Set-VMFirmware. Each cmdlet refuses a VM of the other generation, so a script that creates a VM with New-VM (Generation 1 unless -Generation 2 is given) and then calls Set-VMFirmware, or creates a Generation 2 VM and calls Set-VMBios, stops at that command and leaves the VM half configured.");

        public static readonly RuleDescriptor NewVmOptionGeneration2Refuses = RuleDescriptor.Create(
            RuleIds.NewVmOptionGeneration2Refuses, "NewVmOptionGeneration2Refuses", "New-VM boot device or disk that Generation 2 refuses", RuleCategory.ProvisioningApi, Severity.Error,
            "New-VM -Generation 2 refuses -BootDevice Floppy, IDE and LegacyNetworkAdapter (a Generation 2 VM has no floppy, IDE controller or legacy network adapter; it boots from the network through its standard adapter, -BootDevice NetworkAdapter) and a -VHDPath disk in the VHD format (.vhd, .avhd): the command fails and no VM is created.");

        public static System.Collections.Generic.IEnumerable<RuleDescriptor> All
        {
            get
            {
                yield return V1ApiOnV2Namespace;
                yield return UnknownResourceSubType;
                yield return ProcessorLimitInWrongUnit;
                yield return FirmwareCmdletForOtherGeneration;
                yield return NewVmOptionGeneration2Refuses;
            }
        }
    }
}
