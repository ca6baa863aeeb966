using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using HvLint.Model;
using HvLint.Rules;
using Newtonsoft.Json;

namespace HvLint.Readers
{
    /// <summary>
    /// Reads HvLint's native inventory (schema: rules/schema/hvlint-inventory.schema.json) straight from
    /// tokens into the model, host by host: a host's VMs are held until the host object ends (so that
    /// switches and adapters written after them are known), then handed on and released. VMs outside any
    /// host are handed on one at a time. Memory is bounded by the largest host, not the inventory.
    /// </summary>
    public sealed class NativeInventoryReader
    {
        private readonly IInventoryConsumer _consumer;
        private JsonCursor _c = null!;

        public NativeInventoryReader(IInventoryConsumer consumer)
        {
            _consumer = consumer;
        }

        /// <summary>Top-level property names that mark a native inventory.</summary>
        internal static bool IsNativeTopLevelProperty(string name) =>
            Is(name, "hosts") || Is(name, "virtualMachines") || Is(name, "profile");

        public void Read(string path, TextReader text)
        {
            using (_c = new JsonCursor(path, text))
            {
                try
                {
                    if (!_c.Read())
                    {
                        Problem(SourceLocation.InFile(path), "the file is empty");
                        return;
                    }

                    if (_c.Token != JsonToken.StartObject)
                    {
                        Problem(_c.Start, "a native inventory is a JSON object with 'hosts' and/or 'virtualMachines', found " + _c.Describe());
                        return;
                    }

                    ReadObject(name =>
                    {
                        if (Is(name, "hosts")) ReadArray(() => { Host? h = ReadHost(); if (h != null) _consumer.OnHost(h); });
                        else if (Is(name, "virtualMachines")) ReadArray(() => { VirtualMachine? vm = ReadVirtualMachine(); if (vm != null) _consumer.OnVirtualMachine(vm); });
                        else if (Is(name, "profile")) ReadString(); // a declaration: read by ProfileEvidenceScanner before the audit
                        else return false;
                        return true;
                    });

                    if (_c.Read()) Problem(_c.Start, "unexpected content after the inventory object");
                }
                catch (JsonReaderException ex)
                {
                    Problem(JsonErrors.Location(path, ex), "malformed JSON: " + JsonErrors.Message(ex));
                }
            }
        }

        // The property being read, so that a problem with its value names it ("'processorCount': expected ...").
        private string? _property;

        private void Problem(SourceLocation at, string message) => _consumer.OnProblem(ToolDiagnostics.InputUnreadable, at, message);

        private void ValueProblem(SourceLocation at, string message) => Problem(at, _property == null ? message : "'" + _property + "': " + message);

        private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        // ----- structure -----

        /// <summary>
        /// Reads the properties of the object the cursor is on; <paramref name="property"/> reads a value and
        /// returns true, or returns false for a name it does not know (reported, then skipped).
        /// </summary>
        private void ReadObject(Func<string, bool> property)
        {
            while (true)
            {
                _c.ReadRequired();
                if (_c.Token == JsonToken.EndObject) return;
                string name = (string)_c.Value!;
                SourceLocation at = _c.Start;
                if (name.StartsWith("$", StringComparison.Ordinal) || name.StartsWith("x-", StringComparison.OrdinalIgnoreCase))
                {
                    _c.ReadRequired();
                    _c.Skip();
                    continue;
                }

                string? outer = _property;
                _property = name;
                bool known = property(name);
                _property = outer;
                if (!known)
                {
                    Problem(at, "unknown property '" + name + "' (see rules/schema/hvlint-inventory.schema.json; extension properties start with 'x-')");
                    _c.ReadRequired();
                    _c.Skip();
                }
            }
        }

        /// <summary>Reads an array; <paramref name="item"/> is called with the cursor before each element.</summary>
        /// <returns>Where the array starts, or null when the value was null or not an array.</returns>
        private SourceLocation? ReadArray(Action item)
        {
            _c.ReadRequired();
            if (_c.Token == JsonToken.Null) return null;
            if (_c.Token != JsonToken.StartArray)
            {
                WrongType("an array");
                return null;
            }

            SourceLocation start = _c.Start;
            while (true)
            {
                _c.ReadRequired();
                if (_c.Token == JsonToken.EndArray) return start;
                item();
            }
        }

        private static void MarkKnown<T>(FactList<T> list, SourceLocation? start)
        {
            if (start.HasValue) list.MarkKnown(start.Value);
        }

        private bool ExpectObject()
        {
            if (_c.Token == JsonToken.StartObject) return true;
            WrongType("an object");
            return false;
        }

        private void WrongType(string expected)
        {
            ValueProblem(_c.Start, "expected " + expected + ", found " + _c.Describe());
            _c.Skip();
        }

        // ----- values -----

        /// <summary>A MAC address of 12 hex digits, bare or separated ("00155D0A1E00", "00-15-5D-0A-1E-00"); anything else is unknown and reported.</summary>
        private Fact<string> ReadMacAddress()
        {
            Fact<string> mac = ReadString();
            if (!mac.IsKnown || MacAddress.Normalise(mac.Value) != null) return mac;
            ValueProblem(mac.Location, "expected a MAC address of 12 hex digits, found '" + mac.Value + "'");
            return Fact<string>.Unknown;
        }

        private Fact<string> ReadString()
        {
            _c.ReadRequired();
            switch (_c.Token)
            {
                case JsonToken.String: return Fact.Known((string)_c.Value!, _c.Start);
                case JsonToken.Integer:
                case JsonToken.Float: return Fact.Known(Convert.ToString(_c.Value, CultureInfo.InvariantCulture)!, _c.Start);
                case JsonToken.Null: return Fact<string>.Unknown;
                default: WrongType("a string"); return Fact<string>.Unknown;
            }
        }

        /// <summary>A string where null is a stated value (a switch name of null: connected to nothing).</summary>
        private Fact<string?> ReadNullableString()
        {
            _c.ReadRequired();
            switch (_c.Token)
            {
                case JsonToken.String: return Fact.Known<string?>((string)_c.Value!, _c.Start);
                case JsonToken.Null: return Fact.Known<string?>(null, _c.Start);
                default: WrongType("a string or null"); return Fact<string?>.Unknown;
            }
        }

        private Fact<long> ReadInteger(long min = long.MinValue, long max = long.MaxValue)
        {
            _c.ReadRequired();
            SourceLocation at = _c.Start;
            long value;
            switch (_c.Token)
            {
                case JsonToken.Integer when _c.Value is long l:
                    value = l;
                    break;
                case JsonToken.Float when _c.Value is double d && Math.Abs(d - Math.Round(d)) < double.Epsilon && Math.Abs(d) < 9e18:
                    value = (long)d;
                    break;
                case JsonToken.Null:
                    return Fact<long>.Unknown;
                case JsonToken.Integer:
                    // Longer than 64 bits: Newtonsoft gives a BigInteger.
                    ValueProblem(at, string.Format(CultureInfo.InvariantCulture, "{0} is out of range ({1} to {2})", _c.Value, min, max));
                    return Fact<long>.Unknown;
                default:
                    WrongType("a whole number");
                    return Fact<long>.Unknown;
            }

            if (value < min || value > max)
            {
                ValueProblem(at, string.Format(CultureInfo.InvariantCulture, "{0} is out of range ({1} to {2})", value, min, max));
                return Fact<long>.Unknown;
            }

            return Fact.Known(value, at);
        }

        private Fact<int> ReadInt32(int min = int.MinValue, int max = int.MaxValue)
        {
            Fact<long> v = ReadInteger(min, max);
            return v.IsKnown ? Fact.Known((int)v.Value, v.Location) : Fact<int>.Unknown;
        }

        private Fact<bool> ReadBool()
        {
            _c.ReadRequired();
            switch (_c.Token)
            {
                case JsonToken.Boolean: return Fact.Known((bool)_c.Value!, _c.Start);
                case JsonToken.Null: return Fact<bool>.Unknown;
                default: WrongType("true or false"); return Fact<bool>.Unknown;
            }
        }

        /// <summary>PowerShell's OnOffState: true/false, "On"/"Off", or its integers (On 0, Off 1).</summary>
        private Fact<bool> ReadOnOff()
        {
            _c.ReadRequired();
            SourceLocation at = _c.Start;
            switch (_c.Token)
            {
                case JsonToken.Boolean: return Fact.Known((bool)_c.Value!, at);
                case JsonToken.String:
                    string s = (string)_c.Value!;
                    if (Is(s, "On")) return Fact.Known(true, at);
                    if (Is(s, "Off")) return Fact.Known(false, at);
                    break;
                case JsonToken.Integer when _c.Value is long n:
                    if (n == 0) return Fact.Known(true, at);
                    if (n == 1) return Fact.Known(false, at);
                    break;
                case JsonToken.Null:
                    return Fact<bool>.Unknown;
            }

            ValueProblem(at, "expected On or Off (or true/false), found " + _c.Describe());
            if (_c.Token == JsonToken.StartObject || _c.Token == JsonToken.StartArray) _c.Skip();
            return Fact<bool>.Unknown;
        }

        /// <summary>A size: bytes as a number, or a string with a binary unit ("4GB", "512 MB").</summary>
        private Fact<long> ReadSize()
        {
            _c.ReadRequired();
            SourceLocation at = _c.Start;
            switch (_c.Token)
            {
                case JsonToken.Integer when _c.Value is long l && l >= 0: return Fact.Known(l, at);
                case JsonToken.String when Units.TryParseSize((string)_c.Value!, out long bytes): return Fact.Known(bytes, at);
                case JsonToken.Null: return Fact<long>.Unknown;
            }

            ValueProblem(at, "expected a size in bytes or with a unit such as \"4GB\", found " + _c.Describe());
            if (_c.Token == JsonToken.StartObject || _c.Token == JsonToken.StartArray) _c.Skip();
            return Fact<long>.Unknown;
        }

        private Fact<T> ReadEnum<T>(Func<string, T?> byName, Func<long, T?> byNumber, string expected)
            where T : struct
        {
            _c.ReadRequired();
            SourceLocation at = _c.Start;
            T? value = null;
            string found = _c.Describe();
            switch (_c.Token)
            {
                case JsonToken.String: value = byName((string)_c.Value!); break;
                case JsonToken.Integer when _c.Value is long n: value = byNumber(n); break;
                case JsonToken.Null: return Fact<T>.Unknown;
                case JsonToken.StartObject:
                case JsonToken.StartArray: _c.Skip(); break;
            }

            if (value.HasValue) return Fact.Known(value.Value, at);
            ValueProblem(at, "expected " + expected + ", found " + found);
            return Fact<T>.Unknown;
        }

        private List<string> ReadStringList(out SourceLocation at)
        {
            var list = new List<string>();
            SourceLocation start = default;
            _c.ReadRequired();
            start = _c.Start;
            at = start;
            if (_c.Token == JsonToken.String)
            {
                list.Add((string)_c.Value!);
                return list;
            }

            if (_c.Token == JsonToken.Null) return list;
            if (_c.Token != JsonToken.StartArray)
            {
                WrongType("an array of strings");
                return list;
            }

            while (true)
            {
                _c.ReadRequired();
                if (_c.Token == JsonToken.EndArray) return list;
                if (_c.Token == JsonToken.String) list.Add((string)_c.Value!);
                else WrongType("a string");
            }
        }

        // ----- hosts -----

        private Host? ReadHost()
        {
            if (!ExpectObject()) return null;
            var host = new Host { Location = _c.Start };
            ReadObject(name =>
            {
                switch (_c.Lower(name))
                {
                    case "name": case "computername": host.Name = ReadString(); return true;
                    case "os": case "operatingsystem": host.OperatingSystem = ReadString(); return true;
                    case "logicalprocessorcount": host.LogicalProcessorCount = ReadInt32(0, 1 << 20); return true;
                    case "memorycapacity": host.MemoryCapacityBytes = ReadSize(); return true;
                    case "macaddressminimum": host.MacAddressMinimum = ReadMacAddress(); return true;
                    case "systemdrive": host.SystemDrive = ReadString(); return true;
                    case "macaddressmaximum": host.MacAddressMaximum = ReadMacAddress(); return true;
                    case "hardwarevirtualization": host.HardwareVirtualization = ReadBool(); return true;
                    case "dataexecutionprevention": host.DataExecutionPrevention = ReadBool(); return true;
                    case "x64": host.X64 = ReadBool(); return true;
                    case "secondleveladdresstranslation": host.SecondLevelAddressTranslation = ReadBool(); return true;
                    case "physicalnetworkadapters":
                        MarkKnown(host.PhysicalNetworkAdapters, ReadArray(() => { var nic = ReadPhysicalAdapter(); if (nic != null) host.PhysicalNetworkAdapters.Add(nic); }));
                        return true;
                    case "virtualswitches":
                        MarkKnown(host.VirtualSwitches, ReadArray(() => { var s = ReadSwitch(); if (s != null) host.VirtualSwitches.Add(s); }));
                        return true;
                    case "virtualmachines":
                        MarkKnown(host.VirtualMachines, ReadArray(() => { var vm = ReadVirtualMachine(); if (vm != null) host.VirtualMachines.Add(vm); }));
                        return true;
                    default: return false;
                }
            });
            return host;
        }

        private PhysicalNetworkAdapter? ReadPhysicalAdapter()
        {
            if (!ExpectObject()) return null;
            var nic = new PhysicalNetworkAdapter { Location = _c.Start };
            ReadObject(name =>
            {
                switch (_c.Lower(name))
                {
                    case "name": nic.Name = ReadString(); return true;
                    case "interfacedescription": nic.InterfaceDescription = ReadString(); return true;
                    case "linkspeed":
                        _c.ReadRequired();
                        SourceLocation at = _c.Start;
                        if (_c.Token == JsonToken.Integer && _c.Value is long speed) nic.LinkSpeedBitsPerSecond = Fact.Known(speed, at);
                        else if (_c.Token == JsonToken.String && Units.TryParseLinkSpeed((string)_c.Value!, out long bps)) nic.LinkSpeedBitsPerSecond = Fact.Known(bps, at);
                        else if (_c.Token != JsonToken.Null) { ValueProblem(at, "expected a link speed such as \"10 Gbps\", found " + _c.Describe()); _c.Skip(); }
                        return true;
                    case "team": nic.Team = ReadNullableString(); return true;
                    case "roles":
                        List<string> roles = ReadStringList(out SourceLocation rolesAt);
                        nic.Roles.MarkKnown(rolesAt);
                        foreach (string r in roles)
                        {
                            NetworkRole? role = ParseRole(r);
                            if (role.HasValue) nic.Roles.Add(role.Value);
                            else Problem(rolesAt, "unknown network role '" + r + "' (management, vm, iscsi, live-migration, cluster)");
                        }

                        return true;
                    default: return false;
                }
            });
            return nic;
        }

        internal static NetworkRole? ParseRole(string r)
        {
            switch (r.Replace("-", string.Empty).Replace(" ", string.Empty).Replace("_", string.Empty).ToLowerInvariant())
            {
                case "management": case "mgmt": return NetworkRole.Management;
                case "vm": case "vms": case "virtualmachines": case "vmtraffic": return NetworkRole.VirtualMachines;
                case "iscsi": case "storage": return NetworkRole.Iscsi;
                case "livemigration": return NetworkRole.LiveMigration;
                case "cluster": case "csv": case "heartbeat": return NetworkRole.Cluster;
                default: return null;
            }
        }

        private VirtualSwitch? ReadSwitch()
        {
            if (!ExpectObject()) return null;
            var vs = new VirtualSwitch { Location = _c.Start };
            ReadObject(name =>
            {
                switch (_c.Lower(name))
                {
                    case "name": vs.Name = ReadString(); return true;
                    case "switchtype": vs.SwitchType = ReadEnum(EnumNames.SwitchType, n => n >= 0 && n <= 2 ? (VirtualSwitchType?)(VirtualSwitchType)n : null, "External, Internal or Private"); return true;
                    case "netadapternames": case "netadaptername": case "netadapterinterfacedescription": case "netadapterinterfacedescriptions":
                        vs.NetAdapterNames.AddRange(ReadStringList(out _));
                        return true;
                    case "allowmanagementos": vs.AllowManagementOS = ReadBool(); return true;
                    default: return false;
                }
            });
            return vs;
        }

        // ----- virtual machines -----

        private VirtualMachine? ReadVirtualMachine()
        {
            if (!ExpectObject()) return null;
            var vm = new VirtualMachine { Location = _c.Start };
            ReadObject(name =>
            {
                switch (_c.Lower(name))
                {
                    case "name": case "vmname": vm.Name = ReadString(); return true;
                    case "id": case "vmid": vm.Id = ReadString(); return true;
                    case "generation": vm.Generation = ReadInt32(1, 2); return true;
                    case "configurationversion": case "version": vm.ConfigurationVersion = ReadString(); return true;
                    case "guestoperatingsystem": case "guestos": vm.GuestOperatingSystem = ReadGuest(); return true;
                    case "istemplate": vm.IsTemplate = ReadBool(); return true;
                    case "environment": vm.Environment = ReadString(); return true;
                    case "roles":
                        foreach (string r in ReadStringList(out _)) vm.Roles.Add(r.Trim().ToLowerInvariant());
                        return true;
                    case "state": vm.State = ReadEnum(EnumNames.State, EnumNames.StateNumber, "a VM state such as Running or Off"); return true;
                    case "floppydisk":
                    {
                        // A path; null or "" is a drive with nothing in it, which says nothing about the generation.
                        Fact<string> disk = ReadString();
                        if (disk.IsKnown && disk.Value.Length > 0) vm.FloppyDisk = Fact.Known<string?>(disk.Value, disk.Location);
                        return true;
                    }

                    case "checkpointtype": vm.CheckpointType = ReadEnum(EnumNames.CheckpointType, EnumNames.CheckpointTypeNumber, "Disabled, Production, ProductionOnly or Standard"); return true;
                    case "processorcount": vm.ProcessorCount = ReadInteger(0, 1 << 16); return true;
                    case "exposevirtualizationextensions": vm.ExposeVirtualizationExtensions = ReadBool(); return true;
                    case "memorystartup": vm.MemoryStartupBytes = ReadSize(); return true;
                    case "dynamicmemoryenabled": vm.DynamicMemoryEnabled = ReadBool(); return true;
                    case "memoryminimum": vm.MemoryMinimumBytes = ReadSize(); return true;
                    case "memorymaximum": vm.MemoryMaximumBytes = ReadSize(); return true;
                    case "networkadapters":
                        MarkKnown(vm.NetworkAdapters, ReadArray(() => { var a = ReadAdapter(); if (a != null) vm.NetworkAdapters.Add(a); }));
                        return true;
                    case "harddrives":
                        MarkKnown(vm.Drives, ReadArray(() => { var d = ReadDrive(DriveKind.VirtualHardDisk); if (d != null) vm.Drives.Add(d); }));
                        return true;
                    case "dvddrives":
                        ReadArray(() => { var d = ReadDrive(DriveKind.DvdDrive); if (d != null) vm.Drives.Add(d); });
                        return true;
                    case "bootorder": case "startuporder": ReadBootOrder(vm); return true;
                    case "comports": ReadArray(() => ReadComPort(vm)); return true;
                    case "secureboot": case "securebootenabled": vm.SecureBootEnabled = ReadOnOff(); return true;
                    case "secureboottemplate":
                    {
                        // A name, or the template's ID (a GUID), which names it where the ID is one HvLint knows.
                        Fact<string> template = ReadString();
                        vm.SecureBootTemplate = template.IsKnown && Guid.TryParse(template.Value.Trim(), out _)
                            ? (SecureBootTemplates.NameOfId(template.Value) is string named ? Fact.Known(named, template.Location) : Fact<string>.Unknown)
                            : template;
                        return true;
                    }

                    case "allowfullscsicommandset": vm.AllowFullScsiCommandSet = ReadBool(); return true;
                    case "integrationservices": ReadIntegrationServices(vm.IntegrationServices); return true;
                    case "checkpointcount": vm.CheckpointCount = ReadInt32(0, 100000); return true;
                    case "checkpoints":
                        int count = 0;
                        _c.ReadRequired();
                        SourceLocation at = _c.Start;
                        if (_c.Token == JsonToken.StartArray)
                        {
                            while (true)
                            {
                                _c.ReadRequired();
                                if (_c.Token == JsonToken.EndArray) break;
                                count++;
                                _c.Skip();
                            }

                            vm.CheckpointCount = Fact.Known(count, at);
                        }
                        else if (_c.Token != JsonToken.Null)
                        {
                            WrongType("an array of checkpoints");
                        }

                        return true;
                    case "isclustered": vm.IsClustered = ReadBool(); return true;
                    case "notes": vm.Notes = ReadString(); return true;
                    case "smartpagingfilepath": vm.SmartPagingFilePath = ReadString(); return true;
                    default: return false;
                }
            });
            return vm;
        }

        private Fact<GuestOperatingSystem> ReadGuest()
        {
            _c.ReadRequired();
            SourceLocation at = _c.Start;
            if (_c.Token == JsonToken.String) return Fact.Known(GuestOperatingSystem.Parse((string)_c.Value!), at);
            if (_c.Token == JsonToken.Null) return Fact<GuestOperatingSystem>.Unknown;
            if (_c.Token != JsonToken.StartObject)
            {
                WrongType("a guest operating system name or object");
                return Fact<GuestOperatingSystem>.Unknown;
            }

            Fact<string> guestName = default;
            Fact<ProcessorArchitecture> arch = default;
            Fact<int> sp = default;
            ReadObject(name =>
            {
                switch (_c.Lower(name))
                {
                    case "name": guestName = ReadString(); return true;
                    case "architecture": arch = ReadEnum(EnumNames.Architecture, _ => null, "x86, x64 or arm64"); return true;
                    case "servicepack": sp = ReadInt32(0, 9); return true;
                    default: return false;
                }
            });
            if (!guestName.IsKnown)
            {
                Problem(at, "a guest operating system needs a 'name'");
                return Fact<GuestOperatingSystem>.Unknown;
            }

            return Fact.Known(GuestOperatingSystem.Parse(guestName.Value, arch.IsKnown ? arch.Value : (ProcessorArchitecture?)null, sp.IsKnown ? sp.Value : (int?)null), at);
        }

        /// <summary>{ "number": 1, "path": "\\.\pipe\debug" }: a COM port; one without its number (1 or 2) is reported, as no port can be meant.</summary>
        private void ReadComPort(VirtualMachine vm)
        {
            if (!ExpectObject()) return;
            SourceLocation at = _c.Start;
            bool numbered = false;
            Fact<int> number = Fact<int>.Unknown;
            Fact<string?> path = Fact<string?>.Unknown;
            ReadObject(name =>
            {
                switch (_c.Lower(name))
                {
                    case "number": numbered = true; number = ReadInt32(1, 2); return true;
                    case "path": path = ReadNullableString(); return true;
                    default: return false;
                }
            });
            if (number.IsKnown) vm.ComPort(number.Value).Path = path;
            else if (!numbered) ValueProblem(at, "a COM port needs its \"number\" (1 or 2)");
        }

        private NetworkAdapter? ReadAdapter()
        {
            if (!ExpectObject()) return null;
            var a = new NetworkAdapter { Location = _c.Start };
            ReadObject(name =>
            {
                switch (_c.Lower(name))
                {
                    case "name": a.Name = ReadString(); return true;
                    case "islegacy": a.IsLegacy = ReadBool(); return true;
                    case "switchname": a.SwitchName = ReadNullableString(); return true;
                    case "macaddress": a.MacAddress = ReadString(); return true;
                    case "staticmacaddress": a.StaticMacAddress = ReadBool(); return true;
                    case "dynamicmacaddressenabled":
                        Fact<bool> dynamic = ReadBool();
                        if (dynamic.IsKnown) a.StaticMacAddress = Fact.Known(!dynamic.Value, dynamic.Location);
                        return true;
                    case "macaddressspoofing": a.MacAddressSpoofing = ReadOnOff(); return true;
                    case "vlan": case "vlansetting": ReadVlan(a); return true;
                    default: return false;
                }
            });
            return a;
        }

        private void ReadVlan(NetworkAdapter a)
        {
            _c.ReadRequired();
            if (_c.Token == JsonToken.Null) return;
            if (!ExpectObject()) return;
            ReadObject(name =>
            {
                switch (_c.Lower(name))
                {
                    case "operationmode": case "mode": a.VlanMode = ReadEnum(EnumNames.VlanMode, n => n >= 0 && n <= 3 ? (VlanMode?)(VlanMode)n : null, "Untagged, Access, Trunk or Private"); return true;
                    case "accessvlanid": case "vlanid": a.AccessVlanId = ReadInt32(); return true;
                    case "nativevlanid": a.NativeVlanId = ReadInt32(); return true;
                    case "allowedvlanidlist": case "allowedvlanidliststring": a.AllowedVlanIdList = ReadAllowedList(); return true;
                    default: return false;
                }
            });
        }

        /// <summary>"10,20-30" or [10, "20-30"], kept as the string form.</summary>
        private Fact<string> ReadAllowedList()
        {
            _c.ReadRequired();
            SourceLocation at = _c.Start;
            if (_c.Token == JsonToken.String) return Fact.Known((string)_c.Value!, at);
            if (_c.Token == JsonToken.Null) return Fact<string>.Unknown;
            if (_c.Token != JsonToken.StartArray)
            {
                WrongType("a VLAN list such as \"10,20-30\"");
                return Fact<string>.Unknown;
            }

            var parts = new List<string>();
            while (true)
            {
                _c.ReadRequired();
                if (_c.Token == JsonToken.EndArray) break;
                if (_c.Token == JsonToken.Integer || _c.Token == JsonToken.String) parts.Add(Convert.ToString(_c.Value, CultureInfo.InvariantCulture)!);
                else WrongType("a VLAN ID or range");
            }

            return Fact.Known(string.Join(",", parts), at);
        }

        private Drive? ReadDrive(DriveKind defaultKind)
        {
            if (!ExpectObject()) return null;
            var d = new Drive { Location = _c.Start };
            d.Kind = Fact.Known(defaultKind, d.Location);
            Fact<VirtualHardDiskFormat> statedFormat = default;
            ReadObject(name =>
            {
                switch (_c.Lower(name))
                {
                    case "controllertype": d.ControllerType = ReadEnum(EnumNames.ControllerType, n => n >= 0 && n <= 2 ? (ControllerType?)(ControllerType)n : null, "IDE or SCSI"); return true;
                    case "controllernumber": d.ControllerNumber = ReadInt32(0, 1024); return true;
                    case "controllerlocation": d.ControllerLocation = ReadInt32(0, 4096); return true;
                    case "path": d.Path = ReadNullableString(); return true;
                    case "disknumber":
                        d.DiskNumber = ReadInt32(-1, int.MaxValue);
                        // 4294967295 / -1 and null mean "no physical disk" in Hyper-V's own output.
                        if (d.DiskNumber.Is(n => n >= 0) && defaultKind == DriveKind.VirtualHardDisk) d.Kind = Fact.Known(DriveKind.PassThroughDisk, d.DiskNumber.Location);
                        return true;
                    case "size": case "maximumsize": d.SizeBytes = ReadSize(); return true;
                    case "format": case "vhdformat": statedFormat = ReadEnum(EnumNames.DiskFormat, _ => null, "VHD or VHDX"); return true;
                    case "vhdtype": d.VhdType = ReadEnum(EnumNames.VhdType, EnumNames.VhdTypeNumber, "Fixed, Dynamic or Differencing"); return true;
                    case "isbootdisk": d.IsBootDisk = ReadBool(); return true;
                    default: return false;
                }
            });

            if (d.Kind.Is(k => k == DriveKind.VirtualHardDisk))
            {
                d.Format = statedFormat.IsKnown ? statedFormat : FormatFromPath(d.Path);
            }

            return d;
        }

        public static Fact<VirtualHardDiskFormat> FormatFromPath(Fact<string?> path)
        {
            if (!path.IsKnown || string.IsNullOrEmpty(path.Value)) return Fact<VirtualHardDiskFormat>.Unknown;
            string p = path.Value!.TrimEnd().ToLowerInvariant();
            if (p.EndsWith(".vhdx", StringComparison.Ordinal) || p.EndsWith(".avhdx", StringComparison.Ordinal)) return Fact.Known(VirtualHardDiskFormat.Vhdx, path.Location);
            if (p.EndsWith(".vhd", StringComparison.Ordinal) || p.EndsWith(".avhd", StringComparison.Ordinal)) return Fact.Known(VirtualHardDiskFormat.Vhd, path.Location);
            return Fact<VirtualHardDiskFormat>.Unknown;
        }

        private void ReadBootOrder(VirtualMachine vm)
        {
            _c.ReadRequired();
            if (_c.Token == JsonToken.Null) return;
            if (_c.Token != JsonToken.StartArray)
            {
                WrongType("an array of boot devices");
                return;
            }

            vm.BootOrder.MarkKnown(_c.Start);
            while (true)
            {
                _c.ReadRequired();
                if (_c.Token == JsonToken.EndArray) return;
                SourceLocation at = _c.Start;
                BootDevice? device = _c.Token == JsonToken.String ? EnumNames.BootDevice((string)_c.Value!)
                    : _c.Value is long n ? EnumNames.BootDeviceNumber(n) : null;
                if (device.HasValue)
                {
                    vm.BootOrder.Add(new BootEntry(device.Value, at));
                }
                else
                {
                    ValueProblem(at, "expected a boot device (Floppy, CD, IDE, LegacyNetworkAdapter, NetworkAdapter, HardDiskDrive, DvdDrive, File), found " + _c.Describe());
                    if (_c.Token == JsonToken.StartObject || _c.Token == JsonToken.StartArray) _c.Skip();
                    // One unreadable entry makes the order unknown: a rule must not act on a partial order.
                    vm.BootOrder.Clear();
                    SkipRestOfArray();
                    return;
                }
            }
        }

        private void SkipRestOfArray()
        {
            while (true)
            {
                _c.ReadRequired();
                if (_c.Token == JsonToken.EndArray) return;
                _c.Skip();
            }
        }

        private void ReadIntegrationServices(IntegrationServices ics)
        {
            _c.ReadRequired();
            if (_c.Token == JsonToken.Null) return;
            if (!ExpectObject()) return;
            ReadObject(name =>
            {
                switch (_c.Lower(name))
                {
                    case "installed": ics.Installed = ReadBool(); return true;
                    case "version": ics.Version = ReadString(); return true;
                    case "state": ics.State = ReadString(); return true;
                    case "services":
                        _c.ReadRequired();
                        if (_c.Token == JsonToken.StartObject)
                        {
                            // { "Heartbeat": true, "VSS": false }
                            while (true)
                            {
                                _c.ReadRequired();
                                if (_c.Token == JsonToken.EndObject) break;
                                string service = (string)_c.Value!;
                                SourceLocation at = _c.Start;
                                Fact<bool> enabled = ReadBool();
                                ics.Services.Add(new IntegrationService(Rules.Guest.IntegrationServiceNames.Canonical(service), enabled, enabled.IsKnown ? enabled.Location : at));
                            }
                        }
                        else if (_c.Token != JsonToken.Null)
                        {
                            WrongType("an object of service names and true/false");
                        }

                        return true;
                    default: return false;
                }
            });
        }
    }
}
