using System;
using HvLint.Model;

namespace HvLint.Readers.Cim
{
    /// <summary>What an Msvm_* resource is, from its class name and ResourceSubType.</summary>
    public enum MsvmResourceKind
    {
        Unknown,
        SyntheticNetworkAdapter,
        LegacyNetworkAdapter,
        IdeController,
        ScsiController,
        HardDiskDrive,
        DvdDrive,
        PhysicalDiskDrive,
        VirtualHardDisk,
        VirtualDvdDisk,
        VirtualFloppyDisk,
        Processor,
        Memory,
    }

    /// <summary>
    /// The WMI vocabulary of Hyper-V (hyperv-facts.md §6c, §6d) mapped to the model, shared by the CIM-XML reader
    /// and the analyzers that read C# code setting the same classes and properties. v1 (root\virtualization,
    /// 2008 to 2012) and v2 (root\virtualization\v2, 2012 and later) spell the subtypes differently; the
    /// ResourceType numbers mean different things in v1 and v2, so only subtypes and class names are used.
    /// </summary>
    public static class MsvmResources
    {
        public const string NamespaceV1 = @"root\virtualization";
        public const string NamespaceV2 = @"root\virtualization\v2";

        public static MsvmResourceKind Classify(string? className, string? resourceSubType)
        {
            switch (className)
            {
                case "Msvm_SyntheticEthernetPortSettingData": return MsvmResourceKind.SyntheticNetworkAdapter;
                case "Msvm_EmulatedEthernetPortSettingData": return MsvmResourceKind.LegacyNetworkAdapter;
                case "Msvm_ProcessorSettingData": return MsvmResourceKind.Processor;
                case "Msvm_MemorySettingData": return MsvmResourceKind.Memory;
            }

            return ClassifySubType(resourceSubType);
        }

        public static MsvmResourceKind ClassifySubType(string? subType)
        {
            if (subType == null) return MsvmResourceKind.Unknown;
            // v2: "Microsoft:Hyper-V:Synthetic Ethernet Port"; v1: "Microsoft Synthetic Ethernet Port".
            string s = subType.StartsWith("Microsoft:Hyper-V:", StringComparison.Ordinal) ? subType.Substring("Microsoft:Hyper-V:".Length)
                : subType.StartsWith("Microsoft ", StringComparison.Ordinal) ? subType.Substring("Microsoft ".Length) : string.Empty;
            switch (s)
            {
                case "Synthetic Ethernet Port": return MsvmResourceKind.SyntheticNetworkAdapter;
                case "Emulated Ethernet Port": return MsvmResourceKind.LegacyNetworkAdapter;
                case "Emulated IDE Controller": return MsvmResourceKind.IdeController;
                case "Synthetic SCSI Controller": return MsvmResourceKind.ScsiController;
                case "Synthetic Disk Drive": return MsvmResourceKind.HardDiskDrive;
                case "Synthetic DVD Drive": return MsvmResourceKind.DvdDrive;
                case "Physical Disk Drive": return MsvmResourceKind.PhysicalDiskDrive;
                case "Virtual Hard Disk": return MsvmResourceKind.VirtualHardDisk;
                case "Virtual CD/DVD Disk": return MsvmResourceKind.VirtualDvdDisk;
                case "Virtual Floppy Disk": return MsvmResourceKind.VirtualFloppyDisk;
                case "Processor": return MsvmResourceKind.Processor;
                case "Memory": return MsvmResourceKind.Memory;
                default: return MsvmResourceKind.Unknown;
            }
        }

        /// <summary>True for a v1 subtype spelling ("Microsoft Synthetic Ethernet Port").</summary>
        public static bool IsV1SubType(string subType) => subType.StartsWith("Microsoft ", StringComparison.Ordinal);

        /// <summary>Msvm_VirtualSystemSettingData.VirtualSystemSubType: "Microsoft:Hyper-V:SubType:1" or ":2".</summary>
        public static int? Generation(string? virtualSystemSubType)
        {
            switch (virtualSystemSubType)
            {
                case "Microsoft:Hyper-V:SubType:1": return 1;
                case "Microsoft:Hyper-V:SubType:2": return 2;
                default: return null;
            }
        }

        /// <summary>Msvm_VirtualSystemSettingData.BootOrder (Generation 1): Floppy 0, CD 1, IDE 2, PXE 3, SCSI 4.</summary>
        public static BootDevice? BootOrderEntry(long value)
        {
            switch (value)
            {
                case 0: return BootDevice.Floppy;
                case 1: return BootDevice.CD;
                case 2: return BootDevice.IDE;
                case 3: return BootDevice.LegacyNetworkAdapter;
                case 4: return BootDevice.HardDiskDrive;
                default: return null;
            }
        }

        /// <summary>
        /// Whether an Msvm_*ComponentSettingData's EnabledState offers its service to the guest: 2 yes, 3 no (the Best
        /// Practices Analyzer's test for "offered", hyperv-facts.md §3.1); null for any other value.
        /// </summary>
        public static bool? Offered(long enabledState) => enabledState == 2 ? true : enabledState == 3 ? false : (bool?)null;

        /// <summary>The integration service an Msvm_*ComponentSettingData class configures.</summary>
        public static string? IntegrationService(string className)
        {
            switch (className)
            {
                case "Msvm_HeartbeatComponentSettingData": return Rules.Guest.IntegrationServiceNames.Heartbeat;
                case "Msvm_ShutdownComponentSettingData": return Rules.Guest.IntegrationServiceNames.Shutdown;
                case "Msvm_TimeSyncComponentSettingData": return Rules.Guest.IntegrationServiceNames.TimeSynchronization;
                case "Msvm_KvpExchangeComponentSettingData": return Rules.Guest.IntegrationServiceNames.KeyValuePairExchange;
                case "Msvm_VssComponentSettingData": return Rules.Guest.IntegrationServiceNames.Vss;
                case "Msvm_GuestServiceInterfaceComponentSettingData": return Rules.Guest.IntegrationServiceNames.GuestServiceInterface;
                default: return null;
            }
        }

        /// <summary>
        /// The VM GUID in an InstanceID ("Microsoft:&lt;VMGUID&gt;" or "Microsoft:&lt;VMGUID&gt;\..."), as the Best
        /// Practices Analyzer groups resources per VM; null when the ID has another shape.
        /// </summary>
        public static string? VirtualMachineId(string? instanceId)
        {
            if (instanceId == null || !instanceId.StartsWith("Microsoft:", StringComparison.Ordinal) || instanceId.Length < 46) return null;
            string id = instanceId.Substring(10, 36);
            return Guid.TryParse(id, out _) ? id.ToUpperInvariant() : null;
        }

        /// <summary>The InstanceID inside a WMI object path (Parent, HostResource): ...InstanceID="Microsoft:...".</summary>
        public static string? InstanceIdInPath(string? path)
        {
            if (path == null) return null;
            int i = path.IndexOf("InstanceID=\"", StringComparison.OrdinalIgnoreCase);
            if (i < 0) return null;
            int start = i + "InstanceID=\"".Length;
            int end = path.IndexOf('"', start);
            // WMI paths double the backslashes inside quoted keys.
            return end < 0 ? null : path.Substring(start, end - start).Replace("\\\\", "\\");
        }
    }
}
