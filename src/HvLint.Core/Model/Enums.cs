namespace HvLint.Model
{
    public enum Severity
    {
        None = 0,
        Info = 1,
        Warning = 2,
        Error = 3,
    }

    /// <summary>Hyper-V's own VMState values that matter to the rules (PowerShell VMState enum).</summary>
    public enum VirtualMachineState
    {
        Other,
        Running,
        Off,
        Stopping,
        Saved,
        Paused,
        Starting,
        Reset,
        Saving,
        Pausing,
        Resuming,
        FastSaved,
    }

    /// <summary>PowerShell ControllerType: IDE 0, SCSI 1, PMEM 2.</summary>
    public enum ControllerType
    {
        Ide = 0,
        Scsi = 1,
        Pmem = 2,
    }

    public enum DriveKind
    {
        /// <summary>A VHD or VHDX file.</summary>
        VirtualHardDisk,

        /// <summary>A physical disk handed to the VM (DiskNumber set, "Physical Disk Drive" subtype).</summary>
        PassThroughDisk,

        /// <summary>A DVD drive (empty, ISO or physical).</summary>
        DvdDrive,
    }

    public enum VirtualHardDiskFormat
    {
        Vhd,
        Vhdx,
    }

    /// <summary>
    /// How a virtual hard disk holds its blocks: Get-VHD VhdType and WMI Msvm_VirtualHardDiskSettingData.Type, both
    /// Fixed 2, Dynamic 3, Differencing 4 (the VHD format's own disk type field numbers them the same).
    /// </summary>
    public enum VirtualHardDiskType
    {
        Fixed = 2,
        Dynamic = 3,
        Differencing = 4,
    }

    /// <summary>
    /// Boot devices. The first four are the Generation 1 BIOS StartupOrder names (PowerShell BootDevice:
    /// Floppy 0, CD 1, IDE 2, LegacyNetworkAdapter 3); the rest are Generation 2 firmware boot entry kinds.
    /// </summary>
    public enum BootDevice
    {
        Floppy,
        CD,
        IDE,
        LegacyNetworkAdapter,
        NetworkAdapter,
        HardDiskDrive,
        DvdDrive,
        File,
    }

    /// <summary>
    /// The kind of checkpoint a VM takes (Hyper-V 2016 and later): PowerShell CheckpointType and WMI
    /// Msvm_VirtualSystemSettingData.UserSnapshotType, both Disabled 2, Production 3 (standard where the guest cannot
    /// take a production one), ProductionOnly 4, Standard 5 (hyperv-facts.md §4.2).
    /// </summary>
    public enum CheckpointType
    {
        Disabled = 2,
        Production = 3,
        ProductionOnly = 4,
        Standard = 5,
    }

    /// <summary>PowerShell VMSwitchType: Private 0, Internal 1, External 2.</summary>
    public enum VirtualSwitchType
    {
        Private = 0,
        Internal = 1,
        External = 2,
    }

    /// <summary>PowerShell VMNetworkAdapterVlanMode: Untagged 0, Access 1, Trunk 2, Private 3.</summary>
    public enum VlanMode
    {
        Untagged = 0,
        Access = 1,
        Trunk = 2,
        Private = 3,
    }

    public enum ProcessorArchitecture
    {
        X86,
        X64,
        Arm64,
    }

    /// <summary>What a host's physical network adapter is used for.</summary>
    public enum NetworkRole
    {
        Management,
        VirtualMachines,
        Iscsi,
        LiveMigration,
        Cluster,
    }
}
