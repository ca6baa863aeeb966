using System;
using System.Collections.Generic;

namespace HvLint.Model
{
    /// <summary>A virtual machine as the input describes it. Every fact may be unknown.</summary>
    public sealed class VirtualMachine
    {
        /// <summary>Where the VM's definition starts.</summary>
        public SourceLocation Location { get; set; }

        public Fact<string> Name { get; set; }

        public Fact<string> Id { get; set; }

        /// <summary>1 (BIOS) or 2 (UEFI); Generation 1 when the platform predates Generation 2.</summary>
        public Fact<int> Generation { get; set; }

        /// <summary>Configuration version as Get-VM writes it ("5.0", "8.0").</summary>
        public Fact<string> ConfigurationVersion { get; set; }

        public Fact<GuestOperatingSystem> GuestOperatingSystem { get; set; }

        /// <summary>A template or sysprep source that other VMs are cloned from.</summary>
        public Fact<bool> IsTemplate { get; set; }

        /// <summary>"production", "test", ... as the inventory states it.</summary>
        public Fact<string> Environment { get; set; }

        /// <summary>Workload roles ("domain-controller", "nlb", "sql"); lower case.</summary>
        public HashSet<string> Roles { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public Fact<VirtualMachineState> State { get; set; }

        public Fact<long> ProcessorCount { get; set; }

        /// <summary>Nested virtualization (Set-VMProcessor -ExposeVirtualizationExtensions).</summary>
        public Fact<bool> ExposeVirtualizationExtensions { get; set; }

        public Fact<long> MemoryStartupBytes { get; set; }

        public Fact<bool> DynamicMemoryEnabled { get; set; }

        public Fact<long> MemoryMinimumBytes { get; set; }

        public Fact<long> MemoryMaximumBytes { get; set; }

        public FactList<NetworkAdapter> NetworkAdapters { get; } = new FactList<NetworkAdapter>();

        public FactList<Drive> Drives { get; } = new FactList<Drive>();

        /// <summary>Generation 2 firmware: Secure Boot on (Get-VMFirmware SecureBoot, Set-VMFirmware -EnableSecureBoot).</summary>
        public Fact<bool> SecureBootEnabled { get; set; }

        /// <summary>Generation 2 firmware: the Secure Boot template's name ("MicrosoftWindows", "MicrosoftUEFICertificateAuthority").</summary>
        public Fact<string> SecureBootTemplate { get; set; }

        /// <summary>The COM ports the input says something of (COM 1 and COM 2; Get-VM ComPort1/ComPort2, Set-VMComPort).</summary>
        public List<ComPort> ComPorts { get; } = new List<ComPort>();

        /// <summary>COM <paramref name="number"/>, added when the VM has no entry for it yet.</summary>
        public ComPort ComPort(int number)
        {
            foreach (ComPort p in ComPorts)
            {
                if (p.Number == number) return p;
            }

            var port = new ComPort(number);
            ComPorts.Add(port);
            return port;
        }

        /// <summary>Gen1 BIOS StartupOrder or Gen2 firmware BootOrder, first entry first.</summary>
        public FactList<BootEntry> BootOrder { get; } = new FactList<BootEntry>();

        public IntegrationServices IntegrationServices { get; } = new IntegrationServices();

        /// <summary>
        /// The guest may send SCSI commands unfiltered (WMI Msvm_VirtualSystemSettingData.AllowFullSCSICommandSet,
        /// configuration XML storage_allow_full_scsi_command_set).
        /// </summary>
        public Fact<bool> AllowFullScsiCommandSet { get; set; }

        /// <summary>
        /// The virtual floppy disk (.vfd) the VM's floppy drive is given: its path, or null where the input sets the
        /// drive to hold none (Set-VMFloppyDiskDrive -Path $null). Known only where the input configures the floppy
        /// drive, which Generation 1 VMs have and Generation 2 VMs do not.
        /// </summary>
        public Fact<string?> FloppyDisk { get; set; }

        /// <summary>
        /// Where Hyper-V puts the VM's Smart Paging file (Get-VM SmartPagingFilePath), which backs the difference between
        /// its startup and minimum memory when it restarts on a host short of memory.
        /// </summary>
        public Fact<string> SmartPagingFilePath { get; set; }

        /// <summary>The kind of checkpoint the VM takes (Get-VM CheckpointType, WMI UserSnapshotType; 2016 and later).</summary>
        public Fact<CheckpointType> CheckpointType { get; set; }

        /// <summary>Number of checkpoints (snapshots).</summary>
        public Fact<int> CheckpointCount { get; set; }

        public Fact<bool> IsClustered { get; set; }

        public Fact<string> Notes { get; set; }

        /// <summary>"hvlint-disable" comments found in the VM's own file (XML comments), besides its Notes.</summary>
        public List<Fact<string>> Directives { get; } = new List<Fact<string>>();

        /// <summary>"hvlint-disable-next-line" comments in the VM's own file (a Terraform block), each for the statement after it.</summary>
        public List<LineDirective> LineDirectives { get; } = new List<LineDirective>();

        /// <summary>The name to show in messages: the VM's name, else its id, else "(unnamed)".</summary>
        public string DisplayName => Name.IsKnown && !string.IsNullOrEmpty(Name.Value) ? Name.Value : Id.IsKnown ? Id.Value : "(unnamed)";

        /// <summary>Known production: <see cref="Environment"/> says "production" (or "prod").</summary>
        public bool IsProduction =>
            Environment.Is(e => string.Equals(e, "production", StringComparison.OrdinalIgnoreCase) || string.Equals(e, "prod", StringComparison.OrdinalIgnoreCase))
            || Roles.Contains("production");

        /// <summary>Known not production.</summary>
        public bool IsKnownNonProduction => Environment.IsKnown && !IsProduction;
    }

    public sealed class NetworkAdapter
    {
        public SourceLocation Location { get; set; }

        public Fact<string> Name { get; set; }

        /// <summary>True: legacy (emulated DEC/Intel 21140) adapter; false: synthetic (VMBus) adapter.</summary>
        public Fact<bool> IsLegacy { get; set; }

        /// <summary>Known null or empty: connected to no switch.</summary>
        public Fact<string?> SwitchName { get; set; }

        public Fact<string> MacAddress { get; set; }

        public Fact<bool> StaticMacAddress { get; set; }

        public Fact<VlanMode> VlanMode { get; set; }

        public Fact<int> AccessVlanId { get; set; }

        public Fact<int> NativeVlanId { get; set; }

        /// <summary>Trunk allowed list as written ("10,20-30").</summary>
        public Fact<string> AllowedVlanIdList { get; set; }

        public Fact<bool> MacAddressSpoofing { get; set; }

        public string DisplayName => Name.IsKnown && !string.IsNullOrEmpty(Name.Value) ? Name.Value : IsLegacy.IsTrue() ? "Legacy Network Adapter" : "Network Adapter";

        /// <summary>Known connected: a switch name is stated and not empty.</summary>
        public bool IsConnected => SwitchName.IsKnown && !string.IsNullOrEmpty(SwitchName.Value);

        public bool IsKnownDisconnected => SwitchName.IsKnown && string.IsNullOrEmpty(SwitchName.Value);
    }

    /// <summary>
    /// A comment "hvlint-disable-next-line HV1001: reason" and the lines of the statement after it, from
    /// <see cref="FirstLine"/> to <see cref="LastLine"/> of the comment's file: the findings reported there are its.
    /// </summary>
    public sealed class LineDirective
    {
        public LineDirective(Fact<string> comment, int firstLine, int lastLine)
        {
            Comment = comment;
            FirstLine = firstLine;
            LastLine = lastLine;
        }

        public Fact<string> Comment { get; }

        public int FirstLine { get; }

        public int LastLine { get; }
    }

    /// <summary>A COM port and the named pipe it is connected to.</summary>
    public sealed class ComPort
    {
        public ComPort(int number)
        {
            Number = number;
        }

        /// <summary>1 or 2 (COM 1, COM 2).</summary>
        public int Number { get; }

        /// <summary>The named pipe (\\.\pipe\name); known empty or null: not connected.</summary>
        public Fact<string?> Path { get; set; }

        public bool IsConnected => Path.IsKnown && !string.IsNullOrEmpty(Path.Value);
    }

    /// <summary>A hard disk or DVD drive in a controller slot.</summary>
    public sealed class Drive
    {
        public SourceLocation Location { get; set; }

        public Fact<DriveKind> Kind { get; set; }

        public Fact<ControllerType> ControllerType { get; set; }

        public Fact<int> ControllerNumber { get; set; }

        public Fact<int> ControllerLocation { get; set; }

        public Fact<string?> Path { get; set; }

        /// <summary>Physical disk number of a pass-through disk.</summary>
        public Fact<int> DiskNumber { get; set; }

        /// <summary>Maximum (virtual) size of a virtual hard disk.</summary>
        public Fact<long> SizeBytes { get; set; }

        /// <summary>Stated, or derived from the file extension.</summary>
        public Fact<VirtualHardDiskFormat> Format { get; set; }

        /// <summary>Fixed, dynamically expanding or differencing (Get-VHD VhdType; the New-VHD that created it).</summary>
        public Fact<VirtualHardDiskType> VhdType { get; set; }

        /// <summary>The disk the guest boots from, when the input says so.</summary>
        public Fact<bool> IsBootDisk { get; set; }

        public bool IsHardDisk => Kind.Is(k => k == DriveKind.VirtualHardDisk || k == DriveKind.PassThroughDisk);

        public string SlotDescription
        {
            get
            {
                string type = ControllerName;
                string number = ControllerNumber.IsKnown ? ControllerNumber.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
                string location = ControllerLocation.IsKnown ? ControllerLocation.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
                return type + " " + number + ":" + location;
            }
        }

        /// <summary>
        /// The slot as a message says it, with only what is known: "SCSI 0:1", "IDE 0", "IDE" (provisioning code often
        /// leaves the number and location to Hyper-V). <see cref="SlotDescription"/> stays the finding's key.
        /// </summary>
        public string SlotName
        {
            get
            {
                string type = ControllerName;
                string location = ControllerLocation.IsKnown ? ":" + ControllerLocation.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
                if (ControllerNumber.IsKnown) return type + " " + ControllerNumber.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + location;
                return location.Length > 0 ? type + " ?" + location : type;
            }
        }

        private string ControllerName => ControllerType.IsKnown ? (ControllerType.Value == Model.ControllerType.Ide ? "IDE" : ControllerType.Value == Model.ControllerType.Scsi ? "SCSI" : "PMEM") : "controller";

        public string DisplayName => Path.IsKnown && !string.IsNullOrEmpty(Path.Value) ? Path.Value! : SlotName;

        /// <summary>
        /// " at SCSI 0:1" for a message, or nothing when no part of the slot is known (provisioning code may leave the
        /// controller to Hyper-V: Add-VMHardDiskDrive -DiskNumber 3).
        /// </summary>
        public string AtSlot => ControllerType.IsKnown || ControllerNumber.IsKnown || ControllerLocation.IsKnown ? " at " + SlotName : string.Empty;
    }

    public sealed class BootEntry
    {
        public BootEntry(BootDevice device, SourceLocation location)
        {
            Device = device;
            Location = location;
        }

        public BootDevice Device { get; }

        public SourceLocation Location { get; }

        public bool IsNetwork => Device == BootDevice.LegacyNetworkAdapter || Device == BootDevice.NetworkAdapter;

        public bool IsHardDisk => Device == BootDevice.IDE || Device == BootDevice.HardDiskDrive;
    }

    public sealed class IntegrationServices
    {
        /// <summary>Whether the guest has integration services (components) installed.</summary>
        public Fact<bool> Installed { get; set; }

        public Fact<string> Version { get; set; }

        /// <summary>Get-VM IntegrationServicesState: "Up to date", "Update required", ...</summary>
        public Fact<string> State { get; set; }

        /// <summary>Each service as Get-VMIntegrationService names it, with whether it is enabled.</summary>
        public List<IntegrationService> Services { get; } = new List<IntegrationService>();
    }

    public sealed class IntegrationService
    {
        public IntegrationService(string name, Fact<bool> enabled, SourceLocation location)
        {
            Name = name;
            Enabled = enabled;
            Location = location;
        }

        /// <summary>Canonical name: Heartbeat, Shutdown, Time Synchronization, Key-Value Pair Exchange, VSS, Guest Service Interface.</summary>
        public string Name { get; }

        public Fact<bool> Enabled { get; }

        public SourceLocation Location { get; }
    }
}
