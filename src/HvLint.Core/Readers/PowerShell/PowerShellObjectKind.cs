using System;
using System.Collections.Generic;

namespace HvLint.Readers.PowerShell
{
    /// <summary>Which cmdlet wrote an object, told by its property names (hyperv-facts.md §6a), never by the file name.</summary>
    public enum PowerShellObjectKind
    {
        Unknown,
        VirtualMachine,          // Get-VM
        NetworkAdapter,          // Get-VMNetworkAdapter
        Bios,                    // Get-VMBios (Generation 1)
        Firmware,                // Get-VMFirmware (Generation 2)
        HardDiskDrive,           // Get-VMHardDiskDrive
        DvdDrive,                // Get-VMDvdDrive
        Processor,               // Get-VMProcessor
        Memory,                  // Get-VMMemory
        IntegrationService,      // Get-VMIntegrationService
        Snapshot,                // Get-VMSnapshot
        VMHost,                  // Get-VMHost
        VirtualSwitch,           // Get-VMSwitch
        NetAdapter,              // Get-NetAdapter
        OperatingSystem,         // Get-CimInstance Win32_OperatingSystem (the export script)
        GuestIntrinsicItems,     // KVP GuestIntrinsicExchangeItems (the export script)
        VirtualHardDisk,         // Get-VHD
    }

    public static class PowerShellObjectClassifier
    {
        public static PowerShellObjectKind Classify(ICollection<string> names)
        {
            bool Has(string n) => names.Contains(n);
            if (Has("GuestIntrinsicExchangeItems")) return PowerShellObjectKind.GuestIntrinsicItems;
            if (Has("SnapshotType") && Has("VMName")) return PowerShellObjectKind.Snapshot;
            if (Has("Generation") && (Has("ProcessorCount") || Has("MemoryStartup")) && (Has("VMId") || Has("Id"))) return PowerShellObjectKind.VirtualMachine;
            if (Has("IsLegacy") && (Has("MacAddress") || Has("SwitchName"))) return PowerShellObjectKind.NetworkAdapter;
            if (Has("StartupOrder") && Has("VMName")) return PowerShellObjectKind.Bios;
            if (Has("BootOrder") && (Has("SecureBoot") || Has("SecureBootTemplate")) && Has("VMName")) return PowerShellObjectKind.Firmware;
            if (Has("DvdMediaType") && Has("ControllerType")) return PowerShellObjectKind.DvdDrive;
            if (Has("ControllerType") && Has("ControllerLocation") && Has("VMName")) return PowerShellObjectKind.HardDiskDrive;
            if (Has("Count") && Has("VMName") && (Has("ExposeVirtualizationExtensions") || Has("CompatibilityForMigrationEnabled") || Has("RelativeWeight"))) return PowerShellObjectKind.Processor;
            if (Has("Startup") && Has("DynamicMemoryEnabled") && Has("VMName")) return PowerShellObjectKind.Memory;
            if (Has("Enabled") && Has("VMName") && (Has("OperationalStatus") || Has("PrimaryStatusDescription"))) return PowerShellObjectKind.IntegrationService;
            if (Has("LogicalProcessorCount") && Has("MemoryCapacity")) return PowerShellObjectKind.VMHost;
            if (Has("SwitchType") && (Has("AllowManagementOS") || Has("NetAdapterInterfaceDescription"))) return PowerShellObjectKind.VirtualSwitch;
            if (Has("InterfaceDescription") && (Has("LinkSpeed") || Has("ifIndex")) && !Has("VMName")) return PowerShellObjectKind.NetAdapter;
            if (Has("Caption") && Has("CSName") && (Has("Version") || Has("OSArchitecture"))) return PowerShellObjectKind.OperatingSystem;
            if (Has("VhdType") && Has("VhdFormat") && Has("Path")) return PowerShellObjectKind.VirtualHardDisk;
            return PowerShellObjectKind.Unknown;
        }

        /// <summary>
        /// Which cmdlet wrote objects of a .NET type, by the type's name as Export-Csv's #TYPE line gives it
        /// (hyperv-facts.md §6a): Unknown for the others. Select-Object's copies ("Selected.") and remoting's
        /// ("Deserialized.") are the type's objects too, with fewer properties.
        /// </summary>
        public static PowerShellObjectKind OfTypeName(string typeName)
        {
            switch (OriginalTypeName(typeName))
            {
                case "Microsoft.HyperV.PowerShell.VirtualMachine": return PowerShellObjectKind.VirtualMachine;
                case "Microsoft.HyperV.PowerShell.VMNetworkAdapter": return PowerShellObjectKind.NetworkAdapter;
                case "Microsoft.HyperV.PowerShell.HardDiskDrive": return PowerShellObjectKind.HardDiskDrive;
                case "Microsoft.HyperV.PowerShell.VMIntegrationComponent": return PowerShellObjectKind.IntegrationService;
                default: return PowerShellObjectKind.Unknown;
            }
        }

        /// <summary>A type name without the prefix of Select-Object's copies ("Selected.") or remoting's ("Deserialized.").</summary>
        public static string OriginalTypeName(string typeName)
        {
            string t = typeName.Trim();
            foreach (string prefix in new[] { "Selected.", "Deserialized." })
            {
                if (t.StartsWith(prefix, StringComparison.Ordinal)) t = t.Substring(prefix.Length);
            }

            return t;
        }

        /// <summary>
        /// A string where ConvertTo-Json ran out of depth and wrote the nested object's type name instead
        /// ("Microsoft.HyperV.PowerShell.VMNetworkAdapterVlanSetting").
        /// </summary>
        public static bool IsTypeName(string s) =>
            s.StartsWith("Microsoft.HyperV.PowerShell.", StringComparison.Ordinal)
            || s.StartsWith("Microsoft.Management.Infrastructure.", StringComparison.Ordinal)
            || s.StartsWith("System.Collections.", StringComparison.Ordinal)
            || s.StartsWith("Microsoft.Vhd.PowerShell.", StringComparison.Ordinal)
            || (s.StartsWith("System.", StringComparison.Ordinal) && s.IndexOf(' ') < 0 && s.EndsWith("[]", StringComparison.Ordinal));
    }

    /// <summary>
    /// An annotation on an object whose file names its type (Export-Csv's #TYPE line, CLIXML's type names): which
    /// cmdlet wrote it, even when Select-Object left it too few properties to tell that by their names.
    /// </summary>
    public sealed class WrittenBy
    {
        public WrittenBy(PowerShellObjectKind kind) => Kind = kind;

        public PowerShellObjectKind Kind { get; }
    }
}
