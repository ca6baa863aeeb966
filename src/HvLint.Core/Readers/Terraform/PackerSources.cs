using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using HvLint.Model;
using HvLint.Profiles;
using Newtonsoft.Json.Linq;

namespace HvLint.Readers.Terraform
{
    /// <summary>
    /// Packer templates that build Hyper-V images with the hashicorp/packer-plugin-hyperv builders: `source
    /// "hyperv-iso" "NAME"` and `source "hyperv-vmcx" "NAME"` blocks in HCL (`*.pkr.hcl`) or its JSON syntax
    /// (`*.pkr.json`), read as a folder's module as Terraform configurations are, and the builders of a legacy JSON
    /// template (`"builders": [{ "type": "hyperv-iso", ... }]`, `{{user `NAME`}}` taking a variable's value). What
    /// the builder does with each setting, and its defaults, are the plugin's: builder/hyperv/iso/builder.go,
    /// common/config.go and common/step_create_vm.go (hyperv-facts.md §6e, PACKER). A template makes an image that
    /// VMs are cloned from, so each VM is a template; its guest is the one its installation ISO's file name names.
    /// </summary>
    public sealed partial class TerraformReader
    {
        private const string PackerIso = "hyperv-iso";

        private const string PackerVmcx = "hyperv-vmcx";

        /// <summary>A Packer source block or legacy builder: the build's name, the builder, and its settings with templates resolved.</summary>
        private sealed class PackerSource
        {
            public PackerSource(string path, string name, string builder, JObject settings)
            {
                Path = path;
                Name = name;
                Builder = builder;
                Settings = settings;
            }

            public string Path { get; }

            public string Name { get; }

            public string Builder { get; }

            public JObject Settings { get; }
        }

        /// <summary>
        /// A Packer JSON document's top-level keys: a legacy template has builders (and may have only the keys its format
        /// defines, "_" ones being comments); a template in HCL's JSON syntax has a source, build or packer block.
        /// </summary>
        public static bool IsPackerJson(ICollection<string> topLevelNames)
        {
            bool legacy = topLevelNames.Contains("builders"), syntax = true, block = false;
            foreach (string name in topLevelNames)
            {
                if (name.StartsWith("_", StringComparison.Ordinal) || name == "//") continue;
                legacy &= Array.IndexOf(LegacyTemplateKeys, name) >= 0;
                syntax &= Array.IndexOf(TemplateBlocks, name) >= 0;
                block |= name == "source" || name == "build" || name == "packer";
            }

            return legacy || (syntax && block);
        }

        private static readonly string[] LegacyTemplateKeys = { "builders", "variables", "sensitive-variables", "provisioners", "post-processors", "description", "min_packer_version" };

        private static readonly string[] TemplateBlocks = { "packer", "source", "build", "variable", "variables", "locals", "local", "data", "hcp_packer_registry" };

        /// <summary>Whether a JSON document is a legacy Packer template: its builders are what HvLint reads.</summary>
        private static bool IsLegacyPackerTemplate(JObject document) => document["builders"] is JArray;

        private static readonly Regex UserVariable = new Regex(@"\{\{\s*user\s+[`""]([^`""]+)[`""]\s*\}\}", RegexOptions.CultureInvariant);

        /// <summary>
        /// A legacy template's Hyper-V builders, their `{{user `NAME`}}` references replaced by the variables' values
        /// (the variables are strings, and Packer decodes "2" and "true" for numbers and bools as it does written ones).
        /// Any other template function (`{{env}}`, `{{timestamp}}`) leaves the setting unknown.
        /// </summary>
        private void ReadLegacyPackerTemplate(string path, JObject document)
        {
            var plan = new Plan(path, document);
            var variables = new Dictionary<string, JToken>(StringComparer.Ordinal);
            if (document["variables"] is JObject declared)
            {
                foreach (JProperty v in declared.Properties())
                {
                    // -var sets a declared user variable (as text: a legacy template's variables are strings).
                    if (_commandLine.TryGetValue(v.Name, out string? given)) variables[v.Name] = new JValue(given);
                    else if (v.Value is JValue value && value.Type != JTokenType.Null && !(value.Type == JTokenType.String && ((string)value!).Contains("{{"))) variables[v.Name] = value;
                }
            }

            foreach (JToken b in (JArray)document["builders"]!)
            {
                if (!(b is JObject builder) || !(Text(builder["type"]) is string type) || (type != PackerIso && type != PackerVmcx)) continue;
                var settings = (JObject)builder.DeepClone();
                var strings = new List<JValue>();
                foreach (JToken t in settings.Descendants())
                {
                    if (t is JValue v && v.Type == JTokenType.String && ((string)v!).Contains("{{")) strings.Add(v);
                }

                foreach (JValue v in strings)
                {
                    string s = (string)v!;
                    Match whole = UserVariable.Match(s);
                    JValue? value = null;
                    if (whole.Success && whole.Index == 0 && whole.Length == s.Length) value = variables.TryGetValue(whole.Groups[1].Value, out JToken? known) ? new JValue((JValue)known) : null;
                    else
                    {
                        string replaced = UserVariable.Replace(s, m => variables.TryGetValue(m.Groups[1].Value, out JToken? part) ? Convert.ToString(((JValue)part).Value, CultureInfo.InvariantCulture) ?? m.Value : m.Value);
                        if (!replaced.Contains("{{")) value = new JValue(replaced);
                    }

                    JValue replacement = value ?? JValue.CreateNull();
                    replacement.AddAnnotation(v);
                    v.Replace(replacement);
                }

                // The build's name is the builder's "name", else its type.
                plan.Sources.Add(new PackerSource(path, Text(builder["name"]) ?? type, type, settings));
            }

            _plans.Add(plan);
        }

        /// <summary>
        /// A template's `source "hyperv-iso"` and `source "hyperv-vmcx"` blocks, as its `build` blocks build them, with
        /// their expressions evaluated. A source no build names is audited as its block writes it, and so is one a build
        /// names in `sources`. A build-level `source "hyperv-iso.NAME" { ... }` block is an image of its own: it fills in
        /// the fields its source leaves out and may rename the build (`name`); Packer refuses one that sets a field the
        /// source sets (HV9001 here). developer.hashicorp.com/packer/docs/templates/hcl_templates/blocks/build/source.
        /// </summary>
        private void ReadPackerSources(Plan plan, List<KeyValuePair<string, JObject>> files, Dictionary<string, JToken> values, Func<string, string, JObject?> resource)
        {
            var sources = new Dictionary<string, PackerSource>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                foreach (string builder in new[] { PackerIso, PackerVmcx })
                {
                    if (!(Child(file.Value["source"], builder) is JObject ofType)) continue;
                    foreach (JProperty s in ofType.Properties())
                    {
                        if (First(s.Value) is JObject body) sources[builder + "." + s.Name] = new PackerSource(file.Key, s.Name, builder, body);
                    }
                }
            }

            var named = new HashSet<string>(StringComparer.Ordinal);
            var filledIn = new List<KeyValuePair<string, KeyValuePair<string, JObject>>>();
            foreach (var file in files)
            {
                foreach (JObject build in Blocks(file.Value["build"]))
                {
                    if (build["sources"] is JArray list)
                    {
                        foreach (JToken reference in list)
                        {
                            if (Text(reference) is string key) named.Add(SourceKey(key));
                        }
                    }

                    foreach (JObject labels in Blocks(build["source"]))
                    {
                        foreach (JProperty label in labels.Properties())
                        {
                            foreach (JObject body in Blocks(label.Value)) filledIn.Add(new KeyValuePair<string, KeyValuePair<string, JObject>>(SourceKey(label.Name), new KeyValuePair<string, JObject>(file.Key, body)));
                        }
                    }
                }
            }

            foreach (var source in sources)
            {
                bool built = named.Contains(source.Key) || filledIn.Exists(f => f.Key == source.Key);
                if (!built || named.Contains(source.Key)) plan.Sources.Add(new PackerSource(source.Value.Path, source.Value.Name, source.Value.Builder, Resolved(source.Value.Settings, values, resource)));
            }

            // A build of another builder's source (or of one no block defines) is not a Hyper-V image.
            foreach (var fill in filledIn)
            {
                if (sources.TryGetValue(fill.Key, out PackerSource? source)) plan.Sources.Add(FilledIn(source, fill.Value.Key, fill.Value.Value, values, resource));
            }
        }

        /// <summary>A source with a build-level block's fields added, each still reported in the file it is written in.</summary>
        private PackerSource FilledIn(PackerSource source, string file, JObject fields, Dictionary<string, JToken> values, Func<string, string, JObject?> resource)
        {
            var merged = (JObject)source.Settings.DeepClone();
            string name = source.Name;
            foreach (JProperty field in fields.Properties())
            {
                if (field.Name == "name")
                {
                    if (field.Value is JValue text && text.Type == JTokenType.String && Template(text, values, resource) is JValue { Type: JTokenType.String } renamed) name = (string)renamed!;
                    continue;
                }

                if (merged[field.Name] is JToken set)
                {
                    _problems.Add(new KeyValuePair<SourceLocation, string>(JsonTokens.Start(file, field.Value), "'" + field.Name + "' is set by source \"" + source.Builder + "\" \"" + source.Name + "\" already (" + JsonTokens.Start(source.Path, set) + "); Packer refuses to set a source's field again in a build"));
                    continue;
                }

                JToken value = field.Value.DeepClone();
                foreach (JToken t in value is JContainer container ? container.DescendantsAndSelf() : new[] { value }) t.AddAnnotation(new JsonTokens.WrittenIn(file));
                merged[field.Name] = value;
            }

            return new PackerSource(source.Path, name, source.Builder, Resolved(merged, values, resource));
        }

        /// <summary>A build's name for a source, `source.hyperv-iso.NAME` or `hyperv-iso.NAME`, as the key of <c>sources</c>.</summary>
        private static string SourceKey(string reference) => reference.StartsWith("source.", StringComparison.Ordinal) ? reference.Substring("source.".Length) : reference;

        private void AddPackerEvidence(ProfileSelector selector, PackerSource source)
        {
            JObject o = source.Settings;
            if (source.Builder == PackerIso && o["generation"] is JValue generation && PackerNumber(generation) == 2)
            {
                selector.AddEvidence(new ProfileEvidence(HyperVVersion.V2012R2, "a Generation 2 VM", JsonTokens.Start(source.Path, generation)));
            }

            // hyperv-iso makes the boot disk a VHDX unless told to make a fixed VHD or given a disk: VHDX came with 2012.
            if (source.Builder == PackerIso && !IsDisk(Text(Media(o))) && (o["use_fixed_vhd_format"] == null || o["use_fixed_vhd_format"] is JValue { Type: JTokenType.Boolean, Value: false }))
            {
                selector.AddEvidence(new ProfileEvidence(HyperVVersion.V2012, "a VHDX disk", JsonTokens.Start(source.Path, o)));
            }

            if (o["secure_boot_template"] is JValue template && template.Type == JTokenType.String && ((string)template!).Trim().Length > 0)
            {
                selector.AddEvidence(ProfileEvidence.SecureBootTemplate(JsonTokens.Start(source.Path, template)));
            }
        }

        /// <summary>
        /// The VM a Packer builder creates. hyperv-iso creates it with New-VM and sets everything the template says or
        /// the plugin defaults (Generation 1, one vCPU, 1024 MB, one synthetic adapter, a new dynamic VHDX of 40 GB);
        /// hyperv-vmcx clones an existing VM, whose generation, adapters and drives the template does not say, and sets
        /// only the vCPUs, memory, Secure Boot (on Generation 2) and the settings it turns on.
        /// </summary>
        private VirtualMachine ReadPackerSource(PackerSource source)
        {
            _path = source.Path;
            JObject o = source.Settings;
            SourceLocation at = JsonTokens.Start(_path, o);
            bool iso = source.Builder == PackerIso;
            var vm = new VirtualMachine { Location = at, IsTemplate = Fact.Known(true, at) };
            vm.Directives.AddRange(DirectivesOf(o, _path));
            vm.LineDirectives.AddRange(LineDirectivesOf(o));
            Fact<string> name = Str(o, "vm_name");
            // Left out or "", the builder names the VM packer-BUILDNAME.
            bool unnamed = o["vm_name"] == null || (o["vm_name"]!.Type == JTokenType.String && ((string)o["vm_name"]!).Trim().Length == 0);
            vm.Name = name.IsKnown ? name : unnamed ? Fact.Known("packer-" + source.Name, at) : Fact<string>.Unknown;

            // Packer makes any generation other than 2 a 1.
            Fact<long> generation = PackerLong(o, "generation", iso ? 1 : (long?)null, at);
            if (generation.IsKnown) vm.Generation = Fact.Known(generation.Value == 2 ? 2 : 1, generation.Location);

            Fact<long> cpus = PackerLong(o, "cpus", 1, at);
            if (cpus.IsKnown) vm.ProcessorCount = Fact.Known(Math.Max(1, cpus.Value), cpus.Location);
            Fact<long> memory = PackerLong(o, "memory", 1024, at);
            if (memory.IsKnown) vm.MemoryStartupBytes = Fact.Known((memory.Value == 0 ? 1024 : memory.Value) * 1024 * 1024, memory.Location);

            // The clone keeps its own Dynamic Memory setting unless the template turns it on.
            Fact<bool> dynamic = PackerBool(o, "enable_dynamic_memory", iso ? false : (bool?)null, at);
            if (dynamic.IsKnown && (iso || dynamic.Value)) vm.DynamicMemoryEnabled = dynamic;
            Fact<bool> nested = PackerBool(o, "enable_virtualization_extensions", iso ? false : (bool?)null, at);
            if (nested.IsKnown && (iso || nested.Value)) vm.ExposeVirtualizationExtensions = nested;
            SetIfKnown(Str(o, "configuration_version"), v => vm.ConfigurationVersion = v);

            // Secure Boot is set on every Generation 2 VM: off unless the template turns it on.
            if (!vm.Generation.IsKnown || vm.Generation.Value == 2)
            {
                SetIfKnown(PackerBool(o, "enable_secure_boot", false, at), v => vm.SecureBootEnabled = v);
                SetIfKnown(o["secure_boot_template"] == null ? Fact.Known("MicrosoftWindows", at) : Str(o, "secure_boot_template"), v => vm.SecureBootTemplate = v);
            }

            if (!iso) return vm;

            JToken? isoUrl = Media(o);
            string? media = Text(isoUrl);
            if (media != null && Guest(media) is GuestOperatingSystem guest) vm.GuestOperatingSystem = Fact.Known(guest, JsonTokens.Start(_path, isoUrl!));

            ReadPackerAdapter(vm, o, at);
            ReadPackerDrives(vm, o, at, isoUrl);

            // floppy_files, floppy_dirs and floppy_content put a virtual floppy disk Packer makes in the floppy drive.
            foreach (string floppy in new[] { "floppy_files", "floppy_dirs", "floppy_content" })
            {
                if (o[floppy] is JContainer { Count: > 0 } files)
                {
                    vm.FloppyDisk = Fact.Known<string?>(floppy + " (a floppy disk Packer makes)", JsonTokens.Start(_path, files));
                    break;
                }
            }

            // first_boot_device "NET" puts LegacyNetworkAdapter first in a Generation 1 VM's startup order.
            if (vm.Generation.Is(g => g == 1) && Str(o, "first_boot_device") is { IsKnown: true } first && string.Equals(first.Value, "NET", StringComparison.OrdinalIgnoreCase))
            {
                vm.BootOrder.MarkKnown(first.Location);
                foreach (BootDevice device in new[] { BootDevice.LegacyNetworkAdapter, BootDevice.IDE, BootDevice.CD, BootDevice.Floppy }) vm.BootOrder.Add(new BootEntry(device, first.Location));
            }

            return vm;
        }

        /// <summary>The one adapter New-VM adds on switch_name, which use_legacy_network_adapter replaces with a legacy one named after the VM.</summary>
        private void ReadPackerAdapter(VirtualMachine vm, JObject o, SourceLocation at)
        {
            vm.NetworkAdapters.MarkKnown(at);
            Fact<bool> legacy = PackerBool(o, "use_legacy_network_adapter", false, at);
            var a = new NetworkAdapter { Location = legacy.IsKnown ? legacy.Location : at, IsLegacy = legacy };
            a.Name = legacy.IsTrue() && vm.Name.IsKnown ? vm.Name : legacy.IsFalse() ? Fact.Known("Network Adapter", at) : Fact<string>.Unknown;

            // Without switch_name Packer picks an External switch that is up, or makes one: which, the template does not say.
            SetIfKnown(Str(o, "switch_name"), v => a.SwitchName = Fact.Known<string?>(v.Value, v.Location));
            Fact<string> mac = Str(o, "mac_address");
            if (mac.IsKnown)
            {
                a.MacAddress = mac;
                a.StaticMacAddress = Fact.Known(true, mac.Location);
            }

            SetIfKnown(PackerBool(o, "enable_mac_spoofing", false, at), v => a.MacAddressSpoofing = v);
            Fact<long> vlan = PackerLong(o, "vlan_id", null, at);
            if (vlan.IsKnown)
            {
                a.VlanMode = Fact.Known(VlanMode.Access, vlan.Location);
                a.AccessVlanId = Fact.Known((int)Math.Min(int.MaxValue, Math.Max(int.MinValue, vlan.Value)), vlan.Location);
            }

            vm.NetworkAdapters.Add(a);
        }

        /// <summary>
        /// The boot disk New-VM attaches (IDE 0:0 on Generation 1, SCSI 0:0 on Generation 2): a new VHDX, or a fixed VHD
        /// with use_fixed_vhd_format, of disk_size MB; or, where iso_url is a .vhd or .vhdx, a copy of that disk (a
        /// differencing disk on it with differencing_disk). disk_additional_size adds dynamic VHDX disks on SCSI, and
        /// each ISO a DVD drive, in slots Hyper-V chooses.
        /// </summary>
        private void ReadPackerDrives(VirtualMachine vm, JObject o, SourceLocation at, JToken? isoUrl)
        {
            string? media = Text(isoUrl);
            if (!vm.Generation.IsKnown) return;
            bool gen2 = vm.Generation.Value == 2;
            ControllerType bus = gen2 ? ControllerType.Scsi : ControllerType.Ide;
            vm.Drives.MarkKnown(at);
            var boot = new Drive
            {
                Location = at,
                Kind = Fact.Known(DriveKind.VirtualHardDisk, at),
                ControllerType = Fact.Known(bus, at),
                ControllerNumber = Fact.Known(0, at),
                ControllerLocation = Fact.Known(0, at),
                IsBootDisk = Fact.Known(true, at),
            };
            if (IsDisk(media))
            {
                boot.Format = Fact.Known(media!.EndsWith(".vhdx", StringComparison.OrdinalIgnoreCase) ? VirtualHardDiskFormat.Vhdx : VirtualHardDiskFormat.Vhd, JsonTokens.Start(_path, isoUrl!));
                Fact<bool> differencing = PackerBool(o, "differencing_disk", false, at);
                if (differencing.IsTrue()) boot.VhdType = Fact.Known(VirtualHardDiskType.Differencing, differencing.Location);
            }
            else
            {
                Fact<bool> fixedVhd = PackerBool(o, "use_fixed_vhd_format", false, at);
                if (fixedVhd.IsKnown)
                {
                    boot.Format = Fact.Known(fixedVhd.Value ? VirtualHardDiskFormat.Vhd : VirtualHardDiskFormat.Vhdx, fixedVhd.Location);
                    boot.VhdType = Fact.Known(fixedVhd.Value ? VirtualHardDiskType.Fixed : VirtualHardDiskType.Dynamic, fixedVhd.Location);
                }

                Fact<long> size = PackerLong(o, "disk_size", 40 * 1024, at);
                if (size.IsKnown) boot.SizeBytes = Fact.Known((size.Value == 0 ? 40 * 1024 : size.Value) * 1024 * 1024, size.Location);
            }

            if (vm.Name.IsKnown) boot.Path = Fact.Known<string?>(vm.Name.Value + (boot.Format.Is(f => f == VirtualHardDiskFormat.Vhd) ? ".vhd" : ".vhdx"), at);
            vm.Drives.Add(boot);

            if (o["disk_additional_size"] is JArray additional)
            {
                foreach (JToken size in additional)
                {
                    SourceLocation where = JsonTokens.Start(_path, size);
                    var disk = new Drive { Location = where, Kind = Fact.Known(DriveKind.VirtualHardDisk, where), ControllerType = Fact.Known(ControllerType.Scsi, where), Format = Fact.Known(VirtualHardDiskFormat.Vhdx, where), VhdType = Fact.Known(VirtualHardDiskType.Dynamic, where) };
                    if (size is JValue value && PackerNumber(value) is long mb && mb >= 0 && mb <= MaxMegabytes) disk.SizeBytes = Fact.Known(mb * 1024 * 1024, where);
                    vm.Drives.Add(disk);
                }
            }

            // The installation ISO (unless it is a disk), each secondary ISO, and the integration services ISO when attached.
            var isos = new List<SourceLocation>();
            if (media != null && !IsDisk(media)) isos.Add(JsonTokens.Start(_path, isoUrl!));
            if (o["secondary_iso_images"] is JArray secondary)
            {
                foreach (JToken image in secondary) isos.Add(JsonTokens.Start(_path, image));
            }

            if (Str(o, "guest_additions_mode") is { IsKnown: true } mode && string.Equals(mode.Value, "attach", StringComparison.OrdinalIgnoreCase)) isos.Add(mode.Location);
            foreach (SourceLocation where in isos) vm.Drives.Add(new Drive { Location = where, Kind = Fact.Known(DriveKind.DvdDrive, where), ControllerType = Fact.Known(bus, where) });
        }

        /// <summary>
        /// The guest an installation ISO installs, from its file name as Microsoft and the distributions name their media
        /// ("en_windows_server_2003_r2_standard_x86_cd1.iso", "ubuntu-22.04.4-live-server-amd64.iso"); null for a name
        /// that names no product (an evaluation ISO's build number), so that no guest rule guesses.
        /// </summary>
        private static GuestOperatingSystem? Guest(string media)
        {
            string file = FileName(media);
            int dot = file.LastIndexOf('.');
            if (dot > 0) file = file.Substring(0, dot);
            GuestOperatingSystem guest = GuestOperatingSystem.Parse(file);
            return guest.Product == GuestProduct.Unrecognised ? null : guest;
        }

        /// <summary>The installation medium: iso_url, or the first of iso_urls (the others are mirrors of it).</summary>
        private static JToken? Media(JObject o) => o["iso_url"] ?? First(o["iso_urls"] as JArray);

        /// <summary>Whether the medium is a virtual hard disk, which the builder copies as the boot disk instead of making one.</summary>
        private static bool IsDisk(string? media)
        {
            string extension = media == null ? string.Empty : System.IO.Path.GetExtension(FileName(media));
            return string.Equals(extension, ".vhd", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".vhdx", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The last segment of a path or URL, without a query.</summary>
        private static string FileName(string media)
        {
            string s = media;
            int query = s.IndexOfAny(new[] { '?', '#' });
            if (query >= 0) s = s.Substring(0, query);
            return s.Substring(s.LastIndexOfAny(new[] { '/', '\\' }) + 1);
        }

        private const long MaxMegabytes = long.MaxValue / (1024 * 1024);

        /// <summary>A number as Packer decodes it: a number, or a string of one ("2" from a variable).</summary>
        private static long? PackerNumber(JValue v)
        {
            if (v.Value is long whole) return whole;
            if (v.Value is double d && d == Math.Floor(d) && Math.Abs(d) < long.MaxValue) return (long)d;
            if (v.Type == JTokenType.String && long.TryParse(((string)v!).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed)) return parsed;
            return null;
        }

        /// <summary>A whole-number setting: its value; the builder's default where the template leaves it out; unknown where a template could not be resolved or "" (Packer's unset).</summary>
        private Fact<long> PackerLong(JObject o, string name, long? absent, SourceLocation at)
        {
            JToken? t = o[name];
            if (t == null) return absent is long d ? Fact.Known(d, at) : Fact<long>.Unknown;
            if (t.Type == JTokenType.Null || (t.Type == JTokenType.String && ((string)t!).Trim().Length == 0)) return Fact<long>.Unknown;
            // The builder's numbers are unsigned, and megabytes must still be bytes in a long.
            if (t is JValue v && PackerNumber(v) is long n && n >= 0 && n <= MaxMegabytes) return Fact.Known(n, JsonTokens.Start(_path, t));
            WrongType(t, name, "a whole number from 0 to " + MaxMegabytes.ToString(CultureInfo.InvariantCulture));
            return Fact<long>.Unknown;
        }

        /// <summary>A bool setting: true or false, or a string Packer decodes as one ("true", "1").</summary>
        private Fact<bool> PackerBool(JObject o, string name, bool? absent, SourceLocation at)
        {
            JToken? t = o[name];
            if (t == null) return absent is bool d ? Fact.Known(d, at) : Fact<bool>.Unknown;
            if (t.Type == JTokenType.Null) return Fact<bool>.Unknown;
            if (t.Type == JTokenType.Boolean) return Fact.Known((bool)t, JsonTokens.Start(_path, t));
            if (t.Type == JTokenType.String)
            {
                string s = ((string)t!).Trim();
                if (s == "1" || string.Equals(s, "true", StringComparison.OrdinalIgnoreCase)) return Fact.Known(true, JsonTokens.Start(_path, t));
                if (s == "0" || string.Equals(s, "false", StringComparison.OrdinalIgnoreCase)) return Fact.Known(false, JsonTokens.Start(_path, t));
            }

            WrongType(t, name, "true or false");
            return Fact<bool>.Unknown;
        }
    }
}
