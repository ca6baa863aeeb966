using System;
using System.Collections.Generic;

namespace HvLint.Model
{
    /// <summary>A Hyper-V host (parent partition) and the VMs placed on it.</summary>
    public sealed class Host
    {
        public SourceLocation Location { get; set; }

        public Fact<string> Name { get; set; }

        /// <summary>Operating system as written ("Windows Server 2008 R2 Datacenter SP1").</summary>
        public Fact<string> OperatingSystem { get; set; }

        public Fact<int> LogicalProcessorCount { get; set; }

        public Fact<long> MemoryCapacityBytes { get; set; }

        /// <summary>Intel VT-x / AMD-V present and enabled in firmware.</summary>
        public Fact<bool> HardwareVirtualization { get; set; }

        /// <summary>Hardware-enforced Data Execution Prevention (Intel XD / AMD NX) enabled.</summary>
        public Fact<bool> DataExecutionPrevention { get; set; }

        /// <summary>x64 processor.</summary>
        public Fact<bool> X64 { get; set; }

        /// <summary>Second-level address translation (EPT / RVI).</summary>
        public Fact<bool> SecondLevelAddressTranslation { get; set; }

        /// <summary>The first address of the pool dynamic MAC addresses come from (Get-VMHost MacAddressMinimum), as written.</summary>
        public Fact<string> MacAddressMinimum { get; set; }

        /// <summary>The last address of that pool (Get-VMHost MacAddressMaximum), as written.</summary>
        public Fact<string> MacAddressMaximum { get; set; }

        /// <summary>The drive the host's operating system is on (Win32_OperatingSystem SystemDrive, "C:").</summary>
        public Fact<string> SystemDrive { get; set; }

        public FactList<PhysicalNetworkAdapter> PhysicalNetworkAdapters { get; } = new FactList<PhysicalNetworkAdapter>();

        public FactList<VirtualSwitch> VirtualSwitches { get; } = new FactList<VirtualSwitch>();

        public FactList<VirtualMachine> VirtualMachines { get; } = new FactList<VirtualMachine>();

        public string DisplayName => Name.IsKnown && !string.IsNullOrEmpty(Name.Value) ? Name.Value : "(unnamed host)";

        public VirtualSwitch? FindSwitch(string name)
        {
            foreach (VirtualSwitch s in VirtualSwitches.Items)
            {
                if (s.Name.IsKnown && string.Equals(s.Name.Value, name, StringComparison.OrdinalIgnoreCase)) return s;
            }

            return null;
        }

        /// <summary>
        /// The switch a physical adapter is bound to, directly or through the team it belongs to; null when
        /// it is bound to none of the known switches.
        /// </summary>
        public VirtualSwitch? SwitchBoundTo(PhysicalNetworkAdapter nic)
        {
            foreach (VirtualSwitch s in VirtualSwitches.Items)
            {
                foreach (string uplink in s.NetAdapterNames)
                {
                    if (nic.Name.IsKnown && string.Equals(uplink, nic.Name.Value, StringComparison.OrdinalIgnoreCase)) return s;
                    if (nic.Team.IsKnown && !string.IsNullOrEmpty(nic.Team.Value) && string.Equals(uplink, nic.Team.Value, StringComparison.OrdinalIgnoreCase)) return s;
                    // Get-VMSwitch names its uplink by interface description, not by adapter name.
                    if (nic.InterfaceDescription.IsKnown && string.Equals(uplink, nic.InterfaceDescription.Value, StringComparison.OrdinalIgnoreCase)) return s;
                }
            }

            return null;
        }
    }

    public sealed class PhysicalNetworkAdapter
    {
        public SourceLocation Location { get; set; }

        public Fact<string> Name { get; set; }

        public Fact<string> InterfaceDescription { get; set; }

        public Fact<long> LinkSpeedBitsPerSecond { get; set; }

        /// <summary>Name of the LBFO team the adapter is a member of; known empty when it is in none.</summary>
        public Fact<string?> Team { get; set; }

        /// <summary>The traffic the adapter carries, when stated.</summary>
        public FactList<NetworkRole> Roles { get; } = new FactList<NetworkRole>();

        public string DisplayName => Name.IsKnown ? Name.Value : InterfaceDescription.IsKnown ? InterfaceDescription.Value : "(unnamed adapter)";

        /// <summary>
        /// An LBFO team interface ("Microsoft Network Adapter Multiplexor Driver"), which stands for an unknown number
        /// of physical adapters; Get-NetAdapter -Physical does not list it.
        /// </summary>
        public bool IsTeamInterface => InterfaceDescription.Is(d => d.IndexOf("Multiplexor", StringComparison.OrdinalIgnoreCase) >= 0);

        public bool HasRole(NetworkRole role)
        {
            foreach (NetworkRole r in Roles.Items)
            {
                if (r == role) return true;
            }

            return false;
        }
    }

    public sealed class VirtualSwitch
    {
        public SourceLocation Location { get; set; }

        public Fact<string> Name { get; set; }

        public Fact<VirtualSwitchType> SwitchType { get; set; }

        /// <summary>Physical adapters or teams the switch is bound to (External switches).</summary>
        public List<string> NetAdapterNames { get; } = new List<string>();

        /// <summary>"Allow management operating system to share this network adapter".</summary>
        public Fact<bool> AllowManagementOS { get; set; }

        public string DisplayName => Name.IsKnown ? Name.Value : "(unnamed switch)";
    }
}
