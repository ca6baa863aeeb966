using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using HvLint.Model;
using HvLint.Profiles;
using HvLint.Rules;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HvLint.Readers.Terraform
{
    /// <summary>
    /// `terraform show -json` of a plan or a state, and configurations in Terraform's JSON syntax (`*.tf.json`): the
    /// values of the Hyper-V provider's (taliesins/hyperv) `hyperv_machine_instance` resources, in the root module and
    /// every child module, and its `hyperv_network_switch` resources on the host the provider manages. A plan's
    /// `planned_values` are what apply will create; a state's `values` what it did. Values known only after apply
    /// are absent from the JSON and stay unknown. Attribute names and values are the provider's schema
    /// (docs/resources/machine_instance.md of taliesins/terraform-provider-hyperv; hyperv-facts.md §6e);
    /// the format is Terraform's "JSON Output Format" (format_version 1.x). The same folder modules carry Packer
    /// templates' Hyper-V sources, which PackerSources.cs reads.
    /// </summary>
    public sealed partial class TerraformReader
    {
        /// <summary>
        /// A Terraform JSON document's first properties: what detection looks for. `terraform show -json` begins with
        /// format_version and terraform_version; a configuration file in JSON syntax has only the top-level keys
        /// Terraform's JSON syntax defines, among them one that only Terraform writes (data or output alone are
        /// common in other JSON too).
        /// </summary>
        public static bool IsTerraformJson(ICollection<string> topLevelNames)
        {
            if (topLevelNames.Contains("format_version") && topLevelNames.Contains("terraform_version")) return true;
            bool distinctive = false;
            foreach (string name in topLevelNames)
            {
                if (Array.IndexOf(ConfigurationKeys, name) < 0) return false;
                distinctive |= name == "resource" || name == "variable" || name == "locals" || name == "provider" || name == "terraform" || name == "module";
            }

            return distinctive;
        }

        /// <summary>The top-level keys of Terraform's JSON configuration syntax ("//" is its comment).</summary>
        private static readonly string[] ConfigurationKeys = { "//", "terraform", "provider", "variable", "locals", "output", "module", "resource", "data", "moved", "import", "check", "removed" };

        private const string MachineInstance = "hyperv_machine_instance";

        private const string NetworkSwitch = "hyperv_network_switch";

        /// <summary>The provider's value for "no pass-through disk" in hard_disk_drives.disk_number.</summary>
        private const long NoDiskNumber = 4294967295;

        /// <summary>One plan, state or configuration: the values of its VMs and switches, and its provider configurations.</summary>
        private sealed class Plan
        {
            public Plan(string path, JObject document)
            {
                Path = path;
                Document = document;
            }

            public string Path { get; }

            public JObject Document { get; }

            /// <summary>Each VM's values and the file they are in (a configuration's module spans its folder's files).</summary>
            public List<Planned> Machines { get; } = new List<Planned>();

            public List<Planned> Switches { get; } = new List<Planned>();

            /// <summary>The Packer sources (or legacy builders) of Hyper-V images the document or module defines.</summary>
            public List<PackerSource> Sources { get; } = new List<PackerSource>();

            /// <summary>
            /// The document's Hyper-V provider configurations by alias ("" for the one without), each with its host where
            /// that is a constant. Each configuration is one host; an alias configured twice (which Terraform refuses) is none.
            /// </summary>
            public Dictionary<string, List<JToken?>> Providers { get; } = new Dictionary<string, List<JToken?>>(StringComparer.Ordinal);

            public void AddProvider(string alias, JToken? host)
            {
                if (!Providers.TryGetValue(alias, out var hosts)) Providers[alias] = hosts = new List<JToken?>();
                hosts.Add(host);
            }
        }

        /// <summary>A resource of a plan: the file it is written in, its values, and the alias of the provider configuration it uses ("" the default; null where that is not known).</summary>
        private sealed class Planned
        {
            public Planned(string file, JObject values, string? provider, CallDirectives? directives = null)
            {
                File = file;
                Values = values;
                Provider = provider;
                Directives = directives ?? CallDirectives.None;
            }

            public string File { get; }

            public JObject Values { get; }

            public string? Provider { get; }

            /// <summary>The directives of the module calls that make the resource (Directives.cs); its own are in its values.</summary>
            public CallDirectives Directives { get; }
        }

        private readonly List<Plan> _plans = new List<Plan>();

        /// <summary>Configurations (HCL or JSON syntax), by folder: Terraform reads a folder's files as one module.</summary>
        private readonly SortedDictionary<string, List<KeyValuePair<string, JObject>>> _modules = new SortedDictionary<string, List<KeyValuePair<string, JObject>>>(StringComparer.Ordinal);
        /// <summary>Variable definitions files (terraform.tfvars, *.auto.pkrvars.hcl, ...), whose values the module of their folder takes.</summary>
        private readonly List<VariableFile> _variableFiles = new List<VariableFile>();
        private readonly List<KeyValuePair<SourceLocation, string>> _problems = new List<KeyValuePair<SourceLocation, string>>();

        /// <summary>Input variables the environment sets (TF_VAR_name, PKR_VAR_name), taken before the variable definitions files.</summary>
        private readonly IDictionary<string, string> _environment;

        /// <summary>Input variables -var sets (NAME), taken after the variable definitions files.</summary>
        private readonly IDictionary<string, string> _commandLine;

        private IInventoryConsumer? _consumer;
        private string _path = string.Empty;

        /// <param name="environment">Input variables the environment sets, by name (TF_VAR_cpus, PKR_VAR_cpus); none when null.</param>
        /// <param name="commandLine">Input variables -var sets, by name (cpus); none when null.</param>
        public TerraformReader(IDictionary<string, string>? environment = null, IDictionary<string, string>? commandLine = null)
        {
            _environment = environment ?? new Dictionary<string, string>();
            _commandLine = commandLine ?? new Dictionary<string, string>();
        }

        public void Read(string path, TextReader text)
        {
            void Problem(SourceLocation at, string message) => _problems.Add(new KeyValuePair<SourceLocation, string>(at, message));
            string content = text.ReadToEnd();
            bool json = IsJsonSyntax(content);
            if (VariableFiles.Format(path) != null)
            {
                ReadVariableFile(path, content, json, Problem);
                return;
            }

            JObject? document = json ? JsonTokens.Load(path, new StringReader(content), Problem) as JObject : HclDocument.Parse(path, content, Problem);
            if (document == null) return;
            if (json && IsManifestDocument(document))
            {
                ReadModuleManifest(path, document, Problem);
                return;
            }

            if (json && IsLegacyPackerTemplate(document))
            {
                ReadLegacyPackerTemplate(path, document);
                return;
            }

            if (!json || (document["format_version"] == null && document["terraform_version"] == null))
            {
                string folder = FolderOf(path);
                if (!_modules.TryGetValue(folder, out var files)) _modules[folder] = files = new List<KeyValuePair<string, JObject>>();
                files.Add(new KeyValuePair<string, JObject>(path, document));
                return;
            }

            // Terraform promises to change the major version only for changes that are not backward-compatible, and
            // asks readers to refuse a major version they do not know.
            JToken? version = document["format_version"];
            string? versionText = Text(version);
            if (versionText == null || !versionText.StartsWith("1.", StringComparison.Ordinal))
            {
                SourceLocation at = version != null ? JsonTokens.Start(path, version) : JsonTokens.Start(path, document);
                _problems.Add(new KeyValuePair<SourceLocation, string>(at, "Terraform JSON format_version " + (versionText ?? "(missing)") + " is not one HvLint reads (1.x)"));
                return;
            }

            // A plan's planned_values, else a state's values. Anything of another shape than the format's holds no VM.
            var plan = new Plan(path, document);
            if (Child(Child(document, "configuration"), "provider_config") is JObject configs)
            {
                foreach (JProperty config in configs.Properties())
                {
                    // Keys are "hyperv" and "hyperv.ALIAS" for the root module's configurations ("module.NAME:hyperv" for a module's).
                    if (!(config.Value is JObject c) || Text(c["name"]) != "hyperv" || config.Name.Contains(":")) continue;
                    plan.AddProvider(Text(c["alias"]) ?? string.Empty, Child(Child(Child(c, "expressions"), "host"), "constant_value"));
                }
            }

            // Which configuration a root module resource uses; with only one, every resource uses it.
            var configured = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Child(Child(Child(document, "configuration"), "root_module"), "resources") is JArray written)
            {
                foreach (JToken r in written)
                {
                    if (Text(r["address"]) is string address && Text(r["provider_config_key"]) is string key) configured[address] = key;
                }
            }

            string? ProviderOf(JObject resource)
            {
                if (plan.Providers.Count == 1) return plan.Providers.Keys.First();
                string address = Text(resource["address"]) ?? string.Empty;
                int index = address.IndexOf('[');
                return configured.TryGetValue(index < 0 ? address : address.Substring(0, index), out string? key) ? ProviderAlias(key) : null;
            }

            JToken? values = document["planned_values"] ?? document["values"];
            var pending = new Stack<JObject>();
            if (values is JObject v && v["root_module"] is JObject module) pending.Push(module);
            while (pending.Count > 0)
            {
                JObject m = pending.Pop();
                if (m["child_modules"] is JArray children)
                {
                    for (int i = children.Count - 1; i >= 0; i--)
                    {
                        if (children[i] is JObject child) pending.Push(child);
                    }
                }

                if (!(m["resources"] is JArray resources)) continue;
                foreach (JToken r in resources)
                {
                    // A data source describes something that exists already, not what the plan creates.
                    if (!(r is JObject resource) || !(resource["values"] is JObject resourceValues) || (resource["mode"] is JToken mode && Text(mode) != "managed")) continue;
                    string? type = Text(resource["type"]);
                    if (type == MachineInstance) plan.Machines.Add(new Planned(path, resourceValues, ProviderOf(resource)));
                    else if (type == NetworkSwitch) plan.Switches.Add(new Planned(path, resourceValues, ProviderOf(resource)));
                }
            }

            _plans.Add(plan);
        }

        /// <summary>Most instances a literal count or for_each expands to; more are audited as this many, which already shows every finding.</summary>
        private const int MaxInstances = 64;

        /// <summary>
        /// A module in Terraform's JSON syntax (`*.tf.json`, what CDK for Terraform synthesizes, or HCL turned into it): the
        /// files of one folder, each resource's arguments as written, audited before any plan. Strings are templates: a
        /// whole-string `${var.NAME}` takes the variable's value (its default, or a variable definitions file's),
        /// `${local.NAME}` the local's value, `${TYPE.NAME.ATTR}` the literal argument of another Hyper-V resource of the
        /// module (`switch_name = "${hyperv_network_switch.lab.name}"`), `${count.index}` the instance's number under a
        /// known count, and `${each.key}`, `${each.value}` and `${each.value.ATTR}` an instance's entry under a for_each
        /// over a known map or set; expressions over them are evaluated where <see cref="HclExpression"/> can, and are
        /// unknown otherwise.
        /// </summary>
        private Plan ReadModule(string folder, List<KeyValuePair<string, JObject>> files)
        {
            var plan = new Plan(files[0].Key, files[0].Value);
            ReadModuleInto(plan, folder, files, inputs: null, provider: alias => alias, root: folder, address: string.Empty);
            return plan;
        }

        /// <summary>The modules being read, caller before callee: a call back into one of them is a cycle, which Terraform refuses and HvLint does not follow.</summary>
        private readonly HashSet<string> _calling = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// One instance of a module into the plan: the root module (<paramref name="inputs"/> null: its variables take
        /// their defaults and the folder's variable definitions files, and its providers and Packer sources count), or a
        /// module a `module` block calls, whose variables take the block's arguments instead (an unknown argument leaving
        /// its variable unknown) and whose resources use the provider configurations the call passes it
        /// (<paramref name="provider"/> turns the module's alias into the root module's). <paramref name="root"/> is the
        /// root module's folder and <paramref name="address"/> the module's address in it ("" the root module itself,
        /// "vm.disk" the call "disk" in the call "vm"), by which terraform init records the modules it installs.
        /// <paramref name="callSite"/>, for a module terraform init installed and the modules it calls, is where the
        /// configuration calls it: the file and the `source` of the module block outside the installed modules.
        /// </summary>
        private void ReadModuleInto(Plan plan, string folder, List<KeyValuePair<string, JObject>> files, Dictionary<string, JToken?>? inputs, Func<string, string?> provider, string root, string address, (string File, JToken Token)? callSite = null, CallDirectives? directives = null)
        {
            directives ??= CallDirectives.None;
            var values = new Dictionary<string, JToken>(StringComparer.Ordinal);
            var types = new Dictionary<string, HclType?>(StringComparer.Ordinal);
            var resources = new Dictionary<string, KeyValuePair<string, JObject>>(StringComparer.Ordinal);
            var expressions = new List<JProperty>();
            foreach (var file in files)
            {
                JObject document = file.Value;
                foreach (JToken declared in Blocks(document["variable"]))
                {
                    foreach (JProperty v in ((JObject)declared).Properties())
                    {
                        JObject? body = First(v.Value) as JObject;
                        types[v.Name] = body != null ? HclType.Parse(Text(body["type"])) : null;
                        // A default is a constant (null included, which is known: the variable is null unless it is set);
                        // evaluated with nothing in scope, as its escapes and arithmetic are Terraform's too.
                        if (body != null && body["default"] is JToken value && Evaluated(value, NothingInScope, NoResource) is JToken constant && Converted(constant, types[v.Name]) is JToken converted) values["var." + v.Name] = converted;
                    }
                }

                foreach (JToken locals in Blocks(document["locals"]))
                {
                    foreach (JProperty l in ((JObject)locals).Properties()) expressions.Add(l);
                }

                foreach (string type in new[] { MachineInstance, NetworkSwitch })
                {
                    if (!(Child(document["resource"], type) is JObject ofType)) continue;
                    foreach (JProperty r in ofType.Properties())
                    {
                        if (First(r.Value) is JObject body) resources[type + "." + r.Name] = new KeyValuePair<string, JObject>(file.Key, body);
                    }
                }
            }

            if (inputs == null)
            {
                bool packer = files.Exists(f => f.Key.EndsWith(".pkr.hcl", StringComparison.Ordinal) || f.Key.EndsWith(".pkr.json", StringComparison.Ordinal));
                SetFromText(_environment, packer ? "PKR_VAR_" : "TF_VAR_", types, values);
                SetVariables(folder, types, values);
                SetFromText(_commandLine, string.Empty, types, values);
            }
            else
            {
                SetInputs(inputs, types, values);
            }

            JObject? Resource(string type, string name) => resources.TryGetValue(type + "." + name, out var r) ? r.Value : null;

            // Locals, once what they use is known; one may use another, so until none is added.
            for (bool added = true; added && expressions.Count > 0;)
            {
                added = false;
                foreach (JProperty l in expressions.ToList())
                {
                    if (!(Evaluated(l.Value, values, Resource) is JToken value)) continue;
                    values["local." + l.Name] = value;
                    expressions.Remove(l);
                    added = true;
                }
            }

            if (inputs == null)
            {
                foreach (var file in files)
                {
                    // "provider": { "hyperv": { ... } }, or an array of configurations (aliases).
                    foreach (JToken config in Blocks(Child(file.Value["provider"], "hyperv")))
                    {
                        JValue? host = null;
                        if (config["host"] is JValue written && written.Type == JTokenType.String && Template(written, values, Resource) is JValue literal && literal.Type == JTokenType.String)
                        {
                            // Found where the provider block names it, even when a variable in another file holds it.
                            host = new JValue(literal);
                            host.AddAnnotation(written);
                            host.AddAnnotation(new JsonTokens.WrittenIn(file.Key));
                        }

                        plan.AddProvider(Text(config["alias"])?.Trim() ?? string.Empty, host);
                    }
                }

                ReadPackerSources(plan, files, values, Resource);
            }

            _calling.Add(folder);
            foreach (var call in ModuleCalls(folder, files))
            {
                string callAddress = address.Length == 0 ? call.Name : address + "." + call.Name;
                string? calledFolder = call.Folder ?? InstalledFolder(root, callAddress);
                if (calledFolder == null || _calling.Contains(calledFolder) || !_modules.TryGetValue(calledFolder, out var called)) continue;
                foreach (Dictionary<string, JToken> instance in Instances(call.Body, values, Resource))
                {
                    var arguments = new Dictionary<string, JToken?>(StringComparer.Ordinal);
                    foreach (JProperty argument in call.Body.Properties())
                    {
                        // A call inside an installed module writes its arguments in no file of the repository: its values
                        // are found at the repository's call (callSite), but for those passed down from it.
                        if (Array.IndexOf(ModuleMetaArguments, argument.Name) < 0) arguments[argument.Name] = callSite == null ? Passed(argument.Value, call.File, instance, Resource) : Evaluated(argument.Value, instance, Resource);
                    }

                    ReadModuleInto(plan, calledFolder, called, arguments, CalledProviders(call.Body, provider), root, callAddress, callSite ?? (call.Folder == null ? (call.File, call.Body["source"] ?? call.Body) : null),
                        callSite == null ? directives.With(call.Body, call.File) : directives);
                }
            }

            _calling.Remove(folder);

            foreach (var r in resources)
            {
                string file = r.Value.Key;
                JObject body = r.Value.Value;
                if (r.Key.StartsWith(NetworkSwitch + ".", StringComparison.Ordinal))
                {
                    plan.Switches.Add(CalledFrom(callSite, new Planned(file, Resolved(body, values, Resource), ProviderOf(body, provider))));
                    continue;
                }

                foreach (Dictionary<string, JToken> instance in Instances(body, values, Resource))
                {
                    plan.Machines.Add(CalledFrom(callSite, new Planned(file, Resolved(WithDynamicBlocks(body, instance, Resource), instance, Resource), ProviderOf(body, provider), directives)));
                }
            }
        }

        /// <summary>
        /// A resource of a module terraform init installed, found where the configuration calls the module: a value the
        /// call passes at its argument (<see cref="Passed"/>), every other value at the call's `source`. The installed
        /// module's files are no file of the repository (a pull request's check could not show a finding there), and the
        /// call is what the configuration can change: its arguments, or the module and version it chooses. Its author's
        /// hvlint-disable comments are left out for the same reason (Directives.cs).
        /// </summary>
        private static Planned CalledFrom((string File, JToken Token)? callSite, Planned resource)
        {
            if (callSite is not (string file, JToken site)) return resource;
            WithoutDirectives(resource.Values);
            foreach (JToken t in resource.Values.DescendantsAndSelf())
            {
                if (IsModuleArgument(t)) continue; // passed by a call in the repository, and found there
                t.RemoveAnnotations<JToken>();
                t.RemoveAnnotations<JsonTokens.WrittenIn>();
                t.AddAnnotation(site);
                t.AddAnnotation(new JsonTokens.WrittenIn(file));
            }

            return new Planned(file, resource.Values, resource.Provider, resource.Directives);
        }

        /// <summary>
        /// A resource's arguments with each `dynamic "LABEL"` block whose for_each is known written out as the LABEL
        /// blocks it makes, after the ones written as such: its `content` once per element, with the iterator (LABEL, or
        /// the one `iterator` names) holding the element's key and value. A dynamic block over anything unknown stays,
        /// and leaves the list of its blocks unknown.
        /// </summary>
        private static JObject WithDynamicBlocks(JObject body, Dictionary<string, JToken> values, Func<string, string, JObject?> resource)
        {
            if (!(body["dynamic"] is JObject))
            {
                return body;
            }

            var copy = (JObject)body.DeepClone();
            var dynamic = (JObject)copy["dynamic"]!;
            foreach (JProperty label in dynamic.Properties().ToList())
            {
                var made = new List<JObject>();
                bool known = true;
                foreach (JObject block in Blocks(label.Value))
                {
                    JToken? collection = block["for_each"] is JValue { Type: JTokenType.String } text ? Whole((string)text!, values, resource) : block["for_each"];
                    string iterator = Text(block["iterator"]) is string named ? named.Trim().TrimStart('$').Trim('{', '}', ' ') : label.Name;
                    if (!(First(block["content"]) is JObject content) || !(collection is JContainer elements) || elements.Count > MaxInstances)
                    {
                        known = false;
                        break;
                    }

                    int index = 0;
                    foreach (JToken element in elements is JObject map ? map.Properties().Select(p => p.Value) : elements.Children())
                    {
                        JToken key = element.Parent is JProperty property ? new JValue(property.Name) : (JToken)new JValue((long)index);
                        index++;
                        var each = new Dictionary<string, JToken>(values, StringComparer.Ordinal) { [iterator + ".key"] = key, [iterator + ".value"] = element };
                        made.Add(Resolved(content, each, resource));
                    }
                }

                if (!known)
                {
                    continue;
                }

                if (!(copy[label.Name] is JArray written))
                {
                    written = new JArray();
                    if (copy[label.Name] is JObject one) written.Add(one);
                    copy[label.Name] = written;
                }

                foreach (JObject block in made) written.Add(block);
                label.Remove();
            }

            if (!dynamic.HasValues) dynamic.Parent!.Remove();
            return copy;
        }

        /// <summary>The alias a provider reference names: `hyperv` (or "hyperv") the default "", `hyperv.ALIAS` ALIAS; null for anything else.</summary>
        private static string? ProviderAlias(string? reference)
        {
            if (reference == null) return null;
            string r = reference.Trim();
            if (r.StartsWith("${", StringComparison.Ordinal) && r.EndsWith("}", StringComparison.Ordinal)) r = r.Substring(2, r.Length - 3).Trim();
            if (r == "hyperv") return string.Empty;
            return r.StartsWith("hyperv.", StringComparison.Ordinal) && r.Length > "hyperv.".Length ? r.Substring("hyperv.".Length) : null;
        }

        /// <summary>The root module's alias of the provider configuration a resource uses: its `provider` argument's, or the default one's.</summary>
        private static string? ProviderOf(JObject resource, Func<string, string?> provider)
        {
            if (resource["provider"] == null) return provider(string.Empty);
            return ProviderAlias(Text(resource["provider"])) is string alias ? provider(alias) : null;
        }

        /// <summary>
        /// Which of its caller's provider configurations a called module's aliases are: those its `providers` map names
        /// (`providers = { hyperv = hyperv.lab }`), or, without the map, the caller's default one for the module's
        /// default; Terraform passes nothing else.
        /// </summary>
        private static Func<string, string?> CalledProviders(JObject call, Func<string, string?> caller)
        {
            JToken? map = call["providers"];
            return alias =>
            {
                if (map == null) return alias.Length == 0 ? caller(string.Empty) : null;
                string? mapped = ProviderAlias(Text(Child(map, alias.Length == 0 ? "hyperv" : "hyperv." + alias)));
                return mapped == null ? null : caller(mapped);
            };
        }

        /// <summary>A resource block's arguments that are Terraform's, not the provider's (dynamic blocks are written out before).</summary>
        private static readonly string[] ResourceMetaArguments = { "count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection" };

        private static readonly Dictionary<string, JToken> NothingInScope = new Dictionary<string, JToken>();

        private static JObject? NoResource(string type, string name) => null;

        /// <summary>A `module` block's arguments that are Terraform's, not the called module's variables.</summary>
        private static readonly string[] ModuleMetaArguments = { "source", "version", "count", "for_each", "providers", "depends_on" };

        /// <summary>Whether a file's text is in Terraform's JSON syntax (a plan, a `*.tf.json`) rather than HCL: it opens an object.</summary>
        private static bool IsJsonSyntax(string content)
        {
            int first = 0;
            while (first < content.Length && (char.IsWhiteSpace(content[first]) || content[first] == '\uFEFF')) first++;
            return first < content.Length && content[first] == '{';
        }

        /// <summary>
        /// The local sources (`./modules/vm`, `../shared`) of the `module` blocks of a configuration file, HCL or JSON
        /// syntax, as written: what the CLI follows to a module outside the paths it was given. None for a file that is
        /// not well-formed (its audit reports why, and its calls are not read), and none from a provisioner's `source`,
        /// a comment or a string that merely looks like a module block.
        /// </summary>
        public static IReadOnlyList<string> LocalModuleSources(string path, string text)
        {
            var sources = new List<string>();
            JObject? document = IsJsonSyntax(text) ? JsonTokens.Load(path, new StringReader(text), (_, _) => { }) as JObject : HclDocument.Parse(path, text, (_, _) => { });
            if (document == null) return sources;
            foreach (var call in ModuleCalls(string.Empty, new List<KeyValuePair<string, JObject>> { new KeyValuePair<string, JObject>(path, document) }))
            {
                if (call.Folder != null && Text(call.Body["source"]) is string source) sources.Add(source);
            }

            return sources;
        }

        /// <summary>
        /// The module blocks of a module's files: each one's name, its block, and, where its `source` is a local path
        /// (`./modules/vm`, `../shared`), the folder it calls, as the reader keys folders. Any other source (the registry,
        /// Git, an archive) has no folder here: only the manifest of what terraform init installed says where it is.
        /// </summary>
        private static IEnumerable<(string Name, string? Folder, JObject Body, string File)> ModuleCalls(string folder, List<KeyValuePair<string, JObject>> files)
        {
            foreach (var file in files)
            {
                foreach (JObject block in Blocks(file.Value["module"]))
                {
                    foreach (JProperty name in block.Properties())
                    {
                        foreach (JObject body in Blocks(name.Value))
                        {
                            string? source = Text(body["source"]);
                            bool local = source != null && (source.StartsWith("./", StringComparison.Ordinal) || source.StartsWith("../", StringComparison.Ordinal));
                            yield return (name.Name, local ? FolderKey(folder.Length == 0 ? source! : folder + "/" + source) : null, body, file.Key);
                        }
                    }
                }
            }
        }

        /// <summary>The folder a file is in, as modules are keyed, whichever separator its path uses.</summary>
        private static string FolderOf(string path) => FolderKey(path.Substring(0, Math.Max(0, path.LastIndexOfAny(new[] { '/', '\\' }))));

        /// <summary>A folder as modules are keyed: forward slashes, `.` and `..` resolved where they can be, no trailing slash.</summary>
        private static string FolderKey(string folder)
        {
            var parts = new List<string>();
            foreach (string part in folder.Replace('\\', '/').Split('/'))
            {
                if (part == "." || (part.Length == 0 && parts.Count > 0)) continue;
                if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != ".." && parts[parts.Count - 1].Length > 0) parts.RemoveAt(parts.Count - 1);
                else parts.Add(part);
            }

            return string.Join("/", parts);
        }

        /// <summary>A called module's variables as its `module` block sets them: a known argument its value, an unknown one no value.</summary>
        private static void SetInputs(Dictionary<string, JToken?> inputs, Dictionary<string, HclType?> types, Dictionary<string, JToken> values)
        {
            foreach (var input in inputs)
            {
                if (!types.TryGetValue(input.Key, out HclType? type)) continue;
                JToken? value = input.Value == null ? null : Converted(input.Value, type) is JToken converted ? KeptWhere(converted, input.Value) : null;
                if (value != null) values["var." + input.Key] = value;
                else values.Remove("var." + input.Key);
            }
        }

        /// <summary>A variable definitions file: its folder, its place in the order files are taken in, and its values.</summary>
        private sealed class VariableFile
        {
            public VariableFile(string path, JObject values)
            {
                Path = path;
                Folder = FolderOf(path);
                Rank = VariableFiles.Rank(path);
                Values = values;
            }

            public string Path { get; }

            public string Folder { get; }

            public int Rank { get; }

            public JObject Values { get; }
        }

        /// <summary>A variable definitions file in HCL (`cpus = 8`) or JSON (`{ "cpus": 8 }`), kept for its folder's module.</summary>
        private void ReadVariableFile(string path, string content, bool json, Action<SourceLocation, string> problem)
        {
            JToken? values = json ? JsonTokens.Load(path, new StringReader(content), problem) : HclDocument.Parse(path, content, problem);
            if (values == null) return;
            if (!(values is JObject o))
            {
                problem(JsonTokens.Start(path, values), "a variable definitions file is one JSON object of variables' values, not a " + values.Type.ToString().ToLowerInvariant());
                return;
            }

            // Terraform and Packer refuse references, function calls and templates here; the variable is then unknown.
            foreach (JProperty p in o.Properties())
            {
                if (p.Value.Type != JTokenType.Null && !Literal(p.Value)) problem(JsonTokens.Start(path, p.Value), "'" + p.Name + "' is set to an expression, not a literal value, which a variable definitions file cannot hold");
            }

            _variableFiles.Add(new VariableFile(path, o));
        }

        /// <summary>
        /// The values the folder's variable definitions files give the module's declared variables, each file in the
        /// order Terraform and Packer take them (<see cref="VariableFiles"/>), so that the last value a variable is given
        /// is its value. A value that is not a literal makes the variable unknown, since it is no longer its default. A
        /// file's value for a variable the module does not declare is left alone, as Terraform does (it warns).
        /// </summary>
        private void SetVariables(string folder, Dictionary<string, HclType?> types, Dictionary<string, JToken> values)
        {
            foreach (VariableFile file in _variableFiles.Where(f => f.Folder == folder).OrderBy(f => f.Rank).ThenBy(f => f.Path, StringComparer.Ordinal))
            {
                foreach (JProperty p in file.Values.Properties())
                {
                    if (!types.TryGetValue(p.Name, out HclType? type)) continue;
                    // Terraform refuses anything but a literal here (the HV9001 above); a literal's escapes are undone as in a default.
                    JToken? value = Literal(p.Value) && Evaluated(p.Value, NothingInScope, NoResource) is JToken constant ? Converted(constant, type) : null;
                    if (value != null) values["var." + p.Name] = value;
                    else values.Remove("var." + p.Name);
                }
            }
        }

        /// <summary>
        /// The values text gives the root module's variables: the environment's TF_VAR_name for a Terraform configuration
        /// or PKR_VAR_name for a Packer template, the lowest of the ways to set a variable, or -var NAME=VALUE, the
        /// highest (developer.hashicorp.com/terraform/language/values/variables, "Variable Definition Precedence"). As in
        /// Terraform, the text is the value of a variable with no type or a string, number or bool type, converted to
        /// it, and HCL for any other type (a list, a map, an object). A value that is not a literal, or that the type
        /// refuses, makes the variable unknown, since it is no longer its default.
        /// </summary>
        private static void SetFromText(IDictionary<string, string> given, string prefix, Dictionary<string, HclType?> types, Dictionary<string, JToken> values)
        {
            if (given.Count == 0) return;
            foreach (KeyValuePair<string, HclType?> declared in types)
            {
                if (!given.TryGetValue(prefix + declared.Key, out string? text)) continue;
                JToken? value;
                if (declared.Value == null || declared.Value.IsPrimitive)
                {
                    value = Converted(new JValue(text), declared.Value);
                }
                else
                {
                    JToken? parsed = HclDocument.Parse(prefix + declared.Key, "value = " + text, (_, _) => { })?["value"];
                    value = parsed != null && Literal(parsed) && Evaluated(parsed, NothingInScope, NoResource) is JToken constant ? Converted(constant, declared.Value) : null;
                }

                if (value != null) values["var." + declared.Key] = value;
                else values.Remove("var." + declared.Key);
            }
        }

        /// <summary>
        /// A value as the variable's type constraint converts it (<see cref="HclType"/>): "8" for a `number` is 8, an
        /// object's attribute left out takes its `optional()` default. Null where Terraform would refuse the value.
        /// </summary>
        private static JToken? Converted(JToken value, HclType? type) => type == null ? value : type.Convert(value);

        /// <summary>Whether a value holds no template anywhere, so that it can stand for what refers to it.</summary>
        private static bool Literal(JToken value)
        {
            if (value.Type == JTokenType.Null) return false;
            if (value is JValue v) return !(v.Type == JTokenType.String && Interpolation.IsMatch((string)v!));
            foreach (JToken t in ((JContainer)value).Descendants())
            {
                if (t.Type == JTokenType.String && Interpolation.IsMatch((string)t!)) return false;
            }

            return true;
        }

        /// <summary>
        /// The values each instance of a resource sees: count.index under a literal count, each.key and each.value
        /// (and each.value.ATTR) under a for_each over a literal map, set or list; one instance with neither when the
        /// count or for_each is unknown, since the arguments are every instance's.
        /// </summary>
        private static IEnumerable<Dictionary<string, JToken>> Instances(JObject body, Dictionary<string, JToken> values, Func<string, string, JObject?> resource)
        {
            JToken? count = body["count"] is JValue c && c.Type == JTokenType.String ? Template(c, values, resource) : body["count"];
            if (count is JValue { Value: long n })
            {
                for (int i = 0; i < Math.Min(n, MaxInstances); i++) yield return new Dictionary<string, JToken>(values, StringComparer.Ordinal) { ["count.index"] = new JValue((long)i) };
                yield break;
            }

            List<KeyValuePair<string, JToken>>? entries = ForEach(body["for_each"], values, resource);
            if (entries == null)
            {
                yield return values;
                yield break;
            }

            // Written out in the block (a map or list, not an expression): each instance's value is found at its entry.
            bool writtenOut = body["for_each"] is JContainer;
            foreach (var entry in entries.Count > MaxInstances ? entries.GetRange(0, MaxInstances) : entries)
            {
                JToken value = writtenOut ? WrittenEntry(entry.Value) : entry.Value;
                var instance = new Dictionary<string, JToken>(values, StringComparer.Ordinal) { ["each.key"] = new JValue(entry.Key), ["each.value"] = value };
                if (value is JObject attributes)
                {
                    foreach (JProperty a in attributes.Properties()) instance["each.value." + a.Name] = a.Value;
                }

                yield return instance;
            }
        }

        /// <summary>
        /// The entries of a for_each: a map (key and value), a set or list of strings (each both key and value), as
        /// written or as an expression gives it (var., local., toset([...]), a conditional between maps); null when it
        /// is unknown or anything else.
        /// </summary>
        private static List<KeyValuePair<string, JToken>>? ForEach(JToken? forEach, Dictionary<string, JToken> values, Func<string, string, JObject?> resource)
        {
            if (forEach is JValue { Type: JTokenType.String } text)
            {
                forEach = Whole((string)text!, values, resource);
                if (forEach == null) return null;
            }

            var entries = new List<KeyValuePair<string, JToken>>();
            if (forEach is JObject map)
            {
                foreach (JProperty p in map.Properties()) entries.Add(new KeyValuePair<string, JToken>(p.Name, p.Value));
            }
            else if (forEach is JArray list)
            {
                foreach (JToken item in list)
                {
                    if (!(item is JValue { Type: JTokenType.String } key)) return null;
                    if (!entries.Exists(e => e.Key == (string)key!)) entries.Add(new KeyValuePair<string, JToken>((string)key!, key));
                }
            }
            else return null;

            return entries;
        }

        /// <summary>A block's bodies: one object, or an array of them (JSON syntax allows either).</summary>
        private static IEnumerable<JObject> Blocks(JToken? block)
        {
            if (block is JObject one) yield return one;
            else if (block is JArray many)
            {
                foreach (JToken t in many)
                {
                    if (t is JObject o) yield return o;
                }
            }
        }

        /// <summary>The folders' modules, read into plans once, before the evidence or the audit needs them.</summary>
        private void ReadModules()
        {
            // A module another module of the input calls is read through its calls, with their arguments, not on its own;
            // so is every module terraform init installed.
            var called = new HashSet<string>(_modules.SelectMany(m => ModuleCalls(m.Key, m.Value)).Select(c => c.Folder).OfType<string>().Concat(InstalledFolders()), StringComparer.Ordinal);
            foreach (var module in _modules)
            {
                if (!called.Contains(module.Key)) _plans.Add(ReadModule(module.Key, module.Value));
            }

            _modules.Clear();
        }

        /// <summary>A copy of a resource's arguments with every string template replaced by its value, or by null where unknown.</summary>
        private static JObject Resolved(JObject body, Dictionary<string, JToken> values, Func<string, string, JObject?> resource)
        {
            var copy = (JObject)body.DeepClone(); // positions are annotations, which the copy keeps
            // Terraform's own arguments say how many instances there are and how they are made, which the instance's
            // values do not need: evaluating a for_each again for every instance it makes cost the time and memory of
            // the whole collection each time.
            foreach (string meta in ResourceMetaArguments) copy.Remove(meta);
            var strings = new List<JValue>();
            foreach (JToken t in copy.DescendantsAndSelf())
            {
                if (t is JValue v && v.Type == JTokenType.String) strings.Add(v);
            }

            foreach (JValue v in strings)
            {
                JToken? value = Template(v, values, resource);
                if (ReferenceEquals(value, v)) continue;
                // The value is found where the template is written: the replacement carries the template's token,
                // whose position JsonTokens.Start reports. A list or object (iso_urls = local.iso_urls) is copied
                // whole, each of its values found there too rather than where the variable or local wrote it. A value
                // a module call passes is found at the call's argument instead, and an instance's each.value at its
                // entry of a for_each the block writes out (ModuleArguments.cs).
                JToken replacement = value is JValue known ? (IsModuleArgument(known) || IsForEachEntry(known) ? known.DeepClone() : new JValue(known)) : value is JContainer container ? container.DeepClone() : JValue.CreateNull();
                foreach (JToken t in replacement is JContainer whole ? whole.DescendantsAndSelf() : new[] { replacement })
                {
                    if (IsModuleArgument(t) || IsForEachEntry(t)) continue;
                    t.RemoveAnnotations<JToken>();
                    t.RemoveAnnotations<JsonTokens.WrittenIn>();
                    t.AddAnnotation(v);
                }

                v.Replace(replacement);
            }

            return copy;
        }

        private static readonly Regex Interpolation = new Regex(@"(?<!\$)\$\{|(?<!%)%\{", RegexOptions.CultureInvariant);

        /// <summary>
        /// The value of a string template: the string itself when it interpolates nothing (escapes `$${` and `%%{`
        /// undone), the value of a template that is one interpolation (a reference, or any expression
        /// <see cref="HclExpression"/> evaluates; null among them), the text of one with text around its interpolations,
        /// or null (unknown) when any of them is unknown.
        /// </summary>
        private static JToken? Template(JValue v, Dictionary<string, JToken> values, Func<string, string, JObject?> resource)
        {
            string s = (string)v!;
            if (!Interpolation.IsMatch(s))
            {
                string text = Unescape(s);
                return text == s ? v : new JValue(text);
            }

            // One interpolation is its value, of whatever type; text around interpolations makes a string of them all.
            if (IsWhole(s)) return Whole(s, values, resource);
            string? interpolated = HclExpression.Interpolate(s, e => HclExpression.Evaluate(e, name => Reference(name, values, resource), t => Template(new JValue(t), values, resource)));
            return interpolated == null ? null : new JValue(interpolated);
        }

        /// <summary>The value of a template that is one interpolation, `${expr}`, objects and lists included; null when unknown or when the string is more than that.</summary>
        private static JToken? Whole(string s, Dictionary<string, JToken> values, Func<string, string, JObject?> resource) =>
            IsWhole(s) ? HclExpression.Evaluate(s.Substring(2, s.Length - 3), name => Reference(name, values, resource), text => Template(new JValue(text), values, resource)) : null;

        private static bool IsWhole(string s) => s.StartsWith("${", StringComparison.Ordinal) && HclExpression.Closing(s, 2) == s.Length - 1;

        /// <summary>What a dotted name refers to: a value the module knows, or a literal argument of one of its Hyper-V resources.</summary>
        private static JToken? Reference(string name, Dictionary<string, JToken> values, Func<string, string, JObject?> resource)
        {
            if (values.TryGetValue(name, out JToken? value)) return value;
            string[] parts = name.Split('.');
            return parts.Length == 3 && (parts[0] == MachineInstance || parts[0] == NetworkSwitch) && resource(parts[0], parts[1]) is JObject target
                && target[parts[2]] is JValue argument && Literal(argument) ? argument : null;
        }

        /// <summary>
        /// A value with every template in it evaluated: a string's value (an object or list where one whole expression
        /// gives one), an object's or list's with each member's; null when any of it is unknown.
        /// </summary>
        private static JToken? Evaluated(JToken value, Dictionary<string, JToken> values, Func<string, string, JObject?> resource)
        {
            if (value is JValue { Type: JTokenType.String } text) return Template(text, values, resource);
            if (!(value is JContainer container)) return value;
            var copy = (JContainer)container.DeepClone();
            foreach (JValue s in copy.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
            {
                JToken? replacement = Evaluated(s, values, resource);
                if (replacement == null) return null;
                if (!ReferenceEquals(replacement, s)) s.Replace(replacement.DeepClone());
            }

            return copy;
        }

        private static string Unescape(string s) => s.Replace("$${", "${").Replace("%%{", "%{");
        private static JToken? Child(JToken? t, string name) => t is JObject o ? o[name] : null;

        private static string? Text(JToken? t) => t != null && t.Type == JTokenType.String ? (string?)t : null;

        /// <summary>What the plans say about the Hyper-V release: Generation 2, Secure Boot templates.</summary>
        public void AddEvidence(ProfileSelector selector)
        {
            ReadModules();
            foreach (Plan plan in _plans)
            {
                foreach (Planned machine in plan.Machines)
                {
                    JObject values = machine.Values;
                    if (values["generation"] is JValue { Value: long g } generation && g == 2)
                    {
                        selector.AddEvidence(new ProfileEvidence(HyperVVersion.V2012R2, "a Generation 2 VM", JsonTokens.Start(machine.File, generation)));
                    }

                    if (First(values["vm_firmware"]) is JObject firmware && Text(firmware["secure_boot_template"]) is string template && template.Trim().Length > 0)
                    {
                        selector.AddEvidence(ProfileEvidence.SecureBootTemplate(JsonTokens.Start(machine.File, firmware["secure_boot_template"]!)));
                    }
                }

                foreach (PackerSource source in plan.Sources) AddPackerEvidence(selector, source);
            }
        }

        public void Complete(IInventoryConsumer consumer)
        {
            _consumer = consumer;
            ReadModules(); // which may find problems too
            foreach (var p in _problems) consumer.OnProblem(ToolDiagnostics.InputUnreadable, p.Key, p.Value);
            foreach (Plan plan in _plans)
            {
                Dictionary<string, Host> hosts = TargetHosts(plan);
                foreach (Planned machine in plan.Machines)
                {
                    _path = machine.File;
                    VirtualMachine vm = ReadMachine(machine.Values);
                    vm.Directives.AddRange(machine.Directives.Block);
                    vm.LineDirectives.AddRange(machine.Directives.Lines);
                    vm.Directives.AddRange(DirectivesOf(machine.Values, machine.File));
                    vm.LineDirectives.AddRange(LineDirectivesOf(machine.Values));
                    if (machine.Provider != null && hosts.TryGetValue(machine.Provider, out Host? host)) host.VirtualMachines.Add(vm);
                    else consumer.OnVirtualMachine(vm);
                }

                foreach (PackerSource source in plan.Sources) consumer.OnVirtualMachine(ReadPackerSource(source));

                foreach (Host host in hosts.Values) consumer.OnHost(host);
            }
        }

        /// <summary>
        /// The hosts the plan's Hyper-V provider configurations manage, one for each alias configured once, with the
        /// switches the plan creates on it, so that a VM on an Internal switch of the plan is HV7001. A configuration
        /// with neither a known host nor a switch of the plan says nothing of a host, and has none; of several, one no
        /// resource of the plan uses has none either. A resource whose
        /// configuration is not known (in a state, which carries no configuration, or a module's resource in a plan with
        /// several) is on no host. The hosts' other switches, adapters and VMs are not in the plan, so their lists stay
        /// unknown.
        /// </summary>
        private Dictionary<string, Host> TargetHosts(Plan plan)
        {
            var hosts = new Dictionary<string, Host>(StringComparer.Ordinal);
            foreach (var provider in plan.Providers)
            {
                if (provider.Value.Count != 1) continue;
                JToken? hostName = provider.Value[0];
                List<Planned> switches = plan.Switches.FindAll(sw => sw.Provider == provider.Key);
                // Of several configurations, only those the plan's resources use are hosts of its.
                bool used = switches.Count > 0 || plan.Machines.Exists(m => m.Provider == provider.Key);
                if ((switches.Count == 0 && hostName == null) || (!used && plan.Providers.Count > 1)) continue;
                var host = new Host { Location = hostName != null ? JsonTokens.Start(plan.Path, hostName) : JsonTokens.Start(plan.Path, plan.Document) };
                if (Text(hostName) is string name && name.Trim().Length > 0) host.Name = Fact.Known(name.Trim(), JsonTokens.Start(plan.Path, hostName!));
                foreach (Planned sw in switches)
                {
                    _path = sw.File;
                    JObject values = sw.Values;
                    var vs = new VirtualSwitch { Location = JsonTokens.Start(sw.File, values) };
                    SetIfKnown(Str(values, "name"), v => vs.Name = v);
                    SetIfKnown(Named(values, "switch_type", EnumNames.SwitchType, "Internal, Private or External"), v => vs.SwitchType = v);
                    SetIfKnown(Bool(values, "allow_management_os"), v => vs.AllowManagementOS = v);
                    host.VirtualSwitches.Add(vs);
                }

                hosts[provider.Key] = host;
            }

            return hosts;
        }

        private VirtualMachine ReadMachine(JObject o)
        {
            var vm = new VirtualMachine { Location = JsonTokens.Start(_path, o) };
            SetIfKnown(Str(o, "name"), v => vm.Name = v);
            SetIfKnown(Long(o, "generation"), v => vm.Generation = Fact.Known((int)v.Value, v.Location));
            SetIfKnown(Long(o, "processor_count"), v => vm.ProcessorCount = v);
            SetIfKnown(Long(o, "memory_startup_bytes"), v => vm.MemoryStartupBytes = v);

            // dynamic_memory and static_memory are two switches for one setting; dynamic_memory decides.
            Fact<bool> dynamic = Bool(o, "dynamic_memory");
            Fact<bool> fixedMemory = Bool(o, "static_memory");
            if (!dynamic.IsKnown && fixedMemory.IsKnown) dynamic = Fact.Known(!fixedMemory.Value, fixedMemory.Location);
            if (dynamic.IsKnown)
            {
                vm.DynamicMemoryEnabled = dynamic;
                if (dynamic.Value)
                {
                    SetIfKnown(Long(o, "memory_minimum_bytes"), v => vm.MemoryMinimumBytes = v);
                    SetIfKnown(Long(o, "memory_maximum_bytes"), v => vm.MemoryMaximumBytes = v);
                }
            }

            SetIfKnown(Named(o, "checkpoint_type", EnumNames.CheckpointType, "Disabled, Standard, Production or ProductionOnly"), v => vm.CheckpointType = v);
            SetIfKnown(Named(o, "state", EnumNames.State, "Running or Off"), v => vm.State = v);
            SetIfKnown(Str(o, "smart_paging_file_path"), v => vm.SmartPagingFilePath = v);
            SetIfKnown(Str(o, "notes"), v => vm.Notes = v);

            if (o["integration_services"] is JObject services)
            {
                foreach (JProperty service in services.Properties())
                {
                    Fact<bool> enabled = BoolValue(service.Value, "integration_services." + service.Name);
                    vm.IntegrationServices.Services.Add(new IntegrationService(Rules.Guest.IntegrationServiceNames.Canonical(service.Name), enabled, enabled.IsKnown ? enabled.Location : JsonTokens.Start(_path, service)));
                }
            }

            if (First(o["vm_firmware"]) is JObject firmware)
            {
                // The provider writes "" for a setting it leaves to Hyper-V: unknown, as New-VM's defaults are not the plan's.
                SetIfKnown(Named(firmware, "enable_secure_boot", OnOff, "On or Off"), v => vm.SecureBootEnabled = v);
                Fact<string> template = Str(firmware, "secure_boot_template");
                if (template.IsKnown) vm.SecureBootTemplate = template;
                else
                {
                    Fact<string> id = Str(firmware, "secure_boot_template_id");
                    if (id.IsKnown && SecureBootTemplates.NameOfId(id.Value) is string named) vm.SecureBootTemplate = Fact.Known(named, id.Location);
                }
            }

            if (First(o["vm_processor"]) is JObject processor) SetIfKnown(Bool(processor, "expose_virtualization_extensions"), v => vm.ExposeVirtualizationExtensions = v);

            // A dynamic block adds instances of the nested block that only evaluation knows: with one, that list is unknown.
            bool Dynamic(string block) => Child(o["dynamic"], block) != null;
            if (o["network_adaptors"] is JArray adapters && !Dynamic("network_adaptors"))
            {
                vm.NetworkAdapters.MarkKnown(JsonTokens.Start(_path, adapters));
                foreach (JToken a in adapters)
                {
                    // management_os configures a host vNIC, not an adapter of this VM.
                    if (a is JObject adapter && !Bool(adapter, "management_os").IsTrue()) vm.NetworkAdapters.Add(ReadAdapter(adapter));
                }
            }

            var drives = new List<Drive>();
            bool drivesKnown = (o["hard_disk_drives"] is JArray || o["dvd_drives"] is JArray) && !Dynamic("hard_disk_drives") && !Dynamic("dvd_drives");
            if (o["hard_disk_drives"] is JArray disks)
            {
                foreach (JToken d in disks)
                {
                    if (d is JObject disk) drives.Add(ReadDrive(disk, DriveKind.VirtualHardDisk, vm.Generation));
                }
            }

            if (o["dvd_drives"] is JArray dvds)
            {
                foreach (JToken d in dvds)
                {
                    if (d is JObject dvd) drives.Add(ReadDrive(dvd, DriveKind.DvdDrive, vm.Generation));
                }
            }

            if (drivesKnown)
            {
                vm.Drives.MarkKnown(JsonTokens.Start(_path, (o["hard_disk_drives"] ?? o["dvd_drives"])!));
                foreach (Drive d in drives) vm.Drives.Add(d);
            }

            return vm;
        }

        private NetworkAdapter ReadAdapter(JObject o)
        {
            var a = new NetworkAdapter { Location = JsonTokens.Start(_path, o) };
            SetIfKnown(Str(o, "name"), v => a.Name = v);
            SetIfKnown(Bool(o, "is_legacy"), v => a.IsLegacy = v);

            // An empty switch_name leaves the adapter connected to no switch.
            if (o["switch_name"] is JToken sw && sw.Type == JTokenType.String)
            {
                string name = ((string)sw!).Trim();
                a.SwitchName = Fact.Known<string?>(name.Length == 0 ? null : name, JsonTokens.Start(_path, sw));
            }

            Fact<bool> dynamicMac = Bool(o, "dynamic_mac_address");
            Fact<string> staticMac = Str(o, "static_mac_address");
            if (dynamicMac.IsKnown) a.StaticMacAddress = Fact.Known(!dynamicMac.Value, dynamicMac.Location);
            if (staticMac.IsKnown && !dynamicMac.IsTrue()) a.MacAddress = staticMac;
            SetIfKnown(Named(o, "mac_address_spoofing", OnOff, "On or Off"), v => a.MacAddressSpoofing = v);

            // vlan_access with vlan_id is access mode on that VLAN; without vlan_access the adapter is untagged.
            Fact<bool> access = Bool(o, "vlan_access");
            if (access.IsKnown)
            {
                a.VlanMode = Fact.Known(access.Value ? VlanMode.Access : VlanMode.Untagged, access.Location);
                if (access.Value) SetIfKnown(Long(o, "vlan_id"), v => a.AccessVlanId = Fact.Known((int)Math.Min(int.MaxValue, Math.Max(int.MinValue, v.Value)), v.Location));
            }

            return a;
        }

        private Drive ReadDrive(JObject o, DriveKind kind, Fact<int> generation)
        {
            var d = new Drive { Location = JsonTokens.Start(_path, o), Kind = Fact.Known(kind, JsonTokens.Start(_path, o)) };
            if (kind == DriveKind.VirtualHardDisk)
            {
                SetIfKnown(Named(o, "controller_type", ControllerTypeName, "Ide or Scsi"), v => d.ControllerType = v);
            }
            else if (generation.IsKnown)
            {
                // dvd_drives has no controller type: the provider adds the drive where the generation has its drives
                // (IDE on Generation 1, SCSI on Generation 2).
                d.ControllerType = Fact.Known(generation.Value == 2 ? ControllerType.Scsi : ControllerType.Ide, d.Location);
            }

            SetIfKnown(Long(o, "controller_number"), v => d.ControllerNumber = Fact.Known((int)v.Value, v.Location));
            SetIfKnown(Long(o, "controller_location"), v => d.ControllerLocation = Fact.Known((int)v.Value, v.Location));
            if (o["path"] is JToken p && p.Type == JTokenType.String)
            {
                string path = ((string)p!).Trim();
                d.Path = Fact.Known<string?>(path.Length == 0 ? null : path, JsonTokens.Start(_path, p));
            }

            if (kind == DriveKind.VirtualHardDisk)
            {
                Fact<long> number = Long(o, "disk_number");
                if (number.IsKnown && number.Value != NoDiskNumber && number.Value >= 0 && number.Value <= int.MaxValue)
                {
                    d.DiskNumber = Fact.Known((int)number.Value, number.Location);
                    d.Kind = Fact.Known(DriveKind.PassThroughDisk, number.Location);
                }

                d.Format = NativeInventoryReader.FormatFromPath(d.Path);
            }

            return d;
        }

        private static JToken? First(JToken? block) => block is JArray list ? (list.Count > 0 ? list[0] : null) : block as JObject;

        private static bool? OnOff(string s) =>
            string.Equals(s, "On", StringComparison.OrdinalIgnoreCase) ? true : string.Equals(s, "Off", StringComparison.OrdinalIgnoreCase) ? false : (bool?)null;

        private static ControllerType? ControllerTypeName(string s) =>
            string.Equals(s, "Ide", StringComparison.OrdinalIgnoreCase) ? ControllerType.Ide : string.Equals(s, "Scsi", StringComparison.OrdinalIgnoreCase) ? ControllerType.Scsi : (ControllerType?)null;

        private static void SetIfKnown<T>(Fact<T> fact, Action<Fact<T>> set)
        {
            if (fact.IsKnown) set(fact);
        }

        /// <summary>A string attribute; "" (the provider's "not set") and null are unknown.</summary>
        private Fact<string> Str(JObject o, string name)
        {
            JToken? t = o[name];
            if (t == null || t.Type == JTokenType.Null) return Fact<string>.Unknown;
            if (t.Type != JTokenType.String)
            {
                WrongType(t, name, "a string");
                return Fact<string>.Unknown;
            }

            string s = ((string)t!).Trim();
            return s.Length == 0 ? Fact<string>.Unknown : Fact.Known(s, JsonTokens.Start(_path, t));
        }

        private Fact<long> Long(JObject o, string name)
        {
            JToken? t = o[name];
            if (t == null || t.Type == JTokenType.Null) return Fact<long>.Unknown;
            if (t is JValue { Value: long whole }) return Fact.Known(whole, JsonTokens.Start(_path, t));
            // A number the configuration wrote as a string ("0") reaches the JSON as Terraform converted it, but a plan
            // of an older Terraform may keep the string.
            if (t.Type == JTokenType.String && long.TryParse(((string)t!).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed)) return Fact.Known(parsed, JsonTokens.Start(_path, t));
            WrongType(t, name, "a whole number");
            return Fact<long>.Unknown;
        }

        private Fact<bool> Bool(JObject o, string name)
        {
            JToken? t = o[name];
            return t == null || t.Type == JTokenType.Null ? Fact<bool>.Unknown : BoolValue(t, name);
        }

        private Fact<bool> BoolValue(JToken t, string name)
        {
            if (t.Type == JTokenType.Boolean) return Fact.Known((bool)t, JsonTokens.Start(_path, t));
            if (t.Type == JTokenType.Null) return Fact<bool>.Unknown;
            WrongType(t, name, "true or false");
            return Fact<bool>.Unknown;
        }

        /// <summary>A string attribute that names one of an enumeration's values; "" is unknown, any other unknown name HV9001.</summary>
        private Fact<T> Named<T>(JObject o, string name, Func<string, T?> parse, string expected)
            where T : struct
        {
            Fact<string> text = Str(o, name);
            if (!text.IsKnown) return Fact<T>.Unknown;
            T? value = parse(text.Value);
            if (value.HasValue) return Fact.Known(value.Value, text.Location);
            _consumer!.OnProblem(ToolDiagnostics.InputUnreadable, text.Location, "'" + name + "': expected " + expected + ", found '" + text.Value + "'");
            return Fact<T>.Unknown;
        }

        private void WrongType(JToken t, string name, string expected) =>
            _consumer!.OnProblem(ToolDiagnostics.InputUnreadable, JsonTokens.Start(_path, t), "'" + name + "': expected " + expected + ", found " + t.ToString(Formatting.None));
    }
}
