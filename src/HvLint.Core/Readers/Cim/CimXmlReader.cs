using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using HvLint.Model;
using HvLint.Profiles;
using HvLint.Readers.Xml;
using HvLint.Rules;

namespace HvLint.Readers.Cim
{
    /// <summary>
    /// Reads CIM-XML text of Msvm_* instances, as ManagementBaseObject.GetText(TextFormat.CimDtd20 / WmiDtd20)
    /// writes it (DSP0201 INSTANCE, PROPERTY, PROPERTY.ARRAY, VALUE): one instance per file, several in a row, or
    /// wrapped in a parent element. Instances are grouped into VMs by the VM GUID in their InstanceID, across
    /// all files of the run, and resolved (drive to controller, disk image to drive) through their Parent paths.
    /// </summary>
    public sealed class CimXmlReader
    {
        private readonly List<Instance> _instances = new List<Instance>();
        private readonly List<KeyValuePair<SourceLocation, string>> _problems = new List<KeyValuePair<SourceLocation, string>>();

        public bool HasInput => _instances.Count > 0 || _problems.Count > 0;

        private sealed class Instance
        {
            public Instance(string className, string path, SourceLocation location)
            {
                ClassName = className;
                Path = path;
                Location = location;
            }

            public string ClassName { get; }

            public string Path { get; }

            public SourceLocation Location { get; }

            public Dictionary<string, XElement> Properties { get; } = new Dictionary<string, XElement>(StringComparer.Ordinal);

            public string? Text(string name) => Properties.TryGetValue(name, out XElement? p) && p.Name.LocalName == "PROPERTY" ? p.Element("VALUE")?.Value : null;

            public List<string>? Array(string name) =>
                Properties.TryGetValue(name, out XElement? p) && p.Name.LocalName == "PROPERTY.ARRAY"
                    ? p.Element("VALUE.ARRAY")?.Elements("VALUE").Select(v => v.Value).ToList() ?? new List<string>()
                    : null;

            public SourceLocation At(string name) => Properties.TryGetValue(name, out XElement? p) ? VmConfigurationXmlReader.Loc(Path, p.Element("VALUE") ?? p.Element("VALUE.ARRAY") ?? (XObject)p) : Location;
        }

        public void Read(string path, TextReader text)
        {
            XmlReaderSettings settings = SafeXml.Settings();
            settings.ConformanceLevel = ConformanceLevel.Fragment; // several INSTANCE elements one after another
            try
            {
                using (XmlReader reader = XmlReader.Create(new StringReader(SafeXml.WithinDepth(text, ConformanceLevel.Fragment)), settings))
                {
                    reader.MoveToContent();
                    while (!reader.EOF)
                    {
                        if (reader.NodeType != XmlNodeType.Element)
                        {
                            reader.Read();
                            continue;
                        }

                        // Load keeps line information (ReadFrom does not); the subtree reader shares the outer positions.
                        XElement element;
                        using (XmlReader subtree = reader.ReadSubtree()) element = XElement.Load(subtree, LoadOptions.SetLineInfo);
                        reader.Read();
                        IEnumerable<XElement> found = element.Name.LocalName == "INSTANCE" ? new[] { element } : element.Descendants("INSTANCE");
                        foreach (XElement instance in found) Add(path, instance);
                    }
                }
            }
            catch (XmlException ex)
            {
                string why = ex.Message.IndexOf("DTD", StringComparison.OrdinalIgnoreCase) >= 0
                    ? "the file declares a DTD; HvLint never processes DTDs or entities in its inputs"
                    : "malformed XML: " + ex.Message;
                _problems.Add(new KeyValuePair<SourceLocation, string>(new SourceLocation(path, Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition)), why));
            }
        }

        private void Add(string path, XElement element)
        {
            string className = (string?)element.Attribute("CLASSNAME") ?? string.Empty;
            var instance = new Instance(className, path, VmConfigurationXmlReader.Loc(path, element));
            foreach (XElement p in element.Elements())
            {
                string? name = (string?)p.Attribute("NAME");
                if (name != null && (p.Name.LocalName == "PROPERTY" || p.Name.LocalName == "PROPERTY.ARRAY")) instance.Properties[name] = p;
            }

            _instances.Add(instance);
        }

        public void AddEvidence(ProfileSelector selector)
        {
            foreach (Instance i in _instances)
            {
                // A Generation 2 VM needs 2012 R2; the v2 namespace alone needs 2012.
                if (MsvmResources.Generation(i.Text("VirtualSystemSubType")) == 2) selector.AddEvidence(new ProfileEvidence(HyperVVersion.V2012R2, "a Generation 2 VM", i.At("VirtualSystemSubType")));
                if (!string.IsNullOrWhiteSpace(i.Text("SecureBootTemplateId"))) selector.AddEvidence(ProfileEvidence.SecureBootTemplate(i.At("SecureBootTemplateId")));
                string? version = i.Text("Version");
                if (i.ClassName == "Msvm_VirtualSystemSettingData" && version != null && ProfileCatalog.OldestVersionForConfigurationVersion(version) is HyperVVersion v)
                {
                    selector.AddEvidence(new ProfileEvidence(v, "configuration version " + version, i.At("Version")));
                }
            }
        }

        public void Complete(IInventoryConsumer consumer)
        {
            foreach (var p in _problems) consumer.OnProblem(ToolDiagnostics.InputUnreadable, p.Key, p.Value);
            var vms = new SortedDictionary<string, List<Instance>>(StringComparer.Ordinal);
            foreach (Instance i in _instances)
            {
                // A checkpoint's settings have an InstanceID of their own and name their VM in VirtualSystemIdentifier.
                string? id = i.Text("VirtualSystemIdentifier") is string vsi && Guid.TryParse(vsi, out _) ? vsi.ToUpperInvariant() : MsvmResources.VirtualMachineId(i.Text("InstanceID"));
                if (id == null)
                {
                    consumer.OnProblem(ToolDiagnostics.InputUnreadable, i.Location, "an " + (i.ClassName.Length > 0 ? i.ClassName : "INSTANCE") + " without an InstanceID of the form Microsoft:<VM GUID>...; it cannot be attributed to a VM");
                    continue;
                }

                if (!vms.TryGetValue(id, out List<Instance>? list)) vms[id] = list = new List<Instance>();
                list.Add(i);
            }

            foreach (KeyValuePair<string, List<Instance>> entry in vms) consumer.OnVirtualMachine(Build(entry.Key, entry.Value, consumer));
        }

        private static VirtualMachine Build(string id, List<Instance> instances, IInventoryConsumer consumer)
        {
            var vm = new VirtualMachine { Location = instances[0].Location };
            vm.Id = Fact.Known(id, vm.Location);
            bool v1 = instances.Any(i => i.Text("ResourceSubType") is string s && MsvmResources.IsV1SubType(s)) || instances.Any(i => i.ClassName == "Msvm_VirtualSystemGlobalSettingData");
            int snapshots = 0;
            bool sawSystem = false;
            var adapters = new List<NetworkAdapter>();
            var controllers = new Dictionary<string, (ControllerType Type, int Number)>(StringComparer.OrdinalIgnoreCase);
            var drives = new Dictionary<string, Drive>(StringComparer.OrdinalIgnoreCase);
            var images = new List<Instance>();
            int scsiControllers = 0;

            foreach (Instance i in instances)
            {
                if (i.ClassName == "Msvm_VirtualSystemSettingData" || i.ClassName == "Msvm_VirtualSystemGlobalSettingData")
                {
                    // v2 marks a checkpoint's settings in VirtualSystemType, v1 with SettingType 5.
                    string? type = i.Text("VirtualSystemType");
                    if ((type != null && type.IndexOf(":Snapshot:", StringComparison.Ordinal) >= 0) || i.Text("SettingType") == "5")
                    {
                        snapshots++;
                        continue;
                    }

                    if (i.ClassName == "Msvm_VirtualSystemSettingData") sawSystem = true;
                    if (i.Text("ElementName") is string name) vm.Name = Fact.Known(name, i.At("ElementName"));
                    if (MsvmResources.Generation(i.Text("VirtualSystemSubType")) is int generation) vm.Generation = Fact.Known(generation, i.At("VirtualSystemSubType"));
                    if (i.Text("Version") is string version) vm.ConfigurationVersion = Fact.Known(version, i.At("Version"));
                    if (i.Array("Notes") is List<string> notes) vm.Notes = Fact.Known(string.Join("\n", notes), i.At("Notes"));
                    if (i.Array("BootOrder") is List<string> order) ReadBootOrder(i, order, vm, consumer);
                    if (i.Text("AllowFullSCSICommandSet") is string fullScsi) vm.AllowFullScsiCommandSet = Fact.Known(string.Equals(fullScsi, "true", StringComparison.OrdinalIgnoreCase), i.At("AllowFullSCSICommandSet"));
                    if (i.Text("SecureBootEnabled") is string secureBoot) vm.SecureBootEnabled = Fact.Known(string.Equals(secureBoot, "true", StringComparison.OrdinalIgnoreCase), i.At("SecureBootEnabled"));
                    if (SecureBootTemplates.NameOfId(i.Text("SecureBootTemplateId")) is string template) vm.SecureBootTemplate = Fact.Known(template, i.At("SecureBootTemplateId"));
                    if (i.Text("UserSnapshotType") is string snapshotType) ReadCheckpointType(i, snapshotType, vm, consumer);
                    continue;
                }

                string? integration = MsvmResources.IntegrationService(i.ClassName);
                if (integration != null)
                {
                    Fact<bool> enabled = long.TryParse(i.Text("EnabledState"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long state)
                        && MsvmResources.Offered(state) is bool offered ? Fact.Known(offered, i.At("EnabledState")) : Fact<bool>.Unknown;
                    vm.IntegrationServices.Services.Add(new IntegrationService(integration, enabled, i.Location));
                    continue;
                }

                string? instanceId = i.Text("InstanceID");
                switch (MsvmResources.Classify(i.ClassName, i.Text("ResourceSubType")))
                {
                    case MsvmResourceKind.Processor:
                        if (Long(i, "VirtualQuantity") is Fact<long> cpus && cpus.IsKnown) vm.ProcessorCount = cpus;
                        if (i.Text("ExposeVirtualizationExtensions") is string nested) vm.ExposeVirtualizationExtensions = Fact.Known(string.Equals(nested, "true", StringComparison.OrdinalIgnoreCase), i.At("ExposeVirtualizationExtensions"));
                        break;
                    case MsvmResourceKind.Memory:
                    {
                        // Msvm_MemorySettingData quantities are in MB.
                        Fact<long> quantity = Long(i, "VirtualQuantity");
                        if (quantity.IsKnown) vm.MemoryStartupBytes = Fact.Known(quantity.Value << 20, quantity.Location);
                        if (i.Text("DynamicMemoryEnabled") is string dm)
                        {
                            bool on = string.Equals(dm, "true", StringComparison.OrdinalIgnoreCase);
                            vm.DynamicMemoryEnabled = Fact.Known(on, i.At("DynamicMemoryEnabled"));
                            Fact<long> limit = Long(i, "Limit");
                            if (on && limit.IsKnown) vm.MemoryMaximumBytes = Fact.Known(limit.Value << 20, limit.Location);
                        }

                        break;
                    }

                    case MsvmResourceKind.SyntheticNetworkAdapter:
                    case MsvmResourceKind.LegacyNetworkAdapter:
                    {
                        var a = new NetworkAdapter { Location = i.Location };
                        a.IsLegacy = Fact.Known(MsvmResources.Classify(i.ClassName, i.Text("ResourceSubType")) == MsvmResourceKind.LegacyNetworkAdapter, i.Text("ResourceSubType") != null ? i.At("ResourceSubType") : i.Location);
                        if (i.Text("ElementName") is string name) a.Name = Fact.Known(name, i.At("ElementName"));
                        if (i.Text("Address") is string mac && mac.Length > 0) a.MacAddress = Fact.Known(mac, i.At("Address"));
                        if (i.Text("StaticMacAddress") is string isStatic) a.StaticMacAddress = Fact.Known(string.Equals(isStatic, "true", StringComparison.OrdinalIgnoreCase), i.At("StaticMacAddress"));
                        adapters.Add(a);
                        break;
                    }

                    case MsvmResourceKind.IdeController:
                        if (instanceId != null && int.TryParse(i.Text("Address"), NumberStyles.None, CultureInfo.InvariantCulture, out int ideNumber)) controllers[instanceId] = (ControllerType.Ide, ideNumber);
                        break;
                    case MsvmResourceKind.ScsiController:
                        if (instanceId != null) controllers[instanceId] = (ControllerType.Scsi, scsiControllers++);
                        break;
                    case MsvmResourceKind.HardDiskDrive:
                    case MsvmResourceKind.DvdDrive:
                    case MsvmResourceKind.PhysicalDiskDrive:
                    {
                        var kind = MsvmResources.Classify(i.ClassName, i.Text("ResourceSubType"));
                        var d = new Drive { Location = i.Location };
                        d.Kind = Fact.Known(kind == MsvmResourceKind.DvdDrive ? DriveKind.DvdDrive : kind == MsvmResourceKind.PhysicalDiskDrive ? DriveKind.PassThroughDisk : DriveKind.VirtualHardDisk, i.At("ResourceSubType"));
                        if (int.TryParse(i.Text("AddressOnParent"), NumberStyles.None, CultureInfo.InvariantCulture, out int location)) d.ControllerLocation = Fact.Known(location, i.At("AddressOnParent"));
                        d.Path = Fact.Known<string?>(i.Text("Parent"), default); // resolved to the controller below
                        if (instanceId != null) drives[instanceId] = d;
                        break;
                    }

                    case MsvmResourceKind.VirtualHardDisk:
                    case MsvmResourceKind.VirtualDvdDisk:
                        images.Add(i);
                        break;
                    case MsvmResourceKind.VirtualFloppyDisk:
                        // The floppy drive of Generation 1 holds one disk; its image is the first HostResource.
                        vm.FloppyDisk = Fact.Known<string?>(i.Array("HostResource") is List<string> floppy && floppy.Count > 0 ? floppy[0] : null, i.At("ResourceSubType"));
                        break;
                }
            }

            // v1 hosts (2008, 2008 R2) have Generation 1 only; v1 Msvm_VirtualSystemSettingData has no subtype.
            if (!vm.Generation.IsKnown && v1 && sawSystem) vm.Generation = Fact.Known(1, vm.Location);
            if (sawSystem || snapshots > 0) vm.CheckpointCount = Fact.Known(snapshots, vm.Location);

            vm.NetworkAdapters.MarkKnown(vm.Location);
            foreach (NetworkAdapter a in adapters) vm.NetworkAdapters.Add(a);

            bool drivesKnown = true;
            foreach (Drive d in drives.Values)
            {
                string? parent = MsvmResources.InstanceIdInPath(d.Path.IsKnown ? d.Path.Value : null);
                d.Path = default;
                if (parent != null && controllers.TryGetValue(parent, out var c))
                {
                    d.ControllerType = Fact.Known(c.Type, d.Location);
                    d.ControllerNumber = Fact.Known(c.Number, d.Location);
                }
                else
                {
                    drivesKnown = false;
                }
            }

            foreach (Instance image in images)
            {
                string? parent = MsvmResources.InstanceIdInPath(image.Text("Parent"));
                if (parent == null || !drives.TryGetValue(parent, out Drive? d)) continue;
                List<string>? resource = image.Array("HostResource") ?? (image.Text("Connection") is string single ? new List<string> { single } : null);
                string? file = resource?.FirstOrDefault() ?? image.Array("Connection")?.FirstOrDefault();
                if (file != null)
                {
                    d.Path = Fact.Known<string?>(file, image.At(image.Properties.ContainsKey("HostResource") ? "HostResource" : "Connection"));
                    if (d.Kind.Is(k => k == DriveKind.VirtualHardDisk)) d.Format = NativeInventoryReader.FormatFromPath(d.Path);
                }
            }

            if (drivesKnown && (drives.Count > 0 || controllers.Count > 0))
            {
                vm.Drives.MarkKnown(vm.Location);
                foreach (Drive d in drives.Values.OrderBy(x => x.Location)) vm.Drives.Add(d);
            }

            return vm;
        }

        private static void ReadBootOrder(Instance i, List<string> order, VirtualMachine vm, IInventoryConsumer consumer)
        {
            var entries = new List<BootEntry>();
            foreach (string value in order)
            {
                BootDevice? d = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? MsvmResources.BootOrderEntry(n) : null;
                if (d == null)
                {
                    consumer.OnProblem(ToolDiagnostics.InputUnreadable, i.At("BootOrder"), "'BootOrder': expected 0 (floppy), 1 (CD), 2 (IDE), 3 (PXE) or 4 (SCSI), found '" + value + "'");
                    return;
                }

                entries.Add(new BootEntry(d.Value, i.At("BootOrder")));
            }

            vm.BootOrder.Clear();
            vm.BootOrder.MarkKnown(i.At("BootOrder"));
            foreach (BootEntry e in entries) vm.BootOrder.Add(e);
        }

        /// <summary>Msvm_VirtualSystemSettingData.UserSnapshotType: 2 Disable, 3 Production, 4 ProductionOnly, 5 Standard.</summary>
        private static void ReadCheckpointType(Instance i, string value, VirtualMachine vm, IInventoryConsumer consumer)
        {
            CheckpointType? type = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? EnumNames.CheckpointTypeNumber(n) : null;
            if (type == null)
            {
                consumer.OnProblem(ToolDiagnostics.InputUnreadable, i.At("UserSnapshotType"), "'UserSnapshotType': expected 2 (disabled), 3 (production), 4 (production only) or 5 (standard), found '" + value + "'");
                return;
            }

            vm.CheckpointType = Fact.Known(type.Value, i.At("UserSnapshotType"));
        }

        private static Fact<long> Long(Instance i, string name) =>
            long.TryParse(i.Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? Fact.Known(v, i.At(name)) : Fact<long>.Unknown;
    }
}
