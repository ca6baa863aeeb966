using System;
using System.Collections.Generic;
using HvLint.Model;
using HvLint.Rules.Guest;

namespace HvLint.Packs
{
    /// <summary>
    /// A model element seen through the property names a pack uses. Names are the native inventory's
    /// (camelCase, case-insensitive), so a pack reads the same on every input format and on facts from code.
    /// "vm." on an adapter or drive, and "host." on a VM or switch, reach the element that holds it.
    /// </summary>
    public sealed class PackElement
    {
        private readonly Func<string, PackValue> _get;

        private PackElement(string kind, string label, SourceLocation location, Func<string, PackValue> get)
        {
            Kind = kind;
            Label = label;
            Location = location;
            _get = get;
        }

        public string Kind { get; }

        public string Label { get; }

        public SourceLocation Location { get; }

        /// <summary>Field names each target knows, for validating packs when they load.</summary>
        public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["vm"] = new[] { "name", "id", "generation", "configurationVersion", "guestOperatingSystem", "guestProduct", "guestArchitecture", "isTemplate", "environment", "roles", "state", "processorCount", "exposeVirtualizationExtensions", "memoryStartup", "dynamicMemoryEnabled", "memoryMinimum", "memoryMaximum", "networkAdapters", "drives", "bootOrder", "integrationServices.installed", "integrationServices.version", "integrationServices.state", "integrationServices.services", "floppyDisk", "checkpointType", "checkpointCount", "isClustered", "notes", "smartPagingFilePath", "secureBoot", "secureBootTemplate", "allowFullScsiCommandSet", "host" },
            ["networkAdapter"] = new[] { "name", "isLegacy", "switchName", "macAddress", "staticMacAddress", "vlan.operationMode", "vlan.accessVlanId", "vlan.nativeVlanId", "vlan.allowedVlanIdList", "macAddressSpoofing", "vm" },
            ["drive"] = new[] { "kind", "controllerType", "controllerNumber", "controllerLocation", "path", "diskNumber", "size", "format", "vhdType", "isBootDisk", "vm" },
            ["host"] = new[] { "name", "os", "logicalProcessorCount", "memoryCapacity", "macAddressMinimum", "macAddressMaximum", "systemDrive", "hardwareVirtualization", "dataExecutionPrevention", "x64", "secondLevelAddressTranslation", "physicalNetworkAdapters", "virtualSwitches", "virtualMachines" },
            ["physicalNetworkAdapter"] = new[] { "name", "interfaceDescription", "linkSpeed", "team", "roles", "host" },
            ["switch"] = new[] { "name", "switchType", "netAdapterNames", "allowManagementOS", "host" },
        };

        /// <summary>The value at a dotted path ("vm.environment", "vlan.accessVlanId", "integrationServices.services.VSS").</summary>
        public PackValue Get(string path)
        {
            PackValue direct = _get(path);
            if (direct.IsKnown || path.IndexOf('.') < 0) return direct;

            // "vm.x": resolve the first segment to an element, then the rest on it.
            int dot = path.IndexOf('.');
            PackValue head = _get(path.Substring(0, dot));
            return head.Kind == PackValue.Kinds.Element ? ((PackElement)head.Value!).Get(path.Substring(dot + 1)) : direct;
        }

        // Field paths repeat for every element a rule looks at; lower-case each once.
        private static readonly NameCache<string> LowerCase = new NameCache<string>(p => p.ToLowerInvariant());

        private static string Lower(string path) => LowerCase.Get(path);

        public static PackElement Of(VirtualMachine vm, Host? host)
        {
            PackElement? self = null;
            self = new PackElement("vm", "VM '" + vm.DisplayName + "'", vm.Location, path =>
            {
                switch (Lower(path))
                {
                    case "name": return PackValue.FromFact(vm.Name);
                    case "id": return PackValue.FromFact(vm.Id);
                    case "generation": return PackValue.FromFact(vm.Generation);
                    case "configurationversion": return PackValue.FromFact(vm.ConfigurationVersion);
                    case "guestoperatingsystem": return PackValue.From(vm.GuestOperatingSystem, g => PackValue.Of(g.Name, vm.GuestOperatingSystem.Location));
                    case "guestproduct": return vm.GuestOperatingSystem.Is(g => g.Product != GuestProduct.Unrecognised) ? PackValue.Of(vm.GuestOperatingSystem.Value.Product.ToString(), vm.GuestOperatingSystem.Location) : PackValue.Unknown;
                    case "guestarchitecture": return vm.GuestOperatingSystem.Is(g => g.Architecture.HasValue) ? PackValue.Of(vm.GuestOperatingSystem.Value.Architecture!.Value.ToString().ToLowerInvariant(), vm.GuestOperatingSystem.Location) : PackValue.Unknown;
                    case "istemplate": return PackValue.FromFact(vm.IsTemplate);
                    case "environment": return PackValue.FromFact(vm.Environment);
                    case "roles":
                        var roles = new List<PackValue>();
                        foreach (string r in vm.Roles) roles.Add(PackValue.Of(r, vm.Location));
                        return PackValue.List(roles, vm.Location);
                    case "state": return PackValue.FromEnum(vm.State);
                    case "processorcount": return PackValue.FromFact(vm.ProcessorCount);
                    case "exposevirtualizationextensions": return PackValue.FromFact(vm.ExposeVirtualizationExtensions);
                    case "memorystartup": return PackValue.FromFact(vm.MemoryStartupBytes);
                    case "dynamicmemoryenabled": return PackValue.FromFact(vm.DynamicMemoryEnabled);
                    case "memoryminimum": return PackValue.FromFact(vm.MemoryMinimumBytes);
                    case "memorymaximum": return PackValue.FromFact(vm.MemoryMaximumBytes);
                    case "networkadapters":
                        if (!vm.NetworkAdapters.IsKnown) return PackValue.Unknown;
                        var adapters = new List<PackValue>();
                        foreach (NetworkAdapter a in vm.NetworkAdapters.Items) adapters.Add(PackValue.Element(Of(a, self!)));
                        return PackValue.List(adapters, vm.NetworkAdapters.Location);
                    case "drives":
                        if (!vm.Drives.IsKnown) return PackValue.Unknown;
                        var drives = new List<PackValue>();
                        foreach (Drive d in vm.Drives.Items) drives.Add(PackValue.Element(Of(d, self!)));
                        return PackValue.List(drives, vm.Drives.Location);
                    case "bootorder":
                        if (!vm.BootOrder.IsKnown) return PackValue.Unknown;
                        var order = new List<PackValue>();
                        foreach (BootEntry e in vm.BootOrder.Items) order.Add(PackValue.Of(e.Device.ToString(), e.Location));
                        return PackValue.List(order, vm.BootOrder.Location);
                    case "integrationservices.installed": return PackValue.FromFact(vm.IntegrationServices.Installed);
                    case "integrationservices.version": return PackValue.FromFact(vm.IntegrationServices.Version);
                    case "integrationservices.state": return PackValue.FromFact(vm.IntegrationServices.State);
                    case "floppydisk": return PackValue.FromNullable(vm.FloppyDisk);
                    case "checkpointtype": return PackValue.FromEnum(vm.CheckpointType);
                    case "checkpointcount": return PackValue.FromFact(vm.CheckpointCount);
                    case "isclustered": return PackValue.FromFact(vm.IsClustered);
                    case "notes": return PackValue.FromFact(vm.Notes);
                    case "smartpagingfilepath": return PackValue.FromFact(vm.SmartPagingFilePath);
                    case "secureboot": return PackValue.FromFact(vm.SecureBootEnabled);
                    case "secureboottemplate": return PackValue.FromFact(vm.SecureBootTemplate);
                    case "allowfullscsicommandset": return PackValue.FromFact(vm.AllowFullScsiCommandSet);
                    case "host": return host == null ? PackValue.Unknown : PackValue.Element(Of(host));
                }

                const string services = "integrationservices.services.";
                if (path.StartsWith(services, StringComparison.OrdinalIgnoreCase))
                {
                    string wanted = IntegrationServiceNames.Canonical(path.Substring(services.Length));
                    foreach (IntegrationService s in vm.IntegrationServices.Services)
                    {
                        if (string.Equals(s.Name, wanted, StringComparison.Ordinal)) return PackValue.FromFact(s.Enabled);
                    }
                }

                return PackValue.Unknown;
            });
            return self;
        }

        public static PackElement Of(NetworkAdapter a, PackElement vm) =>
            new PackElement("networkAdapter", vm.Label + " adapter '" + a.DisplayName + "'", a.Location, path =>
            {
                switch (Lower(path))
                {
                    case "name": return PackValue.FromFact(a.Name);
                    case "islegacy": return PackValue.FromFact(a.IsLegacy);
                    case "switchname": return PackValue.FromNullable(a.SwitchName);
                    case "macaddress": return PackValue.FromFact(a.MacAddress);
                    case "staticmacaddress": return PackValue.FromFact(a.StaticMacAddress);
                    case "vlan.operationmode": return PackValue.FromEnum(a.VlanMode);
                    case "vlan.accessvlanid": return PackValue.FromFact(a.AccessVlanId);
                    case "vlan.nativevlanid": return PackValue.FromFact(a.NativeVlanId);
                    case "vlan.allowedvlanidlist": return PackValue.FromFact(a.AllowedVlanIdList);
                    case "macaddressspoofing": return PackValue.FromFact(a.MacAddressSpoofing);
                    case "vm": return PackValue.Element(vm);
                    default: return PackValue.Unknown;
                }
            });

        public static PackElement Of(Drive d, PackElement vm) =>
            new PackElement("drive", vm.Label + " drive " + d.SlotDescription, d.Location, path =>
            {
                switch (Lower(path))
                {
                    case "kind": return PackValue.FromEnum(d.Kind);
                    case "controllertype": return PackValue.FromEnum(d.ControllerType);
                    case "controllernumber": return PackValue.FromFact(d.ControllerNumber);
                    case "controllerlocation": return PackValue.FromFact(d.ControllerLocation);
                    case "path": return PackValue.FromNullable(d.Path);
                    case "disknumber": return PackValue.FromFact(d.DiskNumber);
                    case "size": return PackValue.FromFact(d.SizeBytes);
                    case "format": return PackValue.FromEnum(d.Format);
                    case "vhdtype": return PackValue.FromEnum(d.VhdType);
                    case "isbootdisk": return PackValue.FromFact(d.IsBootDisk);
                    case "vm": return PackValue.Element(vm);
                    default: return PackValue.Unknown;
                }
            });

        public static PackElement Of(Host h)
        {
            PackElement? self = null;
            self = new PackElement("host", "Host '" + h.DisplayName + "'", h.Location, path =>
            {
                switch (Lower(path))
                {
                    case "name": return PackValue.FromFact(h.Name);
                    case "os": return PackValue.FromFact(h.OperatingSystem);
                    case "logicalprocessorcount": return PackValue.FromFact(h.LogicalProcessorCount);
                    case "memorycapacity": return PackValue.FromFact(h.MemoryCapacityBytes);
                    case "macaddressminimum": return PackValue.FromFact(h.MacAddressMinimum);
                    case "macaddressmaximum": return PackValue.FromFact(h.MacAddressMaximum);
                    case "systemdrive": return PackValue.FromFact(h.SystemDrive);
                    case "hardwarevirtualization": return PackValue.FromFact(h.HardwareVirtualization);
                    case "dataexecutionprevention": return PackValue.FromFact(h.DataExecutionPrevention);
                    case "x64": return PackValue.FromFact(h.X64);
                    case "secondleveladdresstranslation": return PackValue.FromFact(h.SecondLevelAddressTranslation);
                    case "physicalnetworkadapters":
                        if (!h.PhysicalNetworkAdapters.IsKnown) return PackValue.Unknown;
                        var nics = new List<PackValue>();
                        foreach (PhysicalNetworkAdapter n in h.PhysicalNetworkAdapters.Items) nics.Add(PackValue.Element(Of(n, self!)));
                        return PackValue.List(nics, h.PhysicalNetworkAdapters.Location);
                    case "virtualswitches":
                        if (!h.VirtualSwitches.IsKnown) return PackValue.Unknown;
                        var switches = new List<PackValue>();
                        foreach (VirtualSwitch s in h.VirtualSwitches.Items) switches.Add(PackValue.Element(Of(s, self!)));
                        return PackValue.List(switches, h.VirtualSwitches.Location);
                    case "virtualmachines":
                        if (!h.VirtualMachines.IsKnown) return PackValue.Unknown;
                        var vms = new List<PackValue>();
                        foreach (VirtualMachine vm in h.VirtualMachines.Items) vms.Add(PackValue.Element(Of(vm, h)));
                        return PackValue.List(vms, h.VirtualMachines.Location);
                    default: return PackValue.Unknown;
                }
            });
            return self;
        }

        public static PackElement Of(PhysicalNetworkAdapter n, PackElement host) =>
            new PackElement("physicalNetworkAdapter", host.Label + " adapter '" + n.DisplayName + "'", n.Location, path =>
            {
                switch (Lower(path))
                {
                    case "name": return PackValue.FromFact(n.Name);
                    case "interfacedescription": return PackValue.FromFact(n.InterfaceDescription);
                    case "linkspeed": return PackValue.FromFact(n.LinkSpeedBitsPerSecond);
                    case "team": return PackValue.FromNullable(n.Team);
                    case "roles":
                        if (!n.Roles.IsKnown) return PackValue.Unknown;
                        var roles = new List<PackValue>();
                        foreach (NetworkRole r in n.Roles.Items) roles.Add(PackValue.Of(RoleName(r), n.Roles.Location));
                        return PackValue.List(roles, n.Roles.Location);
                    case "host": return PackValue.Element(host);
                    default: return PackValue.Unknown;
                }
            });

        public static PackElement Of(VirtualSwitch s, PackElement host) =>
            new PackElement("switch", host.Label + " switch '" + s.DisplayName + "'", s.Location, path =>
            {
                switch (Lower(path))
                {
                    case "name": return PackValue.FromFact(s.Name);
                    case "switchtype": return PackValue.FromEnum(s.SwitchType);
                    case "netadapternames":
                        var names = new List<PackValue>();
                        foreach (string n in s.NetAdapterNames) names.Add(PackValue.Of(n, s.Location));
                        return PackValue.List(names, s.Location);
                    case "allowmanagementos": return PackValue.FromFact(s.AllowManagementOS);
                    case "host": return PackValue.Element(host);
                    default: return PackValue.Unknown;
                }
            });

        /// <summary>Role names as the native inventory writes them.</summary>
        public static string RoleName(NetworkRole r)
        {
            switch (r)
            {
                case NetworkRole.Management: return "management";
                case NetworkRole.VirtualMachines: return "vm";
                case NetworkRole.Iscsi: return "iscsi";
                case NetworkRole.LiveMigration: return "livemigration";
                case NetworkRole.Cluster: return "cluster";
                default: return r.ToString().ToLowerInvariant();
            }
        }
    }
}
