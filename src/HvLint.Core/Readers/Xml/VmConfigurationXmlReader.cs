using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using HvLint.Model;
using HvLint.Profiles;
using HvLint.Rules;
using HvLint.Rules.Guest;

namespace HvLint.Readers.Xml
{
    /// <summary>
    /// Reads a Hyper-V VM configuration file (Windows Server 2008 to 2012 R2, "Virtual Machines\&lt;GUID&gt;.xml";
    /// hyperv-facts.md §6b). Devices are classified by the manifest's device-type GUID, never by element name.
    /// A network adapter whose kind cannot be established stays of unknown kind, so no rule guesses about it.
    /// </summary>
    public sealed class VmConfigurationXmlReader
    {
        // Device-type GUIDs (hyperv-facts.md §6b, §3.1).
        private const string SyntheticEthernetPort = "2fc216b0-d2e2-4967-9b6d-b8a5c9ca2778";
        private const string SyntheticScsiController = "d422512d-2bf2-4752-809d-7b82b5fcb1b4";
        private const string EmulatedIdeController = "83f8638b-8dca-4152-9eda-2ca8b33039b4";
        private const string VirtualBios = "ac6b8dc1-3257-4a70-b1b2-a9c9215659ad";

        private static readonly Dictionary<string, string> IntegrationComponents = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["84eaae65-2f2e-45f5-9bb5-0e857dc8eb47"] = IntegrationServiceNames.Heartbeat,
            ["9f8233ac-be49-4c79-8ee3-e7e1985b2077"] = IntegrationServiceNames.Shutdown,
            ["2497f4de-e9fa-4204-80e4-4b75c46419c0"] = IntegrationServiceNames.TimeSynchronization,
            ["2a34b1c2-fd73-4043-8a5b-dd2159bc743f"] = IntegrationServiceNames.KeyValuePairExchange,
            ["5ced1297-4598-4915-a5fc-ad21bb4d02a4"] = IntegrationServiceNames.Vss,
            ["6c09bb55-d683-4da0-8931-c9bf705f6480"] = IntegrationServiceNames.GuestServiceInterface,
        };

        private readonly IInventoryConsumer _consumer;
        private string _path = string.Empty;

        public VmConfigurationXmlReader(IInventoryConsumer consumer) => _consumer = consumer;

        /// <summary>Loads the document safely; null (with HV9001 reported) when it cannot be read.</summary>
        public static XDocument? Load(string path, TextReader text, Action<SourceLocation, string> problem) => SafeXml.Load(path, text, problem);

        public static void AddEvidence(string path, XDocument doc, ProfileSelector selector)
        {
            XElement? version = doc.Root?.Element("properties")?.Element("version");
            if (version != null && int.TryParse(version.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int v))
            {
                string text = (v >> 8).ToString(CultureInfo.InvariantCulture) + "." + (v & 0xff).ToString(CultureInfo.InvariantCulture);
                if (ProfileCatalog.OldestVersionForConfigurationVersion(text) is HyperVVersion release)
                {
                    selector.AddEvidence(new ProfileEvidence(release, "configuration version " + text, Loc(path, version)));
                }
            }
        }

        public void Read(string path, XDocument doc)
        {
            _path = path;
            XElement root = doc.Root!;
            var vm = new VirtualMachine { Location = Loc(path, root) };
            XElement? properties = root.Element("properties");
            if (properties != null)
            {
                vm.Name = Text(properties.Element("name"));
                vm.Notes = Text(properties.Element("notes"));
                Fact<bool> ha = Bool(properties.Element("highly_available"));
                if (ha.IsKnown) vm.IsClustered = ha;
                Fact<long> version = Integer(properties.Element("version"));
                if (version.IsKnown) vm.ConfigurationVersion = Fact.Known((version.Value >> 8).ToString(CultureInfo.InvariantCulture) + "." + (version.Value & 0xff).ToString(CultureInfo.InvariantCulture), version.Location);
            }

            // "hvlint-disable HV3001: reason" in an XML comment, where the people who keep these files write notes.
            foreach (XComment comment in doc.DescendantNodes().OfType<XComment>())
            {
                if (comment.Value.IndexOf("hvlint-disable", StringComparison.OrdinalIgnoreCase) >= 0) vm.Directives.Add(Fact.Known(comment.Value, Loc(path, comment)));
            }

            XElement? settings = root.Element("settings");
            Fact<long> count = Integer(settings?.Element("processors")?.Element("count"));
            if (count.IsKnown) vm.ProcessorCount = count;
            XElement? bank = settings?.Element("memory")?.Element("bank");
            if (bank != null)
            {
                // Memory values are in MB.
                Fact<long> size = Integer(bank.Element("size"));
                if (size.IsKnown) vm.MemoryStartupBytes = Fact.Known(size.Value << 20, size.Location);
                Fact<bool> dynamic = Bool(bank.Element("dynamic_memory_enabled"));
                if (dynamic.IsKnown)
                {
                    vm.DynamicMemoryEnabled = dynamic;
                    if (dynamic.Value)
                    {
                        Fact<long> min = Integer(bank.Element("reservation"));
                        Fact<long> max = Integer(bank.Element("limit"));
                        if (min.IsKnown) vm.MemoryMinimumBytes = Fact.Known(min.Value << 20, min.Location);
                        if (max.IsKnown) vm.MemoryMaximumBytes = Fact.Known(max.Value << 20, max.Location);
                    }
                }
            }

            XElement? global = root.Element("global_settings");
            Fact<long> snapshots = Integer(global?.Element("snapshots")?.Element("list")?.Element("size"));
            if (snapshots.IsKnown) vm.CheckpointCount = Fact.Known((int)snapshots.Value, snapshots.Location);
            Fact<bool> fullScsi = Bool(global?.Element("devices")?.Element("storage_allow_full_scsi_command_set"));
            if (fullScsi.IsKnown) vm.AllowFullScsiCommandSet = fullScsi;

            // The manifest says what each device node is.
            var deviceOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var order = new List<string>();
            XElement? manifest = root.Element("manifest");
            if (manifest != null)
            {
                foreach (XElement vdev in manifest.Elements().Where(e => e.Name.LocalName.StartsWith("vdev", StringComparison.Ordinal)))
                {
                    string? device = vdev.Element("device")?.Value.Trim();
                    string? instance = vdev.Element("instance")?.Value.Trim().Trim('{', '}');
                    if (device == null || instance == null) continue;
                    deviceOf[instance] = device;
                    order.Add(instance);
                }
            }

            // Device nodes by name, looked up without making an XName: a manifest's instance is text from the file,
            // and one with a character a name may not hold ("{", "?") would throw there.
            var nodes = new Dictionary<string, XElement>(StringComparer.OrdinalIgnoreCase);
            foreach (XElement e in root.Elements())
            {
                if (!nodes.ContainsKey(e.Name.LocalName)) nodes.Add(e.Name.LocalName, e);
            }

            XElement? Node(string guid) => nodes.TryGetValue("_" + guid + "_", out XElement? node) ? node : null;

            bool hasIde = Node(EmulatedIdeController) != null;
            bool hasBios = Node(VirtualBios) != null;
            Fact<long> subtype = Integer(properties?.Element("subtype"));
            if (subtype.IsKnown)
            {
                // 0 is Generation 1 (seen in real files). 1 is taken as Generation 2 only when the file has none of
                // Generation 1's emulated devices, since the Generation 2 value is not confirmed by a source.
                if (subtype.Value == 0) vm.Generation = Fact.Known(1, subtype.Location);
                else if (subtype.Value == 1 && !hasIde && !hasBios) vm.Generation = Fact.Known(2, subtype.Location);
            }

            // Network adapters: synthetic by manifest type; any other node that looks like an adapter is of unknown kind.
            var adapters = new List<NetworkAdapter>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (XElement node in root.Elements())
            {
                string local = node.Name.LocalName;
                if (local.Length < 3 || local[0] != '_' || local[local.Length - 1] != '_') continue;
                if (node.Element("MacAddress") == null) continue;
                string instance = local.Substring(1, local.Length - 2);
                if (!seen.Add(instance)) continue;
                deviceOf.TryGetValue(instance, out string? type);
                adapters.Add(ReadAdapter(node, type));
            }

            vm.NetworkAdapters.MarkKnown(manifest != null ? Loc(path, manifest) : vm.Location);
            foreach (NetworkAdapter a in adapters) vm.NetworkAdapters.Add(a);

            // Drives: the emulated IDE pair, then each synthetic SCSI controller in manifest order.
            var drives = new List<Drive>();
            bool drivesKnown = true;
            XElement? ide = Node(EmulatedIdeController);
            if (ide != null) drivesKnown &= ReadControllers(ide, ControllerType.Ide, null, drives);
            int scsiNumber = 0;
            foreach (string instance in order)
            {
                if (!string.Equals(deviceOf[instance], SyntheticScsiController, StringComparison.OrdinalIgnoreCase)) continue;
                XElement? scsi = Node(instance);
                if (scsi != null) drivesKnown &= ReadControllers(scsi, ControllerType.Scsi, scsiNumber, drives);
                scsiNumber++;
            }

            if (drivesKnown)
            {
                vm.Drives.MarkKnown(ide != null ? Loc(path, ide) : vm.Location);
                foreach (Drive d in drives) vm.Drives.Add(d);
            }

            XElement? boot = Node(VirtualBios)?.Element("boot");
            if (boot != null) ReadBootOrder(boot, vm);

            foreach (KeyValuePair<string, string> ic in IntegrationComponents)
            {
                XElement? node = Node(ic.Key);
                if (node == null) continue;
                Fact<bool> enabled = Bool(node.Element("Enabled"));
                vm.IntegrationServices.Services.Add(new IntegrationService(ic.Value, enabled, enabled.IsKnown ? enabled.Location : Loc(path, node)));
            }

            _consumer.OnVirtualMachine(vm);
        }

        private NetworkAdapter ReadAdapter(XElement node, string? deviceType)
        {
            var a = new NetworkAdapter { Location = Loc(_path, node) };
            a.Name = Text(node.Element("FriendlyName"));
            if (string.Equals(deviceType, SyntheticEthernetPort, StringComparison.OrdinalIgnoreCase)) a.IsLegacy = Fact.Known(false, Loc(_path, node));

            // Otherwise the kind stays unknown: the legacy adapter's device-type GUID is not documented.
            a.MacAddress = Text(node.Element("MacAddress"));
            a.StaticMacAddress = Bool(node.Element("MacAddressIsStatic"));
            Fact<bool> connected = Bool(node.Element("IsConnected"));
            XElement? switchName = node.Element("Connection")?.Element("AltSwitchName");
            if (connected.IsKnown && !connected.Value) a.SwitchName = Fact.Known<string?>(null, connected.Location);
            else if (switchName != null && switchName.Value.Trim().Length > 0) a.SwitchName = Fact.Known<string?>(switchName.Value.Trim(), Loc(_path, switchName));
            return a;
        }

        /// <summary>controllerN/driveM; false when a drive's type is one HvLint does not know (the list is then unknown).</summary>
        private bool ReadControllers(XElement node, ControllerType bus, int? fixedControllerNumber, List<Drive> drives)
        {
            bool known = true;
            foreach (XElement controller in node.Elements().Where(e => e.Name.LocalName.StartsWith("controller", StringComparison.Ordinal)))
            {
                if (!int.TryParse(controller.Name.LocalName.Substring("controller".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int c)) continue;
                foreach (XElement drive in controller.Elements().Where(e => e.Name.LocalName.StartsWith("drive", StringComparison.Ordinal)))
                {
                    if (!int.TryParse(drive.Name.LocalName.Substring("drive".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int location)) continue;
                    string type = drive.Element("type")?.Value.Trim().ToUpperInvariant() ?? string.Empty;
                    if (type == "NONE" || type.Length == 0) continue;
                    var d = new Drive { Location = Loc(_path, drive) };
                    d.ControllerType = Fact.Known(bus, d.Location);
                    // On the IDE node, controllerN is the IDE channel; a SCSI node is one controller whose
                    // drives are numbered within it.
                    d.ControllerNumber = Fact.Known(fixedControllerNumber ?? c, d.Location);
                    d.ControllerLocation = Fact.Known(location, d.Location);
                    XElement? pathname = drive.Element("pathname");
                    if (pathname != null) d.Path = Fact.Known<string?>(pathname.Value.Trim(), Loc(_path, pathname));
                    switch (type)
                    {
                        case "VHD":
                            d.Kind = Fact.Known(DriveKind.VirtualHardDisk, Loc(_path, drive.Element("type")!));
                            d.Format = NativeInventoryReader.FormatFromPath(d.Path);
                            break;
                        case "ISO":
                            d.Kind = Fact.Known(DriveKind.DvdDrive, Loc(_path, drive.Element("type")!));
                            break;
                        default:
                            known = false;
                            break;
                    }

                    drives.Add(d);
                }
            }

            return known;
        }

        private void ReadBootOrder(XElement boot, VirtualMachine vm)
        {
            var entries = new List<BootEntry>();
            foreach (XElement device in boot.Elements().Where(e => e.Name.LocalName.StartsWith("device", StringComparison.Ordinal)).OrderBy(e => e.Name.LocalName, StringComparer.Ordinal))
            {
                BootDevice? d;
                switch (device.Value.Trim())
                {
                    case "Optical": d = BootDevice.CD; break;
                    case "HardDrive": d = BootDevice.IDE; break;
                    case "Network": d = BootDevice.LegacyNetworkAdapter; break;
                    case "Floppy": d = BootDevice.Floppy; break;
                    default: d = null; break;
                }

                if (d == null)
                {
                    _consumer.OnProblem(ToolDiagnostics.InputUnreadable, Loc(_path, device), "unknown BIOS boot device '" + device.Value.Trim() + "' (expected Optical, HardDrive, Network or Floppy)");
                    return;
                }

                entries.Add(new BootEntry(d.Value, Loc(_path, device)));
            }

            vm.BootOrder.MarkKnown(Loc(_path, boot));
            foreach (BootEntry e in entries) vm.BootOrder.Add(e);
        }

        private Fact<string> Text(XElement? e) => e == null ? Fact<string>.Unknown : Fact.Known(e.Value.Trim(), Loc(_path, e));

        private Fact<long> Integer(XElement? e)
        {
            if (e == null) return Fact<long>.Unknown;
            if (long.TryParse(e.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v)) return Fact.Known(v, Loc(_path, e));
            _consumer.OnProblem(ToolDiagnostics.InputUnreadable, Loc(_path, e), "'" + e.Name.LocalName + "': expected an integer, found '" + e.Value.Trim() + "'");
            return Fact<long>.Unknown;
        }

        private Fact<bool> Bool(XElement? e)
        {
            if (e == null) return Fact<bool>.Unknown;
            string v = e.Value.Trim();
            if (string.Equals(v, "True", StringComparison.OrdinalIgnoreCase)) return Fact.Known(true, Loc(_path, e));
            if (string.Equals(v, "False", StringComparison.OrdinalIgnoreCase)) return Fact.Known(false, Loc(_path, e));
            _consumer.OnProblem(ToolDiagnostics.InputUnreadable, Loc(_path, e), "'" + e.Name.LocalName + "': expected True or False, found '" + v + "'");
            return Fact<bool>.Unknown;
        }

        /// <summary>Where a node starts: the '&lt;' of an element (the line info points at its name).</summary>
        internal static SourceLocation Loc(string path, XObject node)
        {
            var info = (IXmlLineInfo)node;
            if (!info.HasLineInfo()) return new SourceLocation(path, 1, 1);
            int back = node is XElement ? 1 : node is XComment ? 4 : 0;
            return new SourceLocation(path, info.LineNumber, Math.Max(1, info.LinePosition - back));
        }
    }
}
