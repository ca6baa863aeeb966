using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using HvLint.Engine;
using HvLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HvLint.Analyzers
{
    /// <summary>
    /// The project's VM files (AdditionalFiles), read and audited once for a compilation and for later ones with the
    /// same files and profile: the VM file analyzer reports the audit's findings, and provisioning code borrows from
    /// the VMs read what it cannot say itself. A VM
    /// file that describes a VM of the same name gives its guest operating system, template flag, environment, roles
    /// and integration services to the VM the code creates, so rules about the guest (HV3001, HV4002, HV1002, ...)
    /// reach the code that sets the devices and processors.
    /// </summary>
    internal sealed class VmFileFacts
    {
        private static readonly ConditionalWeakTable<Compilation, VmFileFacts> PerCompilation = new ConditionalWeakTable<Compilation, VmFileFacts>();

        // In an IDE every edit of a C# file makes a new compilation, while the project's AdditionalText objects stay
        // the same until a VM file itself changes: the audit of the same files under the same profile is kept with
        // the first file and reused, rather than made again on every keystroke.
        private static readonly ConditionalWeakTable<AdditionalText, VmFileFacts> ByFirstFile = new ConditionalWeakTable<AdditionalText, VmFileFacts>();

        private readonly AnalyzerOptions _options;
        private readonly string _profile;
        private readonly Lazy<FileAudit> _audit;

        private VmFileFacts(AnalyzerOptions options, string profile)
        {
            _options = options;
            _profile = profile;
            // Not a caller's token: the result serves every code block and the compilation's VM file analysis, and
            // a cancelled first reader must not leave the cache holding an exception.
            _audit = new Lazy<FileAudit>(() => FileAudit.Run(_options), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public static VmFileFacts For(Compilation compilation, AnalyzerOptions options) =>
            PerCompilation.GetValue(compilation, _ => Shared(options));

        private static VmFileFacts Shared(AnalyzerOptions options)
        {
            ImmutableArray<AdditionalText> files = options.AdditionalFiles;
            string profile = (AnalyzerSettings.Profile(options, out string? invalid)?.Id ?? string.Empty) + "|" + invalid;
            if (files.IsEmpty) return new VmFileFacts(options, profile);
            lock (ByFirstFile)
            {
                if (ByFirstFile.TryGetValue(files[0], out VmFileFacts? known) && known.Serves(files, profile)) return known;
                var facts = new VmFileFacts(options, profile);
                ByFirstFile.Remove(files[0]);
                ByFirstFile.Add(files[0], facts);
                return facts;
            }
        }

        /// <summary>The same AdditionalText objects, in the same order, under the same profile.</summary>
        private bool Serves(ImmutableArray<AdditionalText> files, string profile)
        {
            ImmutableArray<AdditionalText> mine = _options.AdditionalFiles;
            if (profile != _profile || mine.Length != files.Length) return false;
            for (int i = 0; i < files.Length; i++)
            {
                if (!ReferenceEquals(mine[i], files[i])) return false;
            }

            return true;
        }

        /// <summary>The audit of the VM files, made on first use.</summary>
        public FileAudit Audit => _audit.Value;

        /// <summary>Fills in, on a VM the code defines, the guest facts a VM file of the same name states.</summary>
        public void Describe(VirtualMachine vm)
        {
            if (_options.AdditionalFiles.IsEmpty || !vm.Name.IsKnown || !_audit.Value.ByName.TryGetValue(vm.Name.Value, out VirtualMachine? described)) return;
            if (!vm.GuestOperatingSystem.IsKnown) vm.GuestOperatingSystem = described.GuestOperatingSystem;
            if (!vm.IsTemplate.IsKnown) vm.IsTemplate = described.IsTemplate;
            if (!vm.Environment.IsKnown) vm.Environment = described.Environment;
            foreach (string role in described.Roles) vm.Roles.Add(role);
            IntegrationServices mine = vm.IntegrationServices, theirs = described.IntegrationServices;
            if (!mine.Installed.IsKnown) mine.Installed = theirs.Installed;
            if (!mine.Version.IsKnown) mine.Version = theirs.Version;
            if (!mine.State.IsKnown) mine.State = theirs.State;
        }
    }

    /// <summary>The VM files read with the CLI's readers and audited by its engine: findings, texts for locations, VMs by name.</summary>
    internal sealed class FileAudit : Readers.IInventoryConsumer
    {
        private FileAudit()
        {
        }

        /// <summary>Null when there was nothing to audit.</summary>
        public AuditResult? Result { get; private set; }

        /// <summary>Each file's text by path, to turn a finding's line and column into a location.</summary>
        public Dictionary<string, SourceText> Texts { get; } = new Dictionary<string, SourceText>(StringComparer.Ordinal);

        /// <summary>The VMs described (standalone and on hosts); the first description of a name wins, as files are listed.</summary>
        public Dictionary<string, VirtualMachine> ByName { get; } = new Dictionary<string, VirtualMachine>(StringComparer.OrdinalIgnoreCase);

        public static FileAudit Run(AnalyzerOptions analyzerOptions)
        {
            var audit = new FileAudit();
            ImmutableArray<AdditionalText> files = analyzerOptions.AdditionalFiles;
            if (files.IsEmpty) return audit;

            var packTexts = new List<(string Path, string Content)>();
            List<InputDocument> inputs = VmFiles.Inputs(files, CancellationToken.None, packTexts, audit.Texts);
            var packs = new List<Packs.RulePack>();
            var packIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pack in packTexts) packs.Add(Packs.RulePack.Parse(pack.Path, pack.Content, packIds));
            if (inputs.Count == 0 && packs.Count == 0) return audit;

            var options = new AuditOptions { Profile = AnalyzerSettings.Profile(analyzerOptions, out string? invalid), Observer = audit };
            foreach (Packs.RulePack pack in packs) options.Packs.Add(pack);
            if (invalid != null) options.ConfigurationProblems.Add(new KeyValuePair<SourceLocation, string>(default, "unknown Hyper-V profile '" + invalid + "' in HvLintProfile or hvlint.profile (known: " + Profiles.ProfileCatalog.KnownIds + ")"));
            audit.Result = Auditor.Run(inputs, options);
            return audit;
        }

        void Readers.IInventoryConsumer.OnHost(Host host)
        {
            foreach (VirtualMachine vm in host.VirtualMachines.Items) Add(vm);
        }

        void Readers.IInventoryConsumer.OnVirtualMachine(VirtualMachine vm) => Add(vm);

        void Readers.IInventoryConsumer.OnProblem(Rules.RuleDescriptor descriptor, SourceLocation location, string message)
        {
            // In the audit's findings already (HV9001).
        }

        private void Add(VirtualMachine vm)
        {
            if (vm.Name.IsKnown && !ByName.ContainsKey(vm.Name.Value)) ByName[vm.Name.Value] = vm;
        }
    }

    /// <summary>Which AdditionalFiles are VM files and which are rule packs.</summary>
    internal static class VmFiles
    {
        /// <summary>What a VM file's name ends with: the formats' (Export-Csv's, and Terraform's and Packer's HCL and variable files too).</summary>
        private static readonly string[] Extensions = { ".json", ".xml", ".csv", ".tf", ".tfvars", ".hcl" };

        /// <summary>
        /// The AdditionalFiles of the VM files' kinds as audit inputs; rule packs among them go to <paramref name="packs"/>
        /// (left out when null), texts to <paramref name="texts"/> for locations. Each is taken as a folder walk takes
        /// it, except a *.hvlint.json, which is named for HvLint: so of the variable files only those Terraform and
        /// Packer load by themselves set a module's variables.
        /// </summary>
        public static List<InputDocument> Inputs(ImmutableArray<AdditionalText> files, CancellationToken token, List<(string Path, string Content)>? packs, Dictionary<string, SourceText>? texts)
        {
            var inputs = new List<InputDocument>();
            foreach (AdditionalText file in files)
            {
                string name = Path.GetFileName(file.Path);
                if (Array.FindIndex(Extensions, e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) < 0) continue;
                SourceText? text = file.GetText(token);
                if (text == null) continue;
                if (texts != null) texts[file.Path] = text;
                string content = text.ToString();
                if (IsPack(content))
                {
                    // A rule pack added as an AdditionalFile runs on the VM files beside it.
                    packs?.Add((file.Path, content));
                    continue;
                }

                inputs.Add(new InputDocument(file.Path, () => new StringReader(content), name.EndsWith(".hvlint.json", StringComparison.OrdinalIgnoreCase)));
            }

            return inputs;
        }

        /// <summary>A JSON object with "rules" and no inventory content: a rule pack.</summary>
        private static bool IsPack(string content)
        {
            string head = content.Length > 4096 ? content.Substring(0, 4096) : content;
            return head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith("{", StringComparison.Ordinal)
                && head.IndexOf("\"rules\"", StringComparison.Ordinal) >= 0
                && head.IndexOf("\"virtualMachines\"", StringComparison.OrdinalIgnoreCase) < 0
                && head.IndexOf("\"hosts\"", StringComparison.OrdinalIgnoreCase) < 0;
        }
    }
}
