using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using HvLint.Model;
using HvLint.Profiles;
using HvLint.Rules;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HvLint.Readers.PowerShell
{
    /// <summary>
    /// Reads what the Hyper-V cmdlets write through ConvertTo-Json (hyperv-facts.md §6a), from any number of
    /// files in any mix, and joins them into one inventory: VMs on VMId (then VMName + ComputerName), hosts on
    /// ComputerName. Files are collected first and joined in <see cref="Complete"/>, because a VM's boot order,
    /// adapters and processors may each come from a different file. Windows PowerShell 5.1 writes enums as
    /// integers and PowerShell 7 may write names; both are read. Values ConvertTo-Json cut off at its depth
    /// limit are unknown and reported once per file as HV9002.
    /// </summary>
    public sealed class PowerShellExportReader
    {
        private readonly List<Item> _items = new List<Item>();

        // The files Export-Clixml wrote, for the words of what is said about them.
        private readonly HashSet<string> _cliXmlFiles = new HashSet<string>(StringComparer.Ordinal);

        // The files Export-Csv wrote, whose values are all text and whose nested objects are only ever type names.
        private readonly HashSet<string> _csvFiles = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _truncatedFiles = new HashSet<string>(StringComparer.Ordinal);

        // Files are read before the profile is chosen (their contents are evidence for it), so problems wait
        // here until Complete hands everything to the consumer.
        private readonly List<KeyValuePair<SourceLocation, string>> _problems = new List<KeyValuePair<SourceLocation, string>>();
        private IInventoryConsumer _consumer = NoConsumer.Instance;

        private sealed class NoConsumer : IInventoryConsumer
        {
            public static readonly NoConsumer Instance = new NoConsumer();

            public void OnHost(Host host)
            {
            }

            public void OnVirtualMachine(VirtualMachine vm)
            {
            }

            public void OnProblem(RuleDescriptor descriptor, SourceLocation location, string message)
            {
            }
        }

        public bool HasInput => _items.Count > 0 || _problems.Count > 0;

        private sealed class Item
        {
            public Item(PowerShellObjectKind kind, JObject obj, string path)
            {
                Kind = kind;
                Object = obj;
                Path = path;
            }

            public PowerShellObjectKind Kind { get; }

            public JObject Object { get; }

            public string Path { get; }
        }

        /// <summary>Collects the objects of one file; nothing is emitted before <see cref="Complete"/>.</summary>
        public void Read(string path, TextReader text)
        {
            JToken? root = JsonTokens.Load(path, text, Problem);
            if (root != null) Read(path, root);
        }

        /// <summary>The same cmdlets' objects written by Export-Clixml, read as their JSON is (see <see cref="CliXml"/>).</summary>
        public void ReadCliXml(string path, TextReader text)
        {
            _cliXmlFiles.Add(path);
            JToken? root = CliXml.Load(path, text, Problem);
            if (root != null) Read(path, root);
        }

        /// <summary>The same cmdlets' objects written by Export-Csv, read as their JSON is (see <see cref="PowerShellCsv"/>).</summary>
        public void ReadCsv(string path, TextReader text)
        {
            _csvFiles.Add(path);
            JToken? root = PowerShellCsv.Load(path, text, Problem);
            if (root != null) Read(path, root);
        }

        private void Read(string path, JToken root)
        {
            // One object, an array of objects, or (several cmdlets piped into one file) arrays of arrays.
            var pending = new Stack<JToken>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                JToken t = pending.Pop();
                if (t is JArray array)
                {
                    for (int i = array.Count - 1; i >= 0; i--) pending.Push(array[i]);
                }
                else if (t is JObject obj)
                {
                    var names = new HashSet<string>(StringComparer.Ordinal);
                    foreach (JProperty p in obj.Properties()) names.Add(p.Name);
                    PowerShellObjectKind kind = obj.Annotation<WrittenBy>()?.Kind ?? PowerShellObjectClassifier.Classify(names);
                    if (kind == PowerShellObjectKind.Unknown)
                    {
                        Problem(JsonTokens.Start(path, obj), "an object no Hyper-V cmdlet HvLint reads writes (properties: " + Preview(names) + ")");
                        continue;
                    }

                    _items.Add(new Item(kind, obj, path));
                }
                else if (t.Type != JTokenType.Null)
                {
                    Problem(JsonTokens.Start(path, t), "expected the objects a Hyper-V cmdlet writes, found " + t.Type.ToString().ToLowerInvariant());
                }
            }
        }

        /// <summary>What the inputs say about the Hyper-V release: configuration versions, Generation 2, Secure Boot templates, host OS.</summary>
        public void AddEvidence(ProfileSelector selector)
        {
            foreach (Item item in _items)
            {
                switch (item.Kind)
                {
                    case PowerShellObjectKind.VirtualMachine:
                        JToken? version = item.Object["Version"];
                        if (version != null && version.Type == JTokenType.String && ProfileCatalog.OldestVersionForConfigurationVersion((string)version!) is HyperVVersion v)
                        {
                            selector.AddEvidence(new ProfileEvidence(v, "configuration version " + (string)version!, JsonTokens.Start(item.Path, version)));
                        }

                        JToken? generation = item.Object["Generation"];
                        if (WholeNumber(item.Path, generation, out long g) && g == 2)
                        {
                            selector.AddEvidence(new ProfileEvidence(HyperVVersion.V2012R2, "a Generation 2 VM", JsonTokens.Start(item.Path, generation!)));
                        }

                        break;
                    case PowerShellObjectKind.Firmware:
                        JToken? template = item.Object["SecureBootTemplate"] is JToken named && named.Type == JTokenType.String ? named : item.Object["SecureBootTemplateId"];
                        if (template != null && template.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string?)template))
                        {
                            selector.AddEvidence(ProfileEvidence.SecureBootTemplate(JsonTokens.Start(item.Path, template)));
                        }

                        break;
                    case PowerShellObjectKind.OperatingSystem:
                        JToken? caption = item.Object["Caption"];
                        if (caption != null && caption.Type == JTokenType.String && ProfileCatalog.VersionOfHostOperatingSystem((string)caption!) is HyperVVersion h)
                        {
                            selector.AddEvidence(new ProfileEvidence(h, "a host runs " + (string)caption!, JsonTokens.Start(item.Path, caption)));
                        }

                        break;
                }
            }
        }

        private void Problem(SourceLocation at, string message) => _problems.Add(new KeyValuePair<SourceLocation, string>(at, message));

        /// <summary>Joins everything read into hosts and VMs and hands them, and the problems found, to the consumer.</summary>
        public void Complete(IInventoryConsumer consumer)
        {
            _consumer = consumer;
            foreach (var p in _problems) consumer.OnProblem(ToolDiagnostics.InputUnreadable, p.Key, p.Value);

            var vms = new List<VmRecord>();
            var byId = new Dictionary<string, VmRecord>(StringComparer.OrdinalIgnoreCase);
            var byName = new Dictionary<string, VmRecord>(StringComparer.OrdinalIgnoreCase);
            var hosts = new SortedDictionary<string, HostRecord>(StringComparer.OrdinalIgnoreCase);

            HostRecord HostOf(string computer)
            {
                if (!hosts.TryGetValue(computer, out HostRecord? h)) hosts[computer] = h = new HostRecord(computer);
                return h;
            }

            var fromCsv = new List<(VmRecord Record, string File)>();

            // Get-VM first: the VMs the other objects attach to.
            foreach (Item item in _items)
            {
                if (item.Kind != PowerShellObjectKind.VirtualMachine) continue;
                var record = new VmRecord(ReadVirtualMachine(item), Computer(item.Object));
                vms.Add(record);
                if (_csvFiles.Contains(item.Path)) fromCsv.Add((record, item.Path));
                string? id = Id(item.Object);
                if (id != null) byId[id] = record;
                if (record.Vm.Name.IsKnown) byName[record.Computer + "\n" + record.Vm.Name.Value] = record;
            }

            VmRecord VmOf(Item item)
            {
                string? id = Text(item.Object["VMId"]);
                if (id != null && byId.TryGetValue(id, out VmRecord? r)) return r;
                string computer = Computer(item.Object);
                JToken? vmName = item.Object["VMName"];
                string name = Text(vmName) ?? string.Empty;
                if (vmName != null && vmName.Type != JTokenType.Null && Text(vmName) == null) WrongType(item, "VMName", vmName, "a string");
                if (byName.TryGetValue(computer + "\n" + name, out r)) return r;

                // A component whose VM has no Get-VM object in the inputs: a VM known only by what this tells.
                var vm = new VirtualMachine { Location = JsonTokens.Start(item.Path, item.Object) };
                if (name.Length > 0) vm.Name = Fact.Known(name, JsonTokens.Start(item.Path, item.Object["VMName"]!));
                r = new VmRecord(vm, computer);
                vms.Add(r);
                if (id != null) byId[id] = r;
                byName[computer + "\n" + name] = r;
                return r;
            }

            foreach (Item item in _items)
            {
                JObject o = item.Object;
                switch (item.Kind)
                {
                    case PowerShellObjectKind.NetworkAdapter:
                        // Host vNICs (Get-VMNetworkAdapter -ManagementOS) belong to the management OS, not a VM.
                        if (Bool(item, "IsManagementOs").IsTrue()) break;
                        VmOf(item).Adapters.Add(ReadAdapter(item.Path, o));
                        break;
                    case PowerShellObjectKind.Bios:
                        ReadStartupOrder(item, VmOf(item).Vm);
                        break;
                    case PowerShellObjectKind.Firmware:
                        ReadFirmware(item, VmOf(item).Vm);
                        break;
                    case PowerShellObjectKind.HardDiskDrive:
                        VmOf(item).Drives.Add(ReadDrive(item.Path, o, DriveKind.VirtualHardDisk));
                        break;
                    case PowerShellObjectKind.DvdDrive:
                        VmOf(item).Drives.Add(ReadDrive(item.Path, o, DriveKind.DvdDrive));
                        break;
                    case PowerShellObjectKind.Processor:
                    {
                        VirtualMachine vm = VmOf(item).Vm;
                        Fact<long> count = Long(item, "Count");
                        if (count.IsKnown) vm.ProcessorCount = count;
                        Fact<bool> nested = Bool(item, "ExposeVirtualizationExtensions");
                        if (nested.IsKnown) vm.ExposeVirtualizationExtensions = nested;
                        break;
                    }

                    case PowerShellObjectKind.Memory:
                    {
                        VirtualMachine vm = VmOf(item).Vm;
                        SetIfKnown(Long(item, "Startup"), v => vm.MemoryStartupBytes = v);
                        SetIfKnown(Long(item, "Minimum"), v => vm.MemoryMinimumBytes = v);
                        SetIfKnown(Long(item, "Maximum"), v => vm.MemoryMaximumBytes = v);
                        SetIfKnown(Bool(item, "DynamicMemoryEnabled"), v => vm.DynamicMemoryEnabled = v);
                        break;
                    }

                    case PowerShellObjectKind.IntegrationService:
                    {
                        Fact<string> name = Str(item, "Name");
                        Fact<bool> enabled = Bool(item, "Enabled");
                        if (name.IsKnown) VmOf(item).Vm.IntegrationServices.Services.Add(new IntegrationService(Rules.Guest.IntegrationServiceNames.Canonical(name.Value), enabled, enabled.IsKnown ? enabled.Location : name.Location));
                        break;
                    }

                    case PowerShellObjectKind.Snapshot:
                    {
                        VmRecord r = VmOf(item);
                        if (r.Snapshots++ == 0) r.FirstSnapshot = JsonTokens.Start(item.Path, o);
                        break;
                    }
                    case PowerShellObjectKind.GuestIntrinsicItems:
                        ReadGuestItems(item, VmOf(item).Vm);
                        break;
                    case PowerShellObjectKind.VMHost:
                    {
                        string computer = Text(o["ComputerName"]) ?? Text(o["Name"]) ?? string.Empty;
                        HostRecord h = HostOf(computer);
                        h.Host.Location = JsonTokens.Start(item.Path, o);
                        SetIfKnown(Str(item, "Name"), v => h.Host.Name = v);
                        SetIfKnown(Int(item, "LogicalProcessorCount"), v => h.Host.LogicalProcessorCount = v);
                        SetIfKnown(Long(item, "MemoryCapacity"), v => h.Host.MemoryCapacityBytes = v);
                        SetIfKnown(Str(item, "MacAddressMinimum"), v => h.Host.MacAddressMinimum = v);
                        SetIfKnown(Str(item, "MacAddressMaximum"), v => h.Host.MacAddressMaximum = v);
                        break;
                    }

                    case PowerShellObjectKind.OperatingSystem:
                    {
                        HostRecord h = HostOf(Text(o["CSName"]) ?? Computer(o));
                        SetIfKnown(Str(item, "Caption"), v => h.Host.OperatingSystem = v);
                        SetIfKnown(Str(item, "SystemDrive"), v => h.Host.SystemDrive = v);
                        JToken? arch = o["OSArchitecture"];
                        if (arch != null && arch.Type == JTokenType.String) h.Host.X64 = Fact.Known(((string)arch!).IndexOf("64", StringComparison.Ordinal) >= 0, JsonTokens.Start(item.Path, arch));
                        break;
                    }

                    case PowerShellObjectKind.VirtualSwitch:
                        HostOf(Computer(o)).Switches.Add(ReadSwitch(item));
                        break;
                    case PowerShellObjectKind.VirtualHardDisk:
                    {
                        // Get-VHD: the disk file's type, format and size, for the drives of the same host that attach its path.
                        if (Text(o["Path"]) is string vhdPath && vhdPath.Length > 0)
                        {
                            Fact<VirtualHardDiskType> type = Enum(item, "VhdType", EnumNames.VhdType, EnumNames.VhdTypeNumber);
                            // VhdFormat may also be a VHD Set (4, "VHDSet"), which is neither format: then it says nothing.
                            JToken? f = o["VhdFormat"];
                            VirtualHardDiskFormat? stated = JsonTokens.IsWholeNumber(f, out long fn) ? EnumNames.DiskFormatNumber(fn) : f?.Type == JTokenType.String ? EnumNames.DiskFormat((string)f!) : null;
                            Fact<VirtualHardDiskFormat> format = stated.HasValue ? Fact.Known(stated.Value, JsonTokens.Start(item.Path, f!)) : Fact<VirtualHardDiskFormat>.Unknown;
                            HostOf(Computer(o)).Disks[vhdPath.Trim()] = (type, format, Long(item, "Size"));
                        }

                        break;
                    }
                    case PowerShellObjectKind.NetAdapter:
                        HostOf(Computer(o)).Nics.Add(ReadNetAdapter(item));
                        break;
                }
            }

            foreach (VmRecord r in vms) r.Finish();
            ReportCsvGaps(fromCsv);
            foreach (VmRecord r in vms)
            {
                if (r.Computer.Length == 0) continue;
                HostRecord h = HostOf(r.Computer);
                h.Vms.Add(r.Vm);
                foreach (Drive d in r.Vm.Drives.Items)
                {
                    if (h.Disks.Count == 0 || !d.Path.IsKnown || d.Path.Value == null || !h.Disks.TryGetValue(d.Path.Value.Trim(), out var disk)) continue;
                    d.VhdType = disk.Type;
                    if (disk.Format.IsKnown) d.Format = disk.Format;
                    if (!d.SizeBytes.IsKnown) d.SizeBytes = disk.Size;
                }
            }

            foreach (HostRecord h in hosts.Values) _consumer.OnHost(h.Finish());
            foreach (VmRecord r in vms)
            {
                if (r.Computer.Length == 0) _consumer.OnVirtualMachine(r.Vm);
            }

            foreach (string file in _truncatedFiles)
            {
                // Export-Clixml has a depth limit too (2 by default), past which it writes an object's ToString.
                string writer = _cliXmlFiles.Contains(file) ? "Export-Clixml" : "ConvertTo-Json";
                _consumer.OnProblem(ToolDiagnostics.ExportTruncatedOrAmbiguous, new SourceLocation(file, 1, 1),
                    writer + " stopped at its depth limit and wrote type names instead of nested objects (network adapters, drives, VLAN settings, integration services); those values are unknown. Re-export with " + writer + " -Depth 5, or export the component cmdlets (Get-VMNetworkAdapter, Get-VMHardDiskDrive, ...) separately");
            }
        }

        /// <summary>
        /// Export-Csv writes a VM's network adapters and drives as type names: they are known only where the component
        /// cmdlets' objects are among the inputs too. Once per file, the VMs of Get-VM's CSV left without them, so
        /// that silence on the rules that need them is not taken for a pass.
        /// </summary>
        private void ReportCsvGaps(List<(VmRecord Record, string File)> fromCsv)
        {
            var byFile = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (record, file) in fromCsv)
            {
                VirtualMachine vm = record.Vm;
                if (vm.NetworkAdapters.IsKnown && vm.Drives.IsKnown) continue;
                if (!byFile.TryGetValue(file, out var names)) byFile[file] = names = new List<string>();
                names.Add(vm.DisplayName);
            }

            foreach (var file in byFile)
            {
                string some = string.Join(", ", file.Value.GetRange(0, Math.Min(3, file.Value.Count))) + (file.Value.Count > 3 ? ", ..." : string.Empty);
                _consumer.OnProblem(ToolDiagnostics.ExportTruncatedOrAmbiguous, new SourceLocation(file.Key, 1, 1),
                    "A CSV file holds no nested objects: the network adapters or drives of " + file.Value.Count.ToString(CultureInfo.InvariantCulture)
                    + (file.Value.Count == 1 ? " VM" : " VMs") + " here are unknown (" + some + "). Export Get-VMNetworkAdapter -VMName *, Get-VMHardDiskDrive -VMName * and Get-VMDvdDrive -VMName * with Export-Csv too, or the VMs with ConvertTo-Json -Depth 5");
            }
        }

        private sealed class VmRecord
        {
            public VmRecord(VirtualMachine vm, string computer)
            {
                Vm = vm;
                Computer = computer;
            }

            public VirtualMachine Vm { get; }

            public string Computer { get; }

            /// <summary>Adapters from Get-VMNetworkAdapter, which win over Get-VM's nested list.</summary>
            public List<NetworkAdapter> Adapters { get; } = new List<NetworkAdapter>();

            public List<Drive> Drives { get; } = new List<Drive>();

            public int Snapshots { get; set; }

            public SourceLocation FirstSnapshot { get; set; }

            public void Finish()
            {
                if (Adapters.Count > 0)
                {
                    Vm.NetworkAdapters.Clear();
                    Vm.NetworkAdapters.MarkKnown(Adapters[0].Location);
                    foreach (NetworkAdapter a in Adapters) Vm.NetworkAdapters.Add(a);
                }

                if (Drives.Count > 0)
                {
                    Vm.Drives.Clear();
                    Vm.Drives.MarkKnown(Drives[0].Location);
                    foreach (Drive d in Drives) Vm.Drives.Add(d);
                }

                // Get-VMSnapshot lists each checkpoint; more objects than Get-VM implied means they are the count.
                if (Snapshots > 0 && (!Vm.CheckpointCount.IsKnown || Vm.CheckpointCount.Value < Snapshots)) Vm.CheckpointCount = Fact.Known(Snapshots, FirstSnapshot);
            }
        }

        private sealed class HostRecord
        {
            public HostRecord(string computer)
            {
                Host = new Host();
                if (computer.Length > 0) Host.Name = Fact.Known(computer, default);
            }

            public Host Host { get; }

            public List<VirtualSwitch> Switches { get; } = new List<VirtualSwitch>();

            public List<PhysicalNetworkAdapter> Nics { get; } = new List<PhysicalNetworkAdapter>();

            public List<VirtualMachine> Vms { get; } = new List<VirtualMachine>();

            /// <summary>Get-VHD's disks by path (Windows paths are not case-sensitive).</summary>
            public Dictionary<string, (Fact<VirtualHardDiskType> Type, Fact<VirtualHardDiskFormat> Format, Fact<long> Size)> Disks { get; } =
                new Dictionary<string, (Fact<VirtualHardDiskType>, Fact<VirtualHardDiskFormat>, Fact<long>)>(StringComparer.OrdinalIgnoreCase);

            public Host Finish()
            {
                // A list is known only when its cmdlet's output is among the inputs; an absent export is unknown.
                if (Switches.Count > 0)
                {
                    Host.VirtualSwitches.MarkKnown(Switches[0].Location);
                    foreach (VirtualSwitch s in Switches) Host.VirtualSwitches.Add(s);
                }

                if (Nics.Count > 0)
                {
                    Host.PhysicalNetworkAdapters.MarkKnown(Nics[0].Location);
                    foreach (PhysicalNetworkAdapter n in Nics) Host.PhysicalNetworkAdapters.Add(n);
                }

                if (Vms.Count > 0) Host.VirtualMachines.MarkKnown(Vms[0].Location);
                foreach (VirtualMachine vm in Vms) Host.VirtualMachines.Add(vm);
                if (!Host.Location.HasPosition && Vms.Count > 0) Host.Location = Vms[0].Location;
                return Host;
            }
        }

        // ----- objects -----

        private VirtualMachine ReadVirtualMachine(Item item)
        {
            JObject o = item.Object;
            var vm = new VirtualMachine { Location = JsonTokens.Start(item.Path, o) };
            SetIfKnown(Str(item, "Name"), v => vm.Name = v);
            string? id = Id(o);
            if (id != null) vm.Id = Fact.Known(id, JsonTokens.Start(item.Path, o["VMId"] ?? o["Id"]!));
            SetIfKnown(Int(item, "Generation"), v => vm.Generation = v);
            SetIfKnown(Str(item, "Version"), v => vm.ConfigurationVersion = v);
            vm.State = Enum(item, "State", EnumNames.State, EnumNames.StateNumber);
            vm.CheckpointType = Enum(item, "CheckpointType", EnumNames.CheckpointType, EnumNames.CheckpointTypeNumber);
            SetIfKnown(Long(item, "ProcessorCount"), v => vm.ProcessorCount = v);
            SetIfKnown(Long(item, "MemoryStartup"), v => vm.MemoryStartupBytes = v);
            SetIfKnown(Long(item, "MemoryMinimum"), v => vm.MemoryMinimumBytes = v);
            SetIfKnown(Long(item, "MemoryMaximum"), v => vm.MemoryMaximumBytes = v);
            SetIfKnown(Bool(item, "DynamicMemoryEnabled"), v => vm.DynamicMemoryEnabled = v);
            SetIfKnown(Bool(item, "IsClustered"), v => vm.IsClustered = v);
            SetIfKnown(Str(item, "Notes"), v => vm.Notes = v);
            SetIfKnown(Str(item, "SmartPagingFilePath"), v => vm.SmartPagingFilePath = v);

            // IntegrationServicesVersion: a System.Version object, its string form, or null when none are installed.
            JToken? icv = o["IntegrationServicesVersion"];
            if (icv is JObject version)
            {
                vm.IntegrationServices.Version = Fact.Known(VersionText(version), JsonTokens.Start(item.Path, icv));
                vm.IntegrationServices.Installed = Fact.Known(true, JsonTokens.Start(item.Path, icv));
            }
            else if (icv != null && icv.Type == JTokenType.String && !PowerShellObjectClassifier.IsTypeName((string)icv!))
            {
                vm.IntegrationServices.Version = Fact.Known((string)icv!, JsonTokens.Start(item.Path, icv));
            }

            SetIfKnown(Str(item, "IntegrationServicesState"), v => vm.IntegrationServices.State = v);

            // ParentSnapshotId is null exactly when the VM has no checkpoint.
            if (o.TryGetValue("ParentSnapshotId", StringComparison.Ordinal, out JToken? parent))
            {
                bool none = parent.Type == JTokenType.Null || (parent.Type == JTokenType.String && ((string)parent!).Length == 0);
                if (none) vm.CheckpointCount = Fact.Known(0, JsonTokens.Start(item.Path, parent));
                else if (parent.Type == JTokenType.String) vm.CheckpointCount = Fact.Known(1, JsonTokens.Start(item.Path, parent));
            }

            // ComPort1 and ComPort2: VMComPort objects whose Path is the named pipe, empty when not connected. A port
            // ConvertTo-Json wrote as its type name (out of depth) says nothing.
            for (int number = 1; number <= 2; number++)
            {
                if (!(o["ComPort" + number.ToString(CultureInfo.InvariantCulture)] is JObject port)) continue;
                JToken? path = port["Path"];
                if (path == null) continue;
                if (path.Type == JTokenType.Null || path.Type == JTokenType.String) vm.ComPort(number).Path = Fact.Known<string?>(path.Type == JTokenType.Null ? null : (string)path!, JsonTokens.Start(item.Path, path));
            }

            // FloppyDrive: the VMFloppyDiskDrive of a Generation 1 VM, whose Path is the .vfd it holds (null for none);
            // null on Generation 2, which has no floppy drive. An empty drive says nothing a rule needs.
            if (o["FloppyDrive"] is JObject floppy && floppy["Path"] is JToken floppyPath && floppyPath.Type == JTokenType.String && ((string)floppyPath!).Length > 0)
            {
                vm.FloppyDisk = Fact.Known<string?>((string)floppyPath!, JsonTokens.Start(item.Path, floppyPath));
            }

            ReadNestedList(item, "NetworkAdapters", vm.NetworkAdapters, (p, a) => ReadAdapter(p, a));
            var drives = new FactList<Drive>();
            ReadNestedList(item, "HardDrives", drives, (p, d) => ReadDrive(p, d, DriveKind.VirtualHardDisk));
            var dvds = new FactList<Drive>();
            ReadNestedList(item, "DVDDrives", dvds, (p, d) => ReadDrive(p, d, DriveKind.DvdDrive));
            if (drives.IsKnown && dvds.IsKnown)
            {
                vm.Drives.MarkKnown(drives.Location);
                foreach (Drive d in drives.Items) vm.Drives.Add(d);
                foreach (Drive d in dvds.Items) vm.Drives.Add(d);
            }

            return vm;
        }

        /// <summary>A nested array of objects; strings in it mean ConvertTo-Json ran out of depth.</summary>
        private void ReadNestedList<T>(Item item, string name, FactList<T> list, Func<string, JObject, T> read)
        {
            JToken? value = item.Object[name];
            if (value == null || value.Type == JTokenType.Null) return;
            if (value is JArray array)
            {
                var read_ = new List<T>();
                foreach (JToken element in array)
                {
                    if (element is JObject obj)
                    {
                        read_.Add(read(item.Path, obj));
                    }
                    else
                    {
                        Truncated(item.Path);
                        return;
                    }
                }

                list.MarkKnown(JsonTokens.Start(item.Path, value));
                foreach (T t in read_) list.Add(t);
            }
            else if (value is JObject single)
            {
                // ConvertTo-Json writes a one-element collection as that element in some versions.
                list.MarkKnown(JsonTokens.Start(item.Path, value));
                list.Add(read(item.Path, single));
            }
            else if (value.Type == JTokenType.String)
            {
                Truncated(item.Path);
            }
        }

        private NetworkAdapter ReadAdapter(string path, JObject o)
        {
            var item = new Item(PowerShellObjectKind.NetworkAdapter, o, path);
            var a = new NetworkAdapter { Location = JsonTokens.Start(path, o) };
            SetIfKnown(Str(item, "Name"), v => a.Name = v);
            SetIfKnown(Bool(item, "IsLegacy"), v => a.IsLegacy = v);
            JToken? sw = o["SwitchName"];
            if (sw != null)
            {
                a.SwitchName = sw.Type == JTokenType.Null ? Fact.Known<string?>(null, JsonTokens.Start(path, sw))
                    : sw.Type == JTokenType.String ? Fact.Known<string?>((string)sw!, JsonTokens.Start(path, sw)) : default;
            }

            SetIfKnown(Str(item, "MacAddress"), v => a.MacAddress = v);
            Fact<bool> dynamic = Bool(item, "DynamicMacAddressEnabled");
            if (dynamic.IsKnown) a.StaticMacAddress = Fact.Known(!dynamic.Value, dynamic.Location);
            a.MacAddressSpoofing = OnOff(item, "MacAddressSpoofing");

            JToken? vlan = o["VlanSetting"];
            if (vlan is JObject v)
            {
                var vi = new Item(PowerShellObjectKind.Unknown, v, path);
                a.VlanMode = Enum(vi, "OperationMode", EnumNames.VlanMode, n => n >= 0 && n <= 3 ? (VlanMode?)(VlanMode)n : null);
                SetIfKnown(Int(vi, "AccessVlanId"), x => a.AccessVlanId = x);
                SetIfKnown(Int(vi, "NativeVlanId"), x => a.NativeVlanId = x);
                SetIfKnown(Str(vi, "AllowedVlanIdListString"), x => a.AllowedVlanIdList = x);
            }
            else if (vlan != null && vlan.Type == JTokenType.String)
            {
                Truncated(path);
            }

            return a;
        }

        private Drive ReadDrive(string path, JObject o, DriveKind kind)
        {
            var item = new Item(PowerShellObjectKind.HardDiskDrive, o, path);
            var d = new Drive { Location = JsonTokens.Start(path, o) };
            d.ControllerType = Enum(item, "ControllerType", EnumNames.ControllerType, n => n >= 0 && n <= 2 ? (ControllerType?)(ControllerType)n : null);
            SetIfKnown(Int(item, "ControllerNumber"), v => d.ControllerNumber = v);
            SetIfKnown(Int(item, "ControllerLocation"), v => d.ControllerLocation = v);
            JToken? p = o["Path"];
            if (p != null) d.Path = p.Type == JTokenType.String ? Fact.Known<string?>((string)p!, JsonTokens.Start(path, p)) : p.Type == JTokenType.Null ? Fact.Known<string?>(null, JsonTokens.Start(path, p)) : default;
            d.Kind = Fact.Known(kind, d.Location);
            if (kind == DriveKind.VirtualHardDisk)
            {
                // DiskNumber non-null means a physical disk passed through (Get-VMHardDiskDrive).
                JToken? number = o["DiskNumber"];
                if (WholeNumber(path, number, out long disk) && disk >= 0 && disk <= int.MaxValue)
                {
                    d.DiskNumber = Fact.Known((int)disk, JsonTokens.Start(path, number!));
                    d.Kind = Fact.Known(DriveKind.PassThroughDisk, JsonTokens.Start(path, number!));
                }

                d.Format = NativeInventoryReader.FormatFromPath(d.Path);
            }

            return d;
        }

        private void ReadStartupOrder(Item item, VirtualMachine vm)
        {
            JToken? order = item.Object["StartupOrder"];
            if (!(order is JArray array)) return;
            var entries = new List<BootEntry>();
            foreach (JToken e in array)
            {
                BootDevice? device = JsonTokens.IsWholeNumber(e, out long n) ? EnumNames.BootDeviceNumber(n) : e.Type == JTokenType.String ? EnumNames.BootDevice((string)e!) : null;
                if (device == null)
                {
                    _consumer.OnProblem(ToolDiagnostics.InputUnreadable, JsonTokens.Start(item.Path, e), "'StartupOrder': expected a boot device (Floppy, CD, IDE, LegacyNetworkAdapter), found " + e.ToString(Formatting.None));
                    return;
                }

                entries.Add(new BootEntry(device.Value, JsonTokens.Start(item.Path, e)));
            }

            vm.BootOrder.Clear();
            vm.BootOrder.MarkKnown(JsonTokens.Start(item.Path, order));
            foreach (BootEntry b in entries) vm.BootOrder.Add(b);
            if (!vm.Generation.IsKnown) vm.Generation = Fact.Known(1, JsonTokens.Start(item.Path, order)); // Get-VMBios exists only for Generation 1
        }

        /// <summary>Get-VMFirmware (Generation 2 only): Secure Boot and its template.</summary>
        private void ReadFirmware(Item item, VirtualMachine vm)
        {
            Fact<bool> secureBoot = OnOff(item, "SecureBoot");
            if (secureBoot.IsKnown) vm.SecureBootEnabled = secureBoot;
            Fact<string> template = Str(item, "SecureBootTemplate");
            if (template.IsKnown) vm.SecureBootTemplate = template;
            // An export that carries the template only by its ID names it where HvLint knows the ID.
            else if (item.Object["SecureBootTemplateId"] is JToken id && SecureBootTemplates.NameOfId(Text(id)) is string named) vm.SecureBootTemplate = Fact.Known(named, JsonTokens.Start(item.Path, id));
            if (!vm.Generation.IsKnown) vm.Generation = Fact.Known(2, JsonTokens.Start(item.Path, item.Object)); // as Get-VMBios for Generation 1
        }

        private static void ReadGuestItems(Item item, VirtualMachine vm)
        {
            if (!(item.Object["GuestIntrinsicExchangeItems"] is JObject items)) return;
            JToken? name = items["OSName"];
            if (name == null || name.Type != JTokenType.String) return;
            ProcessorArchitecture? arch = null;
            // KVP ProcessorArchitecture uses the PROCESSOR_ARCHITECTURE numbers: 0 x86, 9 x64, 12 ARM64.
            switch (Text(items["ProcessorArchitecture"]))
            {
                case "0": arch = ProcessorArchitecture.X86; break;
                case "9": arch = ProcessorArchitecture.X64; break;
                case "12": arch = ProcessorArchitecture.Arm64; break;
            }

            int? sp = null;
            if (int.TryParse(Text(items["ServicePackMajor"]), NumberStyles.None, CultureInfo.InvariantCulture, out int major)) sp = major;
            vm.GuestOperatingSystem = Fact.Known(GuestOperatingSystem.Parse((string)name!, arch, sp), JsonTokens.Start(item.Path, name));
            if (items["IntegrationServicesVersion"] is JValue icv && icv.Type == JTokenType.String && !vm.IntegrationServices.Version.IsKnown)
            {
                vm.IntegrationServices.Version = Fact.Known((string)icv!, JsonTokens.Start(item.Path, icv));
            }
        }

        private VirtualSwitch ReadSwitch(Item item)
        {
            JObject o = item.Object;
            var s = new VirtualSwitch { Location = JsonTokens.Start(item.Path, o) };
            SetIfKnown(Str(item, "Name"), v => s.Name = v);
            s.SwitchType = Enum(item, "SwitchType", EnumNames.SwitchType, n => n >= 0 && n <= 2 ? (VirtualSwitchType?)(VirtualSwitchType)n : null);
            SetIfKnown(Bool(item, "AllowManagementOS"), v => s.AllowManagementOS = v);
            // Uplinks are named by interface description (one, or several for Switch Embedded Teaming).
            if (o["NetAdapterInterfaceDescriptions"] is JArray many)
            {
                foreach (JToken t in many)
                {
                    if (t.Type == JTokenType.String) s.NetAdapterNames.Add((string)t!);
                }
            }
            else if (o["NetAdapterInterfaceDescription"] is JValue one && one.Type == JTokenType.String)
            {
                s.NetAdapterNames.Add((string)one!);
            }

            return s;
        }

        private PhysicalNetworkAdapter ReadNetAdapter(Item item)
        {
            JObject o = item.Object;
            var n = new PhysicalNetworkAdapter { Location = JsonTokens.Start(item.Path, o) };
            SetIfKnown(Str(item, "Name"), v => n.Name = v);
            SetIfKnown(Str(item, "InterfaceDescription"), v => n.InterfaceDescription = v);
            JToken? speed = o["Speed"] ?? o["ReceiveLinkSpeed"];
            if (WholeNumber(item.Path, speed, out long bitsPerSecond)) n.LinkSpeedBitsPerSecond = Fact.Known(bitsPerSecond, JsonTokens.Start(item.Path, speed!));
            else if (o["LinkSpeed"] is JValue text && text.Type == JTokenType.String && Units.TryParseLinkSpeed((string)text!, out long bps)) n.LinkSpeedBitsPerSecond = Fact.Known(bps, JsonTokens.Start(item.Path, text));
            return n;
        }

        // ----- values -----

        private static string Computer(JObject o) => Text(o["ComputerName"]) ?? Text(o["PSComputerName"]) ?? Text(o["SystemName"]) ?? string.Empty;

        /// <summary>A string or integer value as text; null for null, an object, an array or anything else (a cast would throw).</summary>
        private static string? Text(JToken? t) =>
            t is JValue v && (v.Type == JTokenType.String || v.Type == JTokenType.Integer) ? Convert.ToString(v.Value, CultureInfo.InvariantCulture) : null;

        private static string? Id(JObject o)
        {
            JToken? t = o["VMId"] ?? o["Id"];
            return t != null && t.Type == JTokenType.String ? (string)t! : null;
        }

        private static string VersionText(JObject v)
        {
            var parts = new List<string>();
            foreach (string p in new[] { "Major", "Minor", "Build", "Revision" })
            {
                JToken? t = v[p];
                if (!JsonTokens.IsWholeNumber(t, out long part) || part < 0) break;
                parts.Add(part.ToString(CultureInfo.InvariantCulture));
            }

            return string.Join(".", parts);
        }

        /// <summary>
        /// A nested object written as its type name: ConvertTo-Json or Export-Clixml ran out of depth, which a re-export
        /// mends. Export-Csv writes every nested object so; what that leaves unknown is told per VM once the files are joined.
        /// </summary>
        private void Truncated(string path)
        {
            if (!_csvFiles.Contains(path)) _truncatedFiles.Add(path);
        }

        /// <summary>A whole number: a JSON integer, or in a CSV file, where every value is text, its digits.</summary>
        private bool WholeNumber(string path, JToken? t, out long n)
        {
            if (JsonTokens.IsWholeNumber(t, out n)) return true;
            return t != null && t.Type == JTokenType.String && _csvFiles.Contains(path) && long.TryParse((string)t!, NumberStyles.None, CultureInfo.InvariantCulture, out n);
        }

        private static void SetIfKnown<T>(Fact<T> fact, Action<Fact<T>> set)
        {
            if (fact.IsKnown) set(fact);
        }

        private static Fact<string> Str(Item item, string name)
        {
            JToken? t = item.Object[name];
            if (t == null || t.Type != JTokenType.String) return Fact<string>.Unknown;
            return Fact.Known((string)t!, JsonTokens.Start(item.Path, t));
        }

        private Fact<long> Long(Item item, string name)
        {
            JToken? t = item.Object[name];
            if (t == null || t.Type == JTokenType.Null) return Fact<long>.Unknown;
            if (JsonTokens.IsWholeNumber(t, out long n)) return Fact.Known(n, JsonTokens.Start(item.Path, t));
            if (t.Type == JTokenType.String && long.TryParse((string)t!, NumberStyles.None, CultureInfo.InvariantCulture, out long v)) return Fact.Known(v, JsonTokens.Start(item.Path, t));
            WrongType(item, name, t, "a whole number");
            return Fact<long>.Unknown;
        }

        /// <summary>A whole number the model keeps as an Int32; one beyond its range is an HV9001, not a value wrapped round.</summary>
        private Fact<int> Int(Item item, string name)
        {
            Fact<long> n = Long(item, name);
            if (!n.IsKnown) return Fact<int>.Unknown;
            if (n.Value >= int.MinValue && n.Value <= int.MaxValue) return Fact.Known((int)n.Value, n.Location);
            _consumer.OnProblem(ToolDiagnostics.InputUnreadable, n.Location, "'" + name + "': " + n.Value.ToString(CultureInfo.InvariantCulture) + " is out of range for a 32-bit number");
            return Fact<int>.Unknown;
        }

        private Fact<bool> Bool(Item item, string name)
        {
            JToken? t = item.Object[name];
            if (t == null || t.Type == JTokenType.Null) return Fact<bool>.Unknown;
            if (t.Type == JTokenType.Boolean) return Fact.Known((bool)t, JsonTokens.Start(item.Path, t));
            // Export-Csv writes a Boolean as its text.
            if (t.Type == JTokenType.String && _csvFiles.Contains(item.Path) && bool.TryParse(((string)t!).Trim(), out bool b)) return Fact.Known(b, JsonTokens.Start(item.Path, t));
            WrongType(item, name, t, "true or false");
            return Fact<bool>.Unknown;
        }

        /// <summary>OnOffState: On 0, Off 1 (Windows PowerShell 5.1), or "On"/"Off".</summary>
        private Fact<bool> OnOff(Item item, string name)
        {
            JToken? t = item.Object[name];
            if (t == null || t.Type == JTokenType.Null) return Fact<bool>.Unknown;
            if (JsonTokens.IsWholeNumber(t, out long n) && (n == 0 || n == 1)) return Fact.Known(n == 0, JsonTokens.Start(item.Path, t));
            if (t.Type == JTokenType.String && string.Equals((string)t!, "On", StringComparison.OrdinalIgnoreCase)) return Fact.Known(true, JsonTokens.Start(item.Path, t));
            if (t.Type == JTokenType.String && string.Equals((string)t!, "Off", StringComparison.OrdinalIgnoreCase)) return Fact.Known(false, JsonTokens.Start(item.Path, t));
            WrongType(item, name, t, "On or Off (0 or 1)");
            return Fact<bool>.Unknown;
        }

        private Fact<T> Enum<T>(Item item, string name, Func<string, T?> byName, Func<long, T?> byNumber)
            where T : struct
        {
            JToken? t = item.Object[name];
            if (t == null || t.Type == JTokenType.Null) return Fact<T>.Unknown;
            T? value = JsonTokens.IsWholeNumber(t, out long n) ? byNumber(n) : t.Type == JTokenType.String ? byName((string)t!) : null;
            if (value.HasValue) return Fact.Known(value.Value, JsonTokens.Start(item.Path, t));
            WrongType(item, name, t, "a " + typeof(T).Name + " name or number");
            return Fact<T>.Unknown;
        }

        private void WrongType(Item item, string name, JToken t, string expected) =>
            _consumer.OnProblem(ToolDiagnostics.InputUnreadable, JsonTokens.Start(item.Path, t), "'" + name + "': expected " + expected + ", found " + t.ToString(Formatting.None));

        private static string Preview(HashSet<string> names)
        {
            var list = new List<string>(names);
            list.Sort(StringComparer.Ordinal);
            return list.Count <= 6 ? string.Join(", ", list) : string.Join(", ", list.GetRange(0, 6)) + ", ...";
        }
    }
}
