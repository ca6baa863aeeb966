using System.Text;
using HvLint.Analyzers;
using HvLint.Configuration;
using HvLint.Engine;
using HvLint.Packs;
using HvLint.Model;
using HvLint.Profiles;
using HvLint.Reporting;
using HvLint.Rules;

namespace HvLint.Cli;

/// <summary>The `hvlint` command: audit, rules, explain. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 incomplete or usage error.</summary>
public static class CommandLine
{
    public const int ExitClean = 0;
    public const int ExitFindings = 1;
    public const int ExitIncomplete = 2;

    private const string Usage = """
        Usage:
          hvlint audit PATH... [--profile ID] [--format auto|text|json|sarif|github|azure] [--output FILE]
                               [--fail-on error|warning|info|never] [--config FILE]
                               [--automation-id ID]   (SARIF runs[0].automationDetails.id)
                               [--baseline FILE] [--include-suppressed] [--pack FILE]...
                               [--var NAME=VALUE]...  (Terraform's and Packer's -var)
                               [--stdin-filename NAME]   (the name of the input PATH - reads)
          hvlint baseline create PATH... [--output FILE]   (default hvlint.baseline.json)
          hvlint init [FOLDER]          writes a commented hvlint.json
          hvlint config [PATH]          the effective configuration and where each value comes from
          hvlint rules [--format text|json] [--pack FILE]... [--config FILE]
          hvlint explain HVnnnn
          hvlint --version

        --format auto (the default) writes GitHub Actions annotations when GITHUB_ACTIONS is set, Azure
        Pipelines ones when TF_BUILD is set, and text otherwise.
        PATH is a file (read whatever its name), a folder (walked for the files HvLint reads), a glob
        (samples/**/*.json) or - for standard input (Get-VM | ConvertTo-Json | hvlint audit -). Exit codes: 0 nothing at or above --fail-on (default: warning), 1 findings at
        or above it, 2 the run was incomplete (unreadable input, bad configuration, usage error).
        Profiles: hyperv-2008, hyperv-2008r2, hyperv-2012, hyperv-2012r2, hyperv-2016, hyperv-2019,
        hyperv-2022, hyperv-2025.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? ExitIncomplete : ExitClean;
        }

        if (args[0] is "--version" or "version")
        {
            stdout.WriteLine(ToolInfo.Name + " " + ToolInfo.Version);
            return ExitClean;
        }

        try
        {
            return args[0] switch
            {
                "audit" => Audit(args.AsSpan(1).ToArray(), stdout, stderr),
                "baseline" => Baseline(args.AsSpan(1).ToArray(), stdout, stderr),
                "init" => Init(args.AsSpan(1).ToArray(), stdout),
                "config" => ShowConfiguration(args.AsSpan(1).ToArray(), stdout),
                "rules" => ListRules(args.AsSpan(1).ToArray(), stdout),
                "explain" => Explain(args.AsSpan(1).ToArray(), stdout),
                _ => throw new UsageException("unknown command '" + args[0] + "'"),
            };
        }
        catch (UsageException ex)
        {
            stderr.WriteLine("hvlint: " + ex.Message);
            stderr.WriteLine("Run 'hvlint --help' for usage.");
            return ExitIncomplete;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An output or configuration file that cannot be read or written: a message, not a stack trace.
            stderr.WriteLine("hvlint: " + ex.Message);
            return ExitIncomplete;
        }
    }

    /// <summary>What `audit` and `baseline create` share: paths and the options that shape an audit.</summary>
    private sealed class AuditRequest
    {
        public List<string> Paths { get; } = new();
        public string Format { get; set; } = "auto";
        public string FailOn { get; set; } = "warning";
        public string? ProfileId { get; set; }
        public string? Output { get; set; }
        public string? ConfigPath { get; set; }
        public string? AutomationId { get; set; }
        public string? BaselinePath { get; set; }
        public bool IncludeSuppressed { get; set; }
        public List<string> PackPaths { get; } = new();

        /// <summary>The name the input read from standard input (PATH -) goes by: in findings, and for its format and folder.</summary>
        public string StdinName { get; set; } = "stdin";

        /// <summary>--var NAME=VALUE, in the order given: a later one for the same name wins, as with -var.</summary>
        public List<KeyValuePair<string, string>> Variables { get; } = new();
    }

    private static AuditRequest ParseAuditArguments(string[] args, bool forBaseline)
    {
        var r = new AuditRequest();
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            switch (a)
            {
                case "--profile": r.ProfileId = Value(args, ref i); break;
                case "--output": case "-o": r.Output = Value(args, ref i); break;
                case "--config": r.ConfigPath = Value(args, ref i); break;
                case "--pack": r.PackPaths.Add(Value(args, ref i)); break;
                case "--stdin-filename": r.StdinName = Value(args, ref i); break;
                case "--var":
                    string variable = Value(args, ref i);
                    int equals = variable.IndexOf('=');
                    if (equals <= 0) throw new UsageException("--var takes NAME=VALUE, as Terraform's and Packer's -var do, not '" + variable + "'");
                    r.Variables.Add(new(variable.Substring(0, equals), variable.Substring(equals + 1)));
                    break;
                case "--format" when !forBaseline: r.Format = Value(args, ref i).ToLowerInvariant(); break;
                case "--fail-on" when !forBaseline: r.FailOn = Value(args, ref i).ToLowerInvariant(); break;
                case "--automation-id" when !forBaseline: r.AutomationId = Value(args, ref i); break;
                case "--baseline" when !forBaseline: r.BaselinePath = Value(args, ref i); break;
                case "--include-suppressed" when !forBaseline: r.IncludeSuppressed = true; break;
                default:
                    if (a.StartsWith('-') && a.Length > 1) throw new UsageException("unknown option '" + a + "'");
                    r.Paths.Add(a);
                    break;
            }
        }

        if (r.Paths.Count == 0) throw new UsageException((forBaseline ? "baseline create" : "audit") + " needs at least one PATH");
        return r;
    }

    /// <summary>
    /// The configuration, in the documented order: --config, then HVLINT_CONFIG, then hvlint.json in the folder
    /// of the first PATH or the nearest folder above it, then none.
    /// </summary>
    /// <summary>All of standard input as bytes, decoded later as a file is (a byte order mark, else strict UTF-8).</summary>
    private static byte[] ReadStandardInput()
    {
        using Stream input = Console.OpenStandardInput();
        using var bytes = new MemoryStream();
        input.CopyTo(bytes);
        return bytes.ToArray();
    }

    public static string? FindConfiguration(string? flag, IReadOnlyList<string> paths)
    {
        if (flag != null)
        {
            if (!File.Exists(flag)) throw new UsageException("configuration file '" + flag + "' not found");
            return flag;
        }

        string? variable = Environment.GetEnvironmentVariable("HVLINT_CONFIG");
        if (!string.IsNullOrEmpty(variable))
        {
            if (!File.Exists(variable)) throw new UsageException("configuration file '" + variable + "' (HVLINT_CONFIG) not found");
            return variable;
        }

        string first = paths.Count > 0 ? paths[0] : ".";
        string start = Directory.Exists(first) ? first : File.Exists(first) ? Path.GetDirectoryName(Path.GetFullPath(first))! : Directory.GetCurrentDirectory();
        for (DirectoryInfo? dir = new(Path.GetFullPath(start)); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "hvlint.json");
            if (File.Exists(candidate)) return candidate;
            // A repository's root is as far as a configuration is looked for.
            if (Directory.Exists(Path.Combine(dir.FullName, ".git"))) break;
        }

        return null;
    }

    private static (AuditOptions Options, IReadOnlyList<InputDocument> Inputs, HvLintConfiguration? Config) Prepare(AuditRequest r)
    {
        var options = new AuditOptions();
        // Terraform's and Packer's input variables set in the environment, as a pipeline that runs them sets them.
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            if (e.Key is string name && e.Value is string value && (name.StartsWith("TF_VAR_", StringComparison.Ordinal) || name.StartsWith("PKR_VAR_", StringComparison.Ordinal))) options.EnvironmentVariables[name] = value;
        }

        foreach (KeyValuePair<string, string> v in r.Variables) options.CommandLineVariables[v.Key] = v.Value;

        if (r.ProfileId != null)
        {
            options.Profile = ProfileCatalog.Find(r.ProfileId) ?? throw new UsageException("unknown profile '" + r.ProfileId + "' (known: " + ProfileCatalog.KnownIds + ")");
        }

        var packIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string packPath in r.PackPaths)
        {
            if (!File.Exists(packPath)) throw new UsageException("rule pack '" + packPath + "' not found");
            options.Packs.Add(RulePack.Parse(InputFiles.DisplayPath(Path.GetFullPath(packPath)), File.ReadAllText(packPath), packIds));
        }

        HvLintConfiguration? config = null;
        string? configPath = FindConfiguration(r.ConfigPath, r.Paths);
        if (configPath != null)
        {
            config = LoadConfiguration(configPath, options.Packs, packIds);
            foreach (RulePack pack in config.Packs) options.Packs.Add(pack);
            options.ConfiguredProfile = config.Profile;
            options.ScriptSinks.AddRange(config.ScriptSinks);
            options.CommandBuilders.AddRange(config.CommandBuilders);
            options.ConfigurationSource = config.Source;
            options.Settings = config.Settings;
            foreach (var p in config.Problems) options.ConfigurationProblems.Add(p);
            foreach (Suppression s in config.Suppressions) options.Suppressions.Add(s);
        }

        var missing = new List<string>();
        var unreadable = new List<(string Folder, string Why)>();
        IReadOnlyList<InputDocument> inputs = InputFiles.Expand(r.Paths, missing, unreadable, new StandardInput(r.StdinName, ReadStandardInput));
        if (config != null && (config.Include.Count > 0 || config.Exclude.Count > 0))
        {
            // Globs are relative to the configuration's folder; a file named on the command line is always read.
            string root = Path.GetDirectoryName(Path.GetFullPath(configPath!))!;
            string Relative(InputDocument i) => Path.GetRelativePath(root, Path.GetFullPath(i.Path));
            inputs = inputs.Where(i => i.NamedExplicitly
                || ((config.Include.Count == 0 || config.Include.Any(g => Glob.IsMatch(g, Relative(i), isPath: true)))
                    && !config.Exclude.Any(g => Glob.IsMatch(g, Relative(i), isPath: true)))).ToList();
        }

        foreach (string m in missing) options.ConfigurationProblems.Add(new(SourceLocation.InFile(m), "no such file or folder, and no file matches it as a glob"));
        foreach ((string folder, string why) in unreadable) options.InputProblems.Add(new(SourceLocation.InFile(InputFiles.DisplayPath(folder)), "the folder could not be read: " + why));

        // C# and PowerShell scripts go to the analyzers; everything else to the readers.
        static bool IsCode(InputDocument i) => i.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || PowerShellScriptFileAnalyzer.IsAudited(i.Path);
        var code = new List<(string Path, string Text)>();
        var scripts = new List<(string Path, string Text)>();
        foreach (InputDocument input in inputs.Where(IsCode))
        {
            try
            {
                using TextReader reader = input.Open();
                (PowerShellScriptFileAnalyzer.IsAudited(input.Path) ? scripts : code).Add((input.Path, reader.ReadToEnd()));
            }
            catch (DecoderFallbackException) when (PowerShellScriptFileAnalyzer.IsAudited(input.Path) && AnsiText(input.Path) is string ansi)
            {
                scripts.Add((input.Path, ansi));
            }
            catch (Exception ex) when (ex is IOException or DecoderFallbackException or UnauthorizedAccessException)
            {
                // An input HvLint cannot read (HV9001), as a VM file that is not UTF-8 or UTF-16 is; the rest is audited.
                var at = new SourceLocation(input.Path, 1, 1);
                options.CodeFindings.Add(new Finding(ToolDiagnostics.InputUnreadable, Severity.Error, "the file could not be read as UTF-8 or UTF-16 text: " + ex.Message, at, "code:" + input.Path));
            }
        }

        // Only when there is code: Roslyn is large, and an audit of VM files should not pay for loading it.
        inputs = inputs.Where(i => !IsCode(i)).ToList();
        if (code.Count > 0 || scripts.Count > 0)
        {
            List<(string Path, string Text)> imported = ImportedFiles(scripts, inputs, out HashSet<string> named);
            options.ReadByScripts = path => named.Contains(Path.GetFullPath(path));
            CodeAudit.Run(code, scripts, imported, inputs, options.Profile ?? options.ConfiguredProfile, options);
        }
        return (options, inputs, config);
    }

    /// <summary>
    /// The files the scripts read or run by a path they write out (Import-Csv's CSV, a list of names, a JSON settings
    /// file, a dot-sourced script, an imported module), by the paths the analyzer resolves (relative to each script's
    /// folder), as a build gives it hvlint/**/*.csv, *.txt, *.json, *.ps1 and *.psm1. A dot-sourced script or a module the
    /// audit was not given joins <paramref name="scripts"/>, audited as the scripts are; the others are returned. A file
    /// that does not exist, or cannot be read, is left out: what it holds is then unknown, as it is for a path the script
    /// computes.
    /// </summary>
    /// <param name="inputs">The audit's other inputs, which go to the analyzer anyway (a settings file in the folder walked).</param>
    /// <param name="named">Every existing file the scripts name, as a full path: a walked settings file among them is read, not skipped.</param>
    private static List<(string Path, string Text)> ImportedFiles(List<(string Path, string Text)> scripts, IReadOnlyList<InputDocument> inputs, out HashSet<string> named)
    {
        var files = new List<(string Path, string Text)>();
        StringComparer paths = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        named = new HashSet<string>(paths);
        // What the analyzer has already: the scripts, the other inputs, and each file as it is added.
        var known = new HashSet<string>(scripts.Select(s => Path.GetFullPath(s.Path)).Concat(inputs.Select(i => Path.GetFullPath(i.Path))), paths);
        // A script or module added here is read for its own files too (a dot-sourced script that dot-sources another), with
        // the script that runs it for home: its paths without $PSScriptRoot are relative to that script's folder.
        var homes = new Dictionary<string, string>(paths);
        for (int k = 0; k < scripts.Count; k++)
        {
            (string path, string text) = scripts[k];
            string? home = homes.TryGetValue(Path.GetFullPath(path), out string? runBy) ? runBy : null;
            var pending = new Queue<string>(PowerShellScriptFileAnalyzer.ImportedFiles(path, text, home));
            while (pending.Count > 0)
            {
                string file = pending.Dequeue();
                // A listing (Get-ChildItem "$PSScriptRoot\Public\*.ps1"): the scripts it names, as the analyzer matches them.
                if (file.IndexOf('*') >= 0 || file.IndexOf('?') >= 0)
                {
                    foreach (string listed in Listed(file)) pending.Enqueue(listed);
                    continue;
                }

                if (!File.Exists(file)) continue;
                string full = Path.GetFullPath(file);
                named.Add(full);
                if (!known.Add(full)) continue;
                homes[full] = home ?? path;
                try
                {
                    string content = File.ReadAllText(file);
                    (PowerShellScriptFileAnalyzer.IsAudited(file) ? scripts : files).Add((file, content));

                    // A module manifest (Import-Module .\Modules\LabTools) loads the root module and nested modules it names.
                    if (file.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase))
                    {
                        // Beside the manifest, as it names them: with '\' between folders, which Linux and macOS do not take.
                        if (PowerShellScriptFileAnalyzer.RootModuleOf(file, content) is string root) pending.Enqueue(root.Replace('\\', '/'));
                        foreach (string nested in PowerShellScriptFileAnalyzer.NestedModulesOf(file, content)) pending.Enqueue(nested.Replace('\\', '/'));
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Unreadable: what it holds stays unknown.
                }
            }
        }

        return files;
    }

    /// <summary>
    /// The scripts (.ps1) a listing's pattern names (<see cref="PowerShellScriptFileAnalyzer.MatchesListing"/>): those of its
    /// folder, or below it for -Recurse, whose names match. None where the folder does not exist or cannot be read. A
    /// recursive listing of a large tree (Get-ChildItem C:\ -Recurse) is read no further than <see cref="MaxListed"/>
    /// scripts, past links, so that an audit does not walk a disk.
    /// </summary>
    private const int MaxListed = 1000;

    private static IEnumerable<string> Listed(string pattern)
    {
        (string listedFolder, bool recurse, _, _) = PowerShellScriptFileAnalyzer.ListingParts(pattern);
        string folder = listedFolder.Length == 0 ? "." : listedFolder;
        // A drive's or the file system's root (Get-ChildItem C:\ -Recurse) is the machine's, not the repository's.
        if (!Directory.Exists(folder) || (recurse && Path.GetPathRoot(Path.GetFullPath(folder)) == Path.GetFullPath(folder))) return Array.Empty<string>();
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = recurse, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
            return Directory.EnumerateFiles(folder, "*.ps1", options)
                .Take(MaxListed)
                .Select(f => f.Replace('\\', '/'))
                .Where(f => PowerShellScriptFileAnalyzer.MatchesListing(pattern, PowerShellScriptFileAnalyzer.FullPath(f)))
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>
    /// A script that is not UTF-8 and has no byte order mark, as Windows PowerShell 5.1 reads it: in the system's ANSI
    /// code page, so a script saved that way with an accent in a comment runs there. Windows-1252, as on a US or Western
    /// European host; the tokenizer needs only its ASCII, which every such code page keeps. Null when it cannot be read.
    /// </summary>
    private static string? AnsiText(string path)
    {
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return File.ReadAllText(path, Encoding.GetEncoding(1252));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Parses a configuration, loading the packs it names relative to its own folder.</summary>
    private static HvLintConfiguration LoadConfiguration(string configPath, IEnumerable<RulePack> otherPacks, HashSet<string> packIds)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        RulePack? Load(string relative)
        {
            string full = Path.GetFullPath(Path.Combine(folder, relative));
            return File.Exists(full) ? RulePack.Parse(InputFiles.DisplayPath(full), File.ReadAllText(full), packIds) : null;
        }

        return HvLintConfiguration.Parse(InputFiles.DisplayPath(Path.GetFullPath(configPath)), File.ReadAllText(configPath), Load, otherPacks);
    }

    private static int Audit(string[] args, TextWriter stdout, TextWriter stderr)
    {
        AuditRequest r = ParseAuditArguments(args, forBaseline: false);
        if (r.Format is not ("auto" or "text" or "json" or "sarif" or "github" or "azure")) throw new UsageException("--format must be auto, text, json, sarif, github or azure");
        string format = r.Format == "auto" ? AutoFormat() : r.Format;
        Severity? threshold = r.FailOn switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "info" => Severity.Info,
            "never" => null,
            _ => throw new UsageException("--fail-on must be error, warning, info or never"),
        };

        var (options, inputs, _) = Prepare(r);
        if (inputs.Count > ProgressThreshold && !Console.IsErrorRedirected)
        {
            // Large audits say they are alive; the line is overwritten and cleared at the end.
            options.Progress = (done, total) =>
            {
                if (done % 50 == 0 || done == total) stderr.Write("\rhvlint: " + done.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + total.ToString(System.Globalization.CultureInfo.InvariantCulture) + " files" + (done == total ? "\r                              \r" : string.Empty));
            };
        }

        if (r.BaselinePath != null) options.Baseline = BaselineFile.Read(r.BaselinePath, options.ConfigurationProblems);
        AuditResult result = Auditor.Run(inputs, options);

        TextWriter target = stdout;
        StreamWriter? file = null;
        if (r.Output != null)
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(r.Output));
            if (folder != null) Directory.CreateDirectory(folder);
            file = new StreamWriter(r.Output, false, new UTF8Encoding(false));
            target = file;
        }

        try
        {
            switch (format)
            {
                case "json": JsonReporter.Write(target, result); break;
                case "sarif": SarifReporter.Write(target, result, r.AutomationId, r.IncludeSuppressed); break;
                case "github": CiAnnotationReporter.WriteGitHub(target, result); break;
                case "azure": CiAnnotationReporter.WriteAzure(target, result); break;
                default:
                    if (TerminalReporter.ShouldUse(r.Output)) TerminalReporter.Write(target, result, TerminalReporter.ReadLines);
                    else TextReporter.Write(target, result);
                    break;
            }
        }
        finally
        {
            file?.Dispose();
        }

        if (r.Output != null || format is "json" or "sarif")
        {
            foreach (string line in TextReporter.Summary(result)) stderr.WriteLine(line);
        }

        if (result.Incomplete) return ExitIncomplete;
        if (threshold == null) return ExitClean;
        foreach (Finding f in result.Findings)
        {
            if (f.Severity >= threshold.Value) return ExitFindings;
        }

        return ExitClean;
    }

    private const int ProgressThreshold = 300;

    private static int Baseline(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "create") throw new UsageException("usage: hvlint baseline create PATH... [--output FILE]");
        AuditRequest r = ParseAuditArguments(args.AsSpan(1).ToArray(), forBaseline: true);
        var (options, inputs, _) = Prepare(r);
        AuditResult result = Auditor.Run(inputs, options);
        string path = r.Output ?? BaselineFile.DefaultName;
        BaselineFile.Write(path, result);
        foreach (string line in TextReporter.Summary(result)) stderr.WriteLine(line);
        stdout.WriteLine("baseline: " + Units.Count(result.Findings.Count(f => !f.RuleId.StartsWith("HV9", StringComparison.Ordinal)), "finding", "findings") + " recorded in " + path);
        return result.Incomplete ? ExitIncomplete : ExitClean;
    }

    private static int Init(string[] args, TextWriter stdout)
    {
        string path = args.Length > 0 ? args[0] : "hvlint.json";
        if (Directory.Exists(path)) path = Path.Combine(path, "hvlint.json");
        if (File.Exists(path)) throw new UsageException("'" + path + "' exists; hvlint init does not overwrite it");
        File.WriteAllText(path, StarterConfiguration, new UTF8Encoding(false));
        stdout.WriteLine("wrote " + path);
        return ExitClean;
    }

    private const string StarterConfiguration = """
        {
          // HvLint configuration. hvlint finds it in the audited folder or the nearest folder above it
          // (or use --config FILE, or the HVLINT_CONFIG variable). Comments are allowed.
          "$schema": "https://github.com/hvlint/hvlint/blob/main/rules/schema/hvlint-config.schema.json",

          // The Hyper-V release to check against: hyperv-2008, hyperv-2008r2, hyperv-2012, hyperv-2012r2,
          // hyperv-2016, hyperv-2019, hyperv-2022, hyperv-2025. Without it, HvLint uses what the inputs say.
          // "profile": "hyperv-2012r2",

          // Rule packs of your own (declarative rules, see rules/packs/README.md), relative to this file.
          "packs": [],

          // Severity per rule: off, info, warning or error. `hvlint rules` lists the rules.
          "rules": {
            // "HV6004": "off"
          },

          // Path globs, relative to this file: what folder walks read (everything when empty) and leave out.
          "include": [],
          "exclude": [],

          // C# inputs: your own methods whose first argument is PowerShell script text, and your own types whose
          // AddCommand/AddParameter build PowerShell commands (a build's analyzers read hvlint.script_sinks and
          // hvlint.command_builders in .editorconfig instead).
          "scriptSinks": [],
          "commandBuilders": [],

          // Findings accepted for a reason. rule and reason are required; vms, hosts and files are globs;
          // after expires (yyyy-MM-dd) the findings are reported again.
          "suppressions": [
            // { "rule": "HV2004", "vms": ["sql*"], "reason": "SAN team owns these LUNs", "expires": "2027-06-30" }
          ]
        }

        """;

    private static int ShowConfiguration(string[] args, TextWriter stdout)
    {
        string? flag = null;
        var paths = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--config") flag = Value(args, ref i);
            else paths.Add(args[i]);
        }

        string? path = FindConfiguration(flag, paths);
        if (path == null)
        {
            stdout.WriteLine("no configuration: defaults apply (profile from the inputs, every rule at its default severity)");
            return ExitClean;
        }

        HvLintConfiguration config = LoadConfiguration(path, Array.Empty<RulePack>(), new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        foreach (RulePack pack in config.Packs) config.Problems.AddRange(pack.Problems);
        string how = flag != null ? "--config" : !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HVLINT_CONFIG")) ? "HVLINT_CONFIG" : "found from " + (paths.Count > 0 ? paths[0] : ".");
        stdout.WriteLine("configuration: " + config.Source + " (" + how + ")");
        foreach (var o in config.Origins) stdout.WriteLine("  " + o.Key + "    [" + o.Value + "]");
        foreach (var p in config.Problems) stdout.WriteLine(p.Key + ": error HV9003: " + p.Value);
        return config.Problems.Count > 0 ? ExitIncomplete : ExitClean;
    }

    private static int ListRules(string[] args, TextWriter stdout)
    {
        string format = "text";
        string? configPath = null;
        var packPaths = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--format") format = Value(args, ref i).ToLowerInvariant();
            else if (args[i] == "--pack") packPaths.Add(Value(args, ref i));
            else if (args[i] == "--config") configPath = Value(args, ref i);
            else throw new UsageException("unknown option '" + args[i] + "'");
        }

        // The catalog, then the rules of the packs given or named by the configuration.
        var descriptors = new List<RuleDescriptor>(RuleCatalog.Descriptors);
        var packIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var packs = new List<RulePack>();
        foreach (string packPath in packPaths)
        {
            if (!File.Exists(packPath)) throw new UsageException("rule pack '" + packPath + "' not found");
            packs.Add(RulePack.Parse(InputFiles.DisplayPath(Path.GetFullPath(packPath)), File.ReadAllText(packPath), packIds));
        }

        string? found = FindConfiguration(configPath, Array.Empty<string>());
        if (found != null) packs.AddRange(LoadConfiguration(found, packs, packIds).Packs);
        foreach (RulePack pack in packs) descriptors.AddRange(pack.Rules.Select(x => x.Descriptor));

        if (format == "json")
        {
            using var w = new Newtonsoft.Json.JsonTextWriter(stdout) { Formatting = Newtonsoft.Json.Formatting.Indented, CloseOutput = false };
            w.WriteStartArray();
            foreach (RuleDescriptor d in descriptors)
            {
                w.WriteStartObject();
                w.WritePropertyName("id"); w.WriteValue(d.Id);
                w.WritePropertyName("name"); w.WriteValue(d.Name);
                w.WritePropertyName("title"); w.WriteValue(d.Title);
                w.WritePropertyName("category"); w.WriteValue(d.Category.ToString());
                w.WritePropertyName("defaultSeverity"); w.WriteValue(SeverityNames.Text(d.DefaultSeverity));
                w.WritePropertyName("description"); w.WriteValue(d.Description);
                w.WritePropertyName("helpUri"); w.WriteValue(d.HelpUri);
                if (d.Pack != null)
                {
                    w.WritePropertyName("pack"); w.WriteValue(d.Pack);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.Flush();
            stdout.WriteLine();
            return ExitClean;
        }

        if (format != "text") throw new UsageException("--format must be text or json");
        foreach (RuleDescriptor d in descriptors)
        {
            stdout.WriteLine($"{d.Id}  {SeverityNames.Text(d.DefaultSeverity),-7}  {(d.Pack != null ? "pack:" + d.Pack : d.Category.ToString()),-12}  {d.Title}");
        }

        return ExitClean;
    }

    private static int Explain(string[] args, TextWriter stdout)
    {
        if (args.Length != 1) throw new UsageException("explain takes one rule ID, e.g. 'hvlint explain HV3002'");
        RuleDescriptor d = RuleCatalog.Find(args[0]) ?? throw new UsageException("unknown rule '" + args[0] + "'; 'hvlint rules' lists them");
        string? page = RulePages.Get(d.Id);
        stdout.Write(page ?? d.Id + " " + d.Title + Environment.NewLine + Environment.NewLine + d.Description + Environment.NewLine);
        return ExitClean;
    }

    /// <summary>The CI runner we are in, from the variables GitHub Actions and Azure Pipelines set.</summary>
    private static string AutoFormat()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase)) return "github";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TF_BUILD"))) return "azure";
        return "text";
    }

    private static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length) throw new UsageException(args[i] + " needs a value");
        return args[++i];
    }

    internal sealed class UsageException(string message) : Exception(message);
}
