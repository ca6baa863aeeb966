using System.Text;
using HvLint.Configuration;
using HvLint.Engine;
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
          hvlint rules [--format text|json]
          hvlint explain HVnnnn
          hvlint --version

        --format auto (the default) writes GitHub Actions annotations when GITHUB_ACTIONS is set, Azure
        Pipelines ones when TF_BUILD is set, and text otherwise.
        PATH is a file (read whatever its name), a folder (walked for the files HvLint reads) or a glob
        (samples/**/*.json). Exit codes: 0 nothing at or above --fail-on (default: warning), 1 findings at
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
    }

    private static int Audit(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var paths = new List<string>();
        string format = "auto", failOn = "warning";
        string? profileId = null, output = null, configPath = null, automationId = null;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            switch (a)
            {
                case "--profile": profileId = Value(args, ref i); break;
                case "--format": format = Value(args, ref i).ToLowerInvariant(); break;
                case "--output": case "-o": output = Value(args, ref i); break;
                case "--fail-on": failOn = Value(args, ref i).ToLowerInvariant(); break;
                case "--config": configPath = Value(args, ref i); break;
                case "--automation-id": automationId = Value(args, ref i); break;
                default:
                    if (a.StartsWith('-') && a.Length > 1) throw new UsageException("unknown option '" + a + "'");
                    paths.Add(a);
                    break;
            }
        }

        if (paths.Count == 0) throw new UsageException("audit needs at least one PATH");
        if (format is not ("auto" or "text" or "json" or "sarif" or "github" or "azure")) throw new UsageException("--format must be auto, text, json, sarif, github or azure");
        if (format == "auto") format = AutoFormat();
        Severity? threshold = failOn switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "info" => Severity.Info,
            "never" => null,
            _ => throw new UsageException("--fail-on must be error, warning, info or never"),
        };

        var options = new AuditOptions();
        if (profileId != null)
        {
            options.Profile = ProfileCatalog.Find(profileId) ?? throw new UsageException("unknown profile '" + profileId + "' (known: " + ProfileCatalog.KnownIds + ")");
        }

        if (configPath != null)
        {
            if (!File.Exists(configPath)) throw new UsageException("configuration file '" + configPath + "' not found");
            HvLintConfiguration config = HvLintConfiguration.Parse(InputFiles.DisplayPath(Path.GetFullPath(configPath)), File.ReadAllText(configPath));
            options.ConfiguredProfile = config.Profile;
            options.ConfigurationSource = config.Source;
            options.Settings = config.Settings;
            foreach (var p in config.Problems) options.ConfigurationProblems.Add(p);
        }

        var missing = new List<string>();
        IReadOnlyList<InputDocument> inputs = InputFiles.Expand(paths, missing);
        foreach (string m in missing) options.ConfigurationProblems.Add(new(SourceLocation.InFile(m), "no such file or folder, and no file matches it as a glob"));

        AuditResult result = Auditor.Run(inputs, options);

        TextWriter target = stdout;
        StreamWriter? file = null;
        if (output != null)
        {
            file = new StreamWriter(output, false, new UTF8Encoding(false));
            target = file;
        }

        try
        {
            switch (format)
            {
                case "json": JsonReporter.Write(target, result); break;
                case "sarif": SarifReporter.Write(target, result, automationId); break;
                case "github": CiAnnotationReporter.WriteGitHub(target, result); break;
                case "azure": CiAnnotationReporter.WriteAzure(target, result); break;
                default: TextReporter.Write(target, result); break;
            }
        }
        finally
        {
            file?.Dispose();
        }

        if (output != null || format is "json" or "sarif")
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

    private static int ListRules(string[] args, TextWriter stdout)
    {
        string format = "text";
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--format") format = Value(args, ref i).ToLowerInvariant();
            else throw new UsageException("unknown option '" + args[i] + "'");
        }

        if (format == "json")
        {
            using var w = new Newtonsoft.Json.JsonTextWriter(stdout) { Formatting = Newtonsoft.Json.Formatting.Indented, CloseOutput = false };
            w.WriteStartArray();
            foreach (RuleDescriptor d in RuleCatalog.Descriptors)
            {
                w.WriteStartObject();
                w.WritePropertyName("id"); w.WriteValue(d.Id);
                w.WritePropertyName("name"); w.WriteValue(d.Name);
                w.WritePropertyName("title"); w.WriteValue(d.Title);
                w.WritePropertyName("category"); w.WriteValue(d.Category.ToString());
                w.WritePropertyName("defaultSeverity"); w.WriteValue(SeverityNames.Text(d.DefaultSeverity));
                w.WritePropertyName("description"); w.WriteValue(d.Description);
                w.WritePropertyName("helpUri"); w.WriteValue(d.HelpUri);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.Flush();
            stdout.WriteLine();
            return ExitClean;
        }

        if (format != "text") throw new UsageException("--format must be text or json");
        foreach (RuleDescriptor d in RuleCatalog.Descriptors)
        {
            stdout.WriteLine($"{d.Id}  {SeverityNames.Text(d.DefaultSeverity),-7}  {d.Category,-12}  {d.Title}");
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

    private sealed class UsageException(string message) : Exception(message);
}
