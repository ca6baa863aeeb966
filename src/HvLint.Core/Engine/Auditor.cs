using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using HvLint.Model;
using HvLint.Profiles;
using HvLint.Readers;
using HvLint.Readers.Xml;
using System.Xml.Linq;
using HvLint.Rules;

namespace HvLint.Engine
{
    /// <summary>One input: a name to report it by and a way to read its text. Core never opens paths itself.</summary>
    public sealed class InputDocument
    {
        public InputDocument(string path, Func<TextReader> open, bool namedExplicitly)
        {
            Path = path;
            Open = open;
            NamedExplicitly = namedExplicitly;
        }

        /// <summary>How findings name the file (relative, forward slashes).</summary>
        public string Path { get; }

        /// <summary>Opens the text; may throw <see cref="IOException"/> or <see cref="DecoderFallbackException"/>.</summary>
        public Func<TextReader> Open { get; }

        /// <summary>Named by the user (read whatever it is) rather than found in a folder walk (read if recognised).</summary>
        public bool NamedExplicitly { get; }

        public static InputDocument FromText(string path, string text, bool namedExplicitly = true) =>
            new InputDocument(path, () => new StringReader(text), namedExplicitly);
    }

    public sealed class AuditOptions
    {
        public HyperVProfile? Profile { get; set; }

        public HyperVProfile? ConfiguredProfile { get; set; }

        /// <summary>For C# inputs, from the configuration: the user's own script sinks and command builders.</summary>
        public List<string> ScriptSinks { get; } = new List<string>();

        public List<string> CommandBuilders { get; } = new List<string>();

        /// <summary>
        /// Input variables set through the environment, by its names (TF_VAR_cpus for Terraform, PKR_VAR_cpus for Packer):
        /// the CLI passes its own environment's, as Terraform and Packer take them, below any variable definitions file.
        /// </summary>
        public IDictionary<string, string> EnvironmentVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>
        /// Input variables set as `-var NAME=VALUE` sets them for Terraform and Packer (hvlint audit --var): above every
        /// other way, in every root module and template of the run that declares the name.
        /// </summary>
        public IDictionary<string, string> CommandLineVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public string? ConfigurationSource { get; set; }

        public RuleSettings Settings { get; set; } = RuleSettings.Defaults;

        /// <summary>Findings from C# inputs, made by the analyzers outside Core (Core does not host Roslyn).</summary>
        public IList<Finding> CodeFindings { get; } = new List<Finding>();

        /// <summary>How many C# files and scripts those findings come from, with the files the scripts read, for the summary.</summary>
        public int CodeFilesRead { get; set; }

        /// <summary>The VMs the code and scripts the CLI read create or change, counted by name.</summary>
        public int CodeVirtualMachines { get; set; }

        /// <summary>
        /// Whether a script reads the input at a path (its settings file, read with ConvertFrom-Json): such a file is
        /// counted as read, not as skipped, though it describes no VM itself.
        /// </summary>
        public Func<string, bool>? ReadByScripts { get; set; }

        /// <summary>Declarative rule packs whose rules run beside the catalog's.</summary>
        public IList<Packs.RulePack> Packs { get; } = new List<Packs.RulePack>();

        /// <summary>Suppressions from the configuration; the VMs' own Notes add theirs.</summary>
        public IList<Suppression> Suppressions { get; } = new List<Suppression>();

        /// <summary>Called after each input is read with (files done, files to read): progress for long audits.</summary>
        public Action<int, int>? Progress { get; set; }

        /// <summary>
        /// Also handed every host and VM the inputs describe, after it is audited, and the problems the readers meet,
        /// so that a caller that needs the models too reads the inputs once. Rules do not change the models they audit.
        /// </summary>
        public IInventoryConsumer? Observer { get; set; }

        /// <summary>Findings recorded earlier: only findings not in it are reported.</summary>
        public Baseline? Baseline { get; set; }

        /// <summary>The date suppression expiry is judged against (set by tests; the local date otherwise).</summary>
        public DateTime Today { get; set; } = DateTime.Today;

        /// <summary>Problems found in the configuration, reported as HV9003.</summary>
        public IList<KeyValuePair<SourceLocation, string>> ConfigurationProblems { get; } = new List<KeyValuePair<SourceLocation, string>>();

        /// <summary>Inputs found unreadable before the audit (a folder the walk could not list), reported as HV9001.</summary>
        public IList<KeyValuePair<SourceLocation, string>> InputProblems { get; } = new List<KeyValuePair<SourceLocation, string>>();
    }

    public sealed class AuditResult
    {
        internal AuditResult(FindingPartition findings, ProfileChoice profile, int filesRead, IReadOnlyList<string> skipped, int hosts, int vms, IReadOnlyDictionary<string, HyperVProfile> hostProfiles)
        {
            HostProfiles = hostProfiles;
            Findings = findings.Active;
            Suppressed = findings.Suppressed;
            Baselined = findings.Baselined;
            BaselineGone = findings.BaselineGone;
            ExpiredSuppressions = findings.ExpiredSuppressions;
            Profile = profile;
            FilesRead = filesRead;
            SkippedFiles = skipped;
            Hosts = hosts;
            VirtualMachines = vms;
        }

        /// <summary>The findings to report, sorted.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>Findings a suppression matched, each with its <see cref="Finding.Suppression"/>.</summary>
        public IReadOnlyList<Finding> Suppressed { get; }

        /// <summary>VMs checked against the release their configuration version needs, when newer than <see cref="Profile"/>.</summary>
        public IReadOnlyDictionary<string, HyperVProfile> VirtualMachineProfiles { get; internal set; } = new Dictionary<string, HyperVProfile>();

        /// <summary>The rules of the packs that ran, after the catalog's in SARIF's tool.driver.rules.</summary>
        public IReadOnlyList<RuleDescriptor> PackRules { get; internal set; } = new List<RuleDescriptor>();

        /// <summary>The configuration file used, if any.</summary>
        public string? ConfigurationSource { get; internal set; }

        /// <summary>
        /// Code was audited with no profile given (--profile or the configuration): each method and script was checked
        /// against what its own VMs need, not against <see cref="Profile"/>.
        /// </summary>
        public bool CodeChoosesItsProfile { get; internal set; }

        /// <summary>Findings left out because the baseline holds them.</summary>
        public int Baselined { get; }

        /// <summary>Baseline entries that no longer occur.</summary>
        public int BaselineGone { get; }

        /// <summary>Findings reported again because their suppression expired.</summary>
        public int ExpiredSuppressions { get; }

        public ProfileChoice Profile { get; }

        /// <summary>Hosts checked against the release their operating system names, when that differs from <see cref="Profile"/>.</summary>
        public IReadOnlyDictionary<string, HyperVProfile> HostProfiles { get; }

        public int FilesRead { get; }

        /// <summary>Files found in a folder walk that are of no shape HvLint reads.</summary>
        public IReadOnlyList<string> SkippedFiles { get; }

        public int Hosts { get; }

        /// <summary>The VMs of the VM files audited.</summary>
        public int VirtualMachines { get; }

        /// <summary>The VMs the code and scripts audited create or change, counted by name; some may be VMs of the files too.</summary>
        public int CodeVirtualMachines { get; internal set; }

        /// <summary>True when an input or the configuration could not be read: exit code 2.</summary>
        public bool Incomplete
        {
            get
            {
                foreach (Finding f in Findings)
                {
                    if ((f.RuleId == RuleIds.InputUnreadable || f.RuleId == RuleIds.InvalidConfiguration) && f.Severity == Severity.Error) return true;
                }

                return false;
            }
        }
    }

    /// <summary>Reads every input, chooses the profile, runs the catalog, and returns sorted findings.</summary>
    public static class Auditor
    {
        public static AuditResult Run(IReadOnlyList<InputDocument> inputs, AuditOptions options)
        {
            var problems = new List<KeyValuePair<SourceLocation, string>>();
            var skipped = new List<string>();
            List<KeyValuePair<InputDocument, InputFormat>> recognised = Recognise(inputs, problems, skipped);
            int readByScripts = options.ReadByScripts == null ? 0 : skipped.RemoveAll(path => options.ReadByScripts(path));

            // PowerShell exports are joined across files, so they are all read before anything is audited;
            // what they contain is also evidence for the profile.
            var powerShell = new Readers.PowerShell.PowerShellExportReader();
            var cim = new Readers.Cim.CimXmlReader();
            var terraform = new Readers.Terraform.TerraformReader(options.EnvironmentVariables, options.CommandLineVariables);
            var progress = new Progress(recognised.Count, options.Progress);
            int filesRead = ReadJoined(recognised, powerShell, cim, terraform, problems, progress);

            ProfileChoice choice = ChooseProfile(recognised, options, problems, powerShell, cim, terraform);
            var rules = new List<Rule>(RuleCatalog.Rules);
            var packRules = new List<RuleDescriptor>();
            foreach (Packs.RulePack pack in options.Packs)
            {
                foreach (Rule r in pack.Rules)
                {
                    rules.Add(r);
                    packRules.Add(r.Descriptor);
                }
            }

            var session = new AuditSession(choice.Profile, options.Settings, rules, hostsUseTheirOwnRelease: options.Profile == null && options.ConfiguredProfile == null);
            foreach (Packs.RulePack pack in options.Packs)
            {
                foreach (var p in pack.Problems) session.ReportInputProblem(ToolDiagnostics.InvalidConfiguration, p.Key, p.Value);
            }

            foreach (var p in options.InputProblems) session.ReportInputProblem(ToolDiagnostics.InputUnreadable, p.Key, p.Value);
            foreach (var p in problems) session.ReportInputProblem(ToolDiagnostics.InputUnreadable, p.Key, p.Value);
            foreach (var p in options.ConfigurationProblems) session.ReportInputProblem(ToolDiagnostics.InvalidConfiguration, p.Key, p.Value);

            var consumer = new SessionConsumer(session, options.Observer);
            Complete(() => powerShell.Complete(consumer), recognised, consumer, InputFormat.PowerShellJson, InputFormat.PowerShellCliXml, InputFormat.PowerShellCsv);
            Complete(() => cim.Complete(consumer), recognised, consumer, InputFormat.CimXml);
            Complete(() => terraform.Complete(consumer), recognised, consumer, InputFormat.Terraform, InputFormat.Packer);
            filesRead += ReadStreamed(recognised, consumer, progress);

            var all = new List<Finding>(session.Complete());
            if (options.CodeFindings.Count > 0)
            {
                // Findings the analyzers made on C# inputs: suppressions and baselines apply to them too.
                all.AddRange(options.CodeFindings);
                all.Sort();
            }

            var suppressions = new List<Suppression>(options.Suppressions);
            suppressions.AddRange(session.NoteSuppressions);
            FindingPartition partition = FindingPartition.Apply(all, suppressions, options.Baseline, options.Today);
            return new AuditResult(partition, choice, filesRead + options.CodeFilesRead + readByScripts, skipped, session.HostsAudited, session.VirtualMachinesAudited, session.HostProfiles) { ConfigurationSource = options.ConfigurationSource, VirtualMachineProfiles = session.VirtualMachineProfiles, PackRules = packRules, CodeVirtualMachines = options.CodeVirtualMachines, CodeChoosesItsProfile = options.CodeFilesRead > 0 && options.Profile == null && options.ConfiguredProfile == null };
        }

        private static List<KeyValuePair<InputDocument, InputFormat>> Recognise(IReadOnlyList<InputDocument> inputs, List<KeyValuePair<SourceLocation, string>> problems, List<string> skipped)
        {
            var recognised = new List<KeyValuePair<InputDocument, InputFormat>>();
            foreach (InputDocument input in inputs)
            {
                // A variable definitions file is known by its name alone. A walk takes those Terraform or Packer load
                // by themselves; one only -var-file loads (prod.tfvars) is read when it is named, as -var-file names it.
                if (Readers.Terraform.VariableFiles.Format(input.Path) is InputFormat tool && (input.NamedExplicitly || Readers.Terraform.VariableFiles.IsLoadedByTheTool(input.Path)))
                {
                    recognised.Add(new KeyValuePair<InputDocument, InputFormat>(input, tool));
                    continue;
                }

                Detection detection;
                try
                {
                    detection = InputFormatDetector.Detect(ReadHead(input));
                }
                catch (Exception ex) when (IsReadFailure(ex) || IsInternalError(ex))
                {
                    problems.Add(new KeyValuePair<SourceLocation, string>(new SourceLocation(input.Path, 1, 1), Describe(ex)));
                    continue;
                }

                switch (detection.Format)
                {
                    case InputFormat.Unreadable:
                        problems.Add(new KeyValuePair<SourceLocation, string>(new SourceLocation(input.Path, Math.Max(1, detection.Line), Math.Max(1, detection.Column)), detection.Why ?? "unreadable"));
                        break;
                    case InputFormat.Unknown:
                        if (input.NamedExplicitly) problems.Add(new KeyValuePair<SourceLocation, string>(new SourceLocation(input.Path, 1, 1), "unsupported format: " + detection.Why));
                        else skipped.Add(input.Path);
                        break;
                    default:
                        recognised.Add(new KeyValuePair<InputDocument, InputFormat>(input, detection.Format));
                        break;
                }
            }

            return recognised;
        }

        /// <summary>
        /// The formats joined across files (PowerShell exports, CIM-XML, Terraform and Packer modules), and Terraform plans, which are evidence
        /// for the profile: read into their readers, completed later.
        /// </summary>
        private static int ReadJoined(List<KeyValuePair<InputDocument, InputFormat>> recognised, Readers.PowerShell.PowerShellExportReader powerShell, Readers.Cim.CimXmlReader cim, Readers.Terraform.TerraformReader terraform, List<KeyValuePair<SourceLocation, string>> problems, Progress progress)
        {
            int filesRead = 0;
            foreach (var entry in recognised)
            {
                if (!IsJoined(entry.Value)) continue;
                try
                {
                    using (TextReader text = entry.Key.Open())
                    {
                        if (entry.Value == InputFormat.CimXml) cim.Read(entry.Key.Path, text);
                        else if (entry.Value == InputFormat.PowerShellCliXml) powerShell.ReadCliXml(entry.Key.Path, text);
                        else if (entry.Value == InputFormat.PowerShellCsv) powerShell.ReadCsv(entry.Key.Path, text);
                        else if (entry.Value == InputFormat.Terraform || entry.Value == InputFormat.Packer) terraform.Read(entry.Key.Path, text);
                        else powerShell.Read(entry.Key.Path, text);
                    }

                    filesRead++;
                }
                catch (Exception ex) when (IsReadFailure(ex) || IsInternalError(ex))
                {
                    problems.Add(new KeyValuePair<SourceLocation, string>(new SourceLocation(entry.Key.Path, 1, 1), Describe(ex)));
                }

                progress.Step();
            }

            return filesRead;
        }

        private static bool IsJoined(InputFormat format) => format == InputFormat.PowerShellJson || format == InputFormat.PowerShellCliXml || format == InputFormat.PowerShellCsv || format == InputFormat.CimXml || format == InputFormat.Terraform || format == InputFormat.Packer;

        /// <summary>The formats read one file at a time (native inventory, VM configuration XML), straight into the consumer.</summary>
        private static int ReadStreamed(List<KeyValuePair<InputDocument, InputFormat>> recognised, IInventoryConsumer consumer, Progress progress)
        {
            int filesRead = 0;
            foreach (var entry in recognised)
            {
                if (IsJoined(entry.Value)) continue;
                InputDocument input = entry.Key;
                try
                {
                    using (TextReader text = input.Open())
                    {
                        switch (entry.Value)
                        {
                            case InputFormat.NativeInventory:
                                new NativeInventoryReader(consumer).Read(input.Path, text);
                                break;
                            case InputFormat.VmConfigurationXml:
                                XDocument? doc = VmConfigurationXmlReader.Load(input.Path, text, (at, message) => consumer.OnProblem(ToolDiagnostics.InputUnreadable, at, message));
                                if (doc != null) new VmConfigurationXmlReader(consumer).Read(input.Path, doc);
                                break;
                        }
                    }

                    filesRead++;
                }
                catch (Exception ex) when (IsReadFailure(ex) || IsInternalError(ex))
                {
                    consumer.OnProblem(ToolDiagnostics.InputUnreadable, new SourceLocation(input.Path, 1, 1), Describe(ex));
                }

                progress.Step();
            }

            return filesRead;
        }

        /// <summary>Files done out of files to read, for <see cref="AuditOptions.Progress"/>.</summary>
        private sealed class Progress
        {
            private readonly int _total;
            private readonly Action<int, int>? _report;
            private int _done;

            public Progress(int total, Action<int, int>? report)
            {
                _total = total;
                _report = report;
            }

            public void Step() => _report?.Invoke(++_done, _total);
        }

        private static ProfileChoice ChooseProfile(List<KeyValuePair<InputDocument, InputFormat>> recognised, AuditOptions options, List<KeyValuePair<SourceLocation, string>> problems, Readers.PowerShell.PowerShellExportReader powerShell, Readers.Cim.CimXmlReader cim, Readers.Terraform.TerraformReader terraform)
        {
            var selector = new ProfileSelector();
            if (options.Profile == null && options.ConfiguredProfile == null)
            {
                powerShell.AddEvidence(selector);
                cim.AddEvidence(selector);
                terraform.AddEvidence(selector);
                foreach (var entry in recognised)
                {
                    if (entry.Value != InputFormat.VmConfigurationXml) continue;
                    try
                    {
                        using (TextReader text = entry.Key.Open())
                        {
                            XDocument? doc = VmConfigurationXmlReader.Load(entry.Key.Path, text, (at, message) => { });
                            if (doc != null) VmConfigurationXmlReader.AddEvidence(entry.Key.Path, doc, selector);
                        }
                    }
                    catch (Exception ex) when (IsReadFailure(ex) || IsInternalError(ex))
                    {
                        // Reported once, by the audit pass.
                    }
                }

                foreach (var entry in recognised)
                {
                    if (entry.Value != InputFormat.NativeInventory) continue;
                    try
                    {
                        using (TextReader text = entry.Key.Open())
                        {
                            ProfileEvidenceScanner.ScanNativeInventory(entry.Key.Path, text, selector, (at, message) => problems.Add(new KeyValuePair<SourceLocation, string>(at, message)));
                        }
                    }
                    catch (Exception ex) when (IsReadFailure(ex) || IsInternalError(ex))
                    {
                        // Reported once, by the audit pass.
                    }
                }
            }

            return selector.Choose(options.Profile, options.ConfiguredProfile, options.ConfigurationSource);
        }

        private static string ReadHead(InputDocument input)
        {
            using (TextReader text = input.Open())
            {
                var buffer = new char[InputFormatDetector.HeadLength];
                int total = 0;
                while (total < buffer.Length)
                {
                    int n = text.Read(buffer, total, buffer.Length - total);
                    if (n == 0) break;
                    total += n;
                }

                return new string(buffer, 0, total);
            }
        }

        private static bool IsReadFailure(Exception ex) =>
            ex is IOException || ex is DecoderFallbackException || ex is UnauthorizedAccessException;

        /// <summary>
        /// A reader's own failure on input it did not foresee (anything but a read failure, a cancellation or running out
        /// of memory). It is a bug, but one file's bug may not cost the audit of the others: it becomes that file's HV9001,
        /// which says so, and the fuzzing tests fail on that message.
        /// </summary>
        private static bool IsInternalError(Exception ex) => !IsReadFailure(ex) && !(ex is OperationCanceledException) && !(ex is OutOfMemoryException);

        /// <summary>The start of <see cref="Describe"/>'s message for <see cref="IsInternalError"/>, which tests look for.</summary>
        public const string InternalErrorMessage = "HvLint failed on this file (a bug in HvLint; please report it with the file)";

        private static string Describe(Exception ex) =>
            ex is DecoderFallbackException ? "the file is not valid text in its encoding (UTF-8 or UTF-16 with a byte order mark)"
            : IsInternalError(ex) ? InternalErrorMessage + ": " + ex.GetType().Name + ": " + ex.Message
            : "the file could not be read: " + ex.Message;

        /// <summary>
        /// Completes a reader that joins files, reporting a failure of its own (see <see cref="IsInternalError"/>) at the
        /// first of those files: the other formats are still audited.
        /// </summary>
        private static void Complete(Action complete, List<KeyValuePair<InputDocument, InputFormat>> recognised, IInventoryConsumer consumer, params InputFormat[] formats)
        {
            try
            {
                complete();
            }
            catch (Exception ex) when (IsInternalError(ex))
            {
                foreach (var entry in recognised)
                {
                    if (Array.IndexOf(formats, entry.Value) < 0) continue;
                    consumer.OnProblem(ToolDiagnostics.InputUnreadable, new SourceLocation(entry.Key.Path, 1, 1), Describe(ex));
                    return;
                }
            }
        }

        private sealed class SessionConsumer : IInventoryConsumer
        {
            private readonly AuditSession _session;
            private readonly IInventoryConsumer? _observer;

            public SessionConsumer(AuditSession session, IInventoryConsumer? observer)
            {
                _session = session;
                _observer = observer;
            }

            public void OnHost(Host host)
            {
                _session.AuditHost(host);
                _observer?.OnHost(host);
            }

            public void OnVirtualMachine(VirtualMachine vm)
            {
                _session.AuditVirtualMachine(vm);
                _observer?.OnVirtualMachine(vm);
            }

            public void OnProblem(RuleDescriptor descriptor, SourceLocation location, string message)
            {
                _session.ReportInputProblem(descriptor, location, message);
                _observer?.OnProblem(descriptor, location, message);
            }
        }
    }
}
