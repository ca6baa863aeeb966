using HvLint.Model;

namespace HvLint.Readers
{
    /// <summary>
    /// Hyper-V's enumeration names and numbers as PowerShell writes them (hyperv-facts.md §6a: Windows
    /// PowerShell 5.1 writes integers, PowerShell 7 may write names). Shared by every JSON reader.
    /// </summary>
    public static class EnumNames
    {
        private static readonly NameCache<string> Keys = new NameCache<string>(s => s.Replace(" ", string.Empty).Replace("-", string.Empty).Replace("_", string.Empty).ToLowerInvariant());

        private static string Key(string s) => Keys.Get(s);

        public static VirtualSwitchType? SwitchType(string s)
        {
            switch (Key(s))
            {
                case "private": return VirtualSwitchType.Private;
                case "internal": return VirtualSwitchType.Internal;
                case "external": return VirtualSwitchType.External;
                default: return null;
            }
        }

        public static VirtualMachineState? State(string s)
        {
            switch (Key(s))
            {
                case "other": return VirtualMachineState.Other;
                case "running": return VirtualMachineState.Running;
                case "off": return VirtualMachineState.Off;
                case "stopping": return VirtualMachineState.Stopping;
                case "saved": return VirtualMachineState.Saved;
                case "paused": return VirtualMachineState.Paused;
                case "starting": return VirtualMachineState.Starting;
                case "reset": return VirtualMachineState.Reset;
                case "saving": return VirtualMachineState.Saving;
                case "pausing": return VirtualMachineState.Pausing;
                case "resuming": return VirtualMachineState.Resuming;
                case "fastsaved": return VirtualMachineState.FastSaved;
                default: return null;
            }
        }

        /// <summary>PowerShell VMState: Other 1, Running 2, Off 3, Stopping 4, Saved 6, Paused 9, Starting 10, Reset 11, Saving 32773, Pausing 32776, Resuming 32777, FastSaved 32779.</summary>
        public static VirtualMachineState? StateNumber(long n)
        {
            switch (n)
            {
                case 1: return VirtualMachineState.Other;
                case 2: return VirtualMachineState.Running;
                case 3: return VirtualMachineState.Off;
                case 4: return VirtualMachineState.Stopping;
                case 6: return VirtualMachineState.Saved;
                case 9: return VirtualMachineState.Paused;
                case 10: return VirtualMachineState.Starting;
                case 11: return VirtualMachineState.Reset;
                case 32773: return VirtualMachineState.Saving;
                case 32776: return VirtualMachineState.Pausing;
                case 32777: return VirtualMachineState.Resuming;
                case 32779: return VirtualMachineState.FastSaved;
                default: return n >= 32785 && n <= 32796 ? VirtualMachineState.Other : (VirtualMachineState?)null;
            }
        }

        public static CheckpointType? CheckpointType(string s)
        {
            switch (Key(s))
            {
                case "disabled": return Model.CheckpointType.Disabled;
                case "production": return Model.CheckpointType.Production;
                case "productiononly": return Model.CheckpointType.ProductionOnly;
                case "standard": return Model.CheckpointType.Standard;
                default: return null;
            }
        }

        /// <summary>PowerShell CheckpointType and WMI UserSnapshotType: Disabled 2, Production 3, ProductionOnly 4, Standard 5.</summary>
        public static CheckpointType? CheckpointTypeNumber(long n) => n >= 2 && n <= 5 ? (CheckpointType?)(CheckpointType)n : null;

        public static VirtualHardDiskType? VhdType(string s)
        {
            switch (Key(s))
            {
                case "fixed": case "fixedsize": return VirtualHardDiskType.Fixed;
                case "dynamic": case "dynamicallyexpanding": return VirtualHardDiskType.Dynamic;
                case "differencing": return VirtualHardDiskType.Differencing;
                default: return null;
            }
        }

        /// <summary>Get-VHD VhdType: Fixed 2, Dynamic 3, Differencing 4.</summary>
        public static VirtualHardDiskType? VhdTypeNumber(long n) => n >= 2 && n <= 4 ? (VirtualHardDiskType?)(VirtualHardDiskType)n : null;

        /// <summary>Get-VHD VhdFormat: VHD 2, VHDX 3 (VHDSet 4 is neither).</summary>
        public static VirtualHardDiskFormat? DiskFormatNumber(long n) => n == 2 ? VirtualHardDiskFormat.Vhd : n == 3 ? VirtualHardDiskFormat.Vhdx : (VirtualHardDiskFormat?)null;

        public static ProcessorArchitecture? Architecture(string s)
        {
            switch (Key(s))
            {
                case "x86": case "i386": case "i686": case "32bit": return ProcessorArchitecture.X86;
                case "x64": case "amd64": case "x8664": case "64bit": return ProcessorArchitecture.X64;
                case "arm64": case "aarch64": return ProcessorArchitecture.Arm64;
                default: return null;
            }
        }

        public static VlanMode? VlanMode(string s)
        {
            switch (Key(s))
            {
                case "untagged": return Model.VlanMode.Untagged;
                case "access": return Model.VlanMode.Access;
                case "trunk": return Model.VlanMode.Trunk;
                case "private": return Model.VlanMode.Private;
                default: return null;
            }
        }

        public static ControllerType? ControllerType(string s)
        {
            switch (Key(s))
            {
                case "ide": return Model.ControllerType.Ide;
                case "scsi": return Model.ControllerType.Scsi;
                case "pmem": return Model.ControllerType.Pmem;
                default: return null;
            }
        }

        public static VirtualHardDiskFormat? DiskFormat(string s)
        {
            switch (Key(s))
            {
                case "vhd": return VirtualHardDiskFormat.Vhd;
                case "vhdx": return VirtualHardDiskFormat.Vhdx;
                default: return null;
            }
        }

        /// <summary>Gen1 BootDevice names and Gen2 boot entry kinds; "NET"/"Network"/"PXE" as Packer and the VM XML write them.</summary>
        public static BootDevice? BootDevice(string s)
        {
            switch (Key(s))
            {
                case "floppy": return Model.BootDevice.Floppy;
                case "cd": case "dvd": case "optical": return Model.BootDevice.CD;
                case "ide": case "harddrive": return Model.BootDevice.IDE;
                case "legacynetworkadapter": case "network": case "net": case "pxe": return Model.BootDevice.LegacyNetworkAdapter;
                case "networkadapter": return Model.BootDevice.NetworkAdapter;
                case "vhd": case "harddiskdrive": case "drive": return Model.BootDevice.HardDiskDrive;
                case "dvddrive": return Model.BootDevice.DvdDrive;
                case "file": return Model.BootDevice.File;
                default: return null;
            }
        }

        /// <summary>PowerShell BootDevice: Floppy 0, CD 1, IDE 2, LegacyNetworkAdapter 3, NetworkAdapter 4, VHD 5.</summary>
        public static BootDevice? BootDeviceNumber(long n)
        {
            switch (n)
            {
                case 0: return Model.BootDevice.Floppy;
                case 1: return Model.BootDevice.CD;
                case 2: return Model.BootDevice.IDE;
                case 3: return Model.BootDevice.LegacyNetworkAdapter;
                case 4: return Model.BootDevice.NetworkAdapter;
                case 5: return Model.BootDevice.HardDiskDrive;
                default: return null;
            }
        }
    }
}
