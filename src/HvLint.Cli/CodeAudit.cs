using System.Collections.Immutable;
using HvLint.Analyzers;
using HvLint.Engine;
using HvLint.Profiles;
using HvLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HvLint.Cli;

/// <summary>
/// C# inputs: compiled in memory against the running framework's assemblies (no project needed; missing
/// references are tolerated, the analyzers then recognise the APIs by name) and run through the same analyzers
/// the build uses; PowerShell scripts and modules go to those analyzers as a build gives them hvlint/**/*.ps1 and *.psm1. Their
/// diagnostics become findings, so suppressions, baselines and every format apply.
/// </summary>
internal static class CodeAudit
{
    /// <param name="vmFiles">The audit's other inputs, given to the analyzers as a build gives them the project's VM
    /// files: a VM file that describes a VM the code creates by the same name supplies its guest.</param>
    /// <param name="imported">Files the scripts read or import (a CSV, a JSON settings file, a module), given to the
    /// analyzers beside them.</param>
    public static void Run(IReadOnlyList<(string Path, string Text)> files, IReadOnlyList<(string Path, string Text)> scripts, IReadOnlyList<(string Path, string Text)> imported, IReadOnlyList<InputDocument> vmFiles, HyperVProfile? profile, AuditOptions options)
    {
        if (files.Count == 0 && scripts.Count == 0) return;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, f.Path)).ToList();
        // Scripts alone need no framework: their analyzer reads no C#.
        var references = files.Count == 0 ? [] : ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("hvlint-audit", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        foreach ((string path, string text) in scripts) AddDirectives(path, text, options);
        var additionalFiles = vmFiles.Select(f => (AdditionalText)new InputText(f)).Concat(scripts.Concat(imported).Select(s => (AdditionalText)new ScriptText(s.Path, s.Text)));
        var settings = new Settings(new Options(profile?.Id, options.ScriptSinks, options.CommandBuilders));
        var analyzerOptions = new AnalyzerOptions(additionalFiles.ToImmutableArray(), settings);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HostedPowerShellAnalyzer(), new WmiAnalyzer(), new PowerShellScriptFileAnalyzer());
        ImmutableArray<Diagnostic> diagnostics = compilation.WithAnalyzers(analyzers, analyzerOptions).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        foreach (Diagnostic d in diagnostics)
        {
            if (d.Id == "AD0001")
            {
                // An analyzer failed on some code: that code was not audited, which the run must say (exit code 2)
                // rather than pass it over in silence; the rest was audited.
                options.CodeFindings.Add(AnalyzerFailure(d, files.Count > 0 ? files[0].Path : scripts[0].Path));
                continue;
            }

            RuleDescriptor? rule = RuleCatalog.Find(d.Id);
            if (rule == null) continue;
            FileLinePositionSpan span = d.Location.GetLineSpan();
            var at = new Model.SourceLocation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
            Model.Severity severity = d.Severity == DiagnosticSeverity.Error ? Model.Severity.Error : d.Severity == DiagnosticSeverity.Warning ? Model.Severity.Warning : Model.Severity.Info;
            severity = options.Settings.Effective(rule, severity);
            if (severity == Model.Severity.None) continue;
            // Identity for baselines and SARIF fingerprints: the VM the message names first, as for every other input
            // ("VM 'web01' has ...", and "New-VM fails for VM 'pxe01': ..." for the provisioning API's own rules).
            string message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            System.Text.RegularExpressions.Match vm = System.Text.RegularExpressions.Regex.Match(message, "\\bVM '([^']+)'");
            options.CodeFindings.Add(new Finding(rule, severity, message, at, vm.Success ? "vm:" + vm.Groups[1].Value : "code:" + message));
        }

        // The files the scripts read besides (a CSV, a list of names) are read too.
        options.CodeFilesRead = files.Count + scripts.Count + imported.Count;
        options.CodeVirtualMachines = settings.VirtualMachines;
    }

    /// <summary>
    /// "# hvlint-disable HV3003: reason" in a script, as suppressions of the run for that script's findings: the analyzer
    /// reports those findings to the CLI (<see cref="AnalyzerSettings.KeepSuppressed"/>), so that they are counted as
    /// suppressed, listed by --include-suppressed and marked in SARIF with the reason, as for every other input.
    /// </summary>
    private static void AddDirectives(string path, string text, AuditOptions options)
    {
        Microsoft.CodeAnalysis.Text.SourceText? lines = null;
        foreach ((int offset, string ruleId, string reason, int start, int end) in PowerShellScriptFileAnalyzer.Directives(text))
        {
            lines ??= Microsoft.CodeAnalysis.Text.SourceText.From(text);
            Microsoft.CodeAnalysis.Text.LinePosition at = lines.Lines.GetLinePosition(offset);
            var suppression = new Engine.Suppression(ruleId, reason, SuppressionKind.InSource, new Model.SourceLocation(path, at.Line + 1, at.Character + 1));
            suppression.Files.Add(path.Replace("*", "?"));
            if (start >= 0)
            {
                // hvlint-disable-next-line: the lines of the statement after the comment.
                int first = lines.Lines.GetLineFromPosition(start).LineNumber + 1, last = lines.Lines.GetLineFromPosition(end).LineNumber + 1;
                for (int line = first; line <= last; line++) suppression.Lines.Add(line);
            }

            options.Suppressions.Add(suppression);
        }
    }

    /// <summary>
    /// HV9001 for an analyzer's exception (AD0001), at the declaration it was reading: Roslyn names the syntax tree and
    /// the node's span ("SyntaxTree: path", "SyntaxNode: ... (line,column)-(line,column)", zero-based) in the message,
    /// or the script ("AdditionalText: path"), which is then HV9001 at its start.
    /// The message keeps the exception's type and first line, never its stack trace.
    /// </summary>
    internal static Finding AnalyzerFailure(Diagnostic d, string firstFile)
    {
        string text = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        System.Text.RegularExpressions.Match tree = System.Text.RegularExpressions.Regex.Match(text, @"^(?:SyntaxTree|AdditionalText): (.+?)\r?$", System.Text.RegularExpressions.RegexOptions.Multiline);
        System.Text.RegularExpressions.Match node = System.Text.RegularExpressions.Regex.Match(text, @"^SyntaxNode: .*\((\d+),(\d+)\)-\(\d+,\d+\)\r?$", System.Text.RegularExpressions.RegexOptions.Multiline);
        System.Text.RegularExpressions.Match thrown = System.Text.RegularExpressions.Regex.Match(text, "threw an exception of type '([^']+)' with message '([^\r\n]*)");
        var at = new Model.SourceLocation(
            tree.Success ? tree.Groups[1].Value : firstFile,
            node.Success ? int.Parse(node.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : 1,
            node.Success ? int.Parse(node.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : 1);
        string why = thrown.Success ? thrown.Groups[1].Value + ": " + thrown.Groups[2].Value.TrimEnd('\'', '.') : "an analyzer failed";
        string what = tree.Success && tree.Value.StartsWith("AdditionalText", StringComparison.Ordinal) ? "this script" : "the provisioning code of this declaration";
        string message = "HvLint could not read " + what + " (" + why + "); its findings are missing, the rest was audited. This is a defect in HvLint: please report it with the code.";
        return new Finding(ToolDiagnostics.InputUnreadable, Model.Severity.Error, message, at, "code:" + at.Path + ":" + at.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>An input as an AdditionalFile, read only if an analyzer asks (unreadable: no text, the audit reports it).</summary>
    private sealed class InputText(InputDocument input) : AdditionalText
    {
        public override string Path => input.Path;

        public override Microsoft.CodeAnalysis.Text.SourceText? GetText(CancellationToken cancellationToken = default)
        {
            try
            {
                using TextReader reader = input.Open();
                return Microsoft.CodeAnalysis.Text.SourceText.From(reader.ReadToEnd());
            }
            catch (Exception ex) when (ex is IOException or System.Text.DecoderFallbackException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    /// <summary>A script, read already (an unreadable one is a problem of the run before it gets here).</summary>
    private sealed class ScriptText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    /// <summary>The analyzers' options, which also count the VMs the code and scripts create or change, by name.</summary>
    private sealed class Settings(AnalyzerConfigOptions options) : AnalyzerConfigOptionsProvider, IVirtualMachineCounter
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _virtualMachines = new(StringComparer.OrdinalIgnoreCase);

        public override AnalyzerConfigOptions GlobalOptions { get; } = options;

        public int VirtualMachines => _virtualMachines.Count;

        public void Audited(string name) => _virtualMachines.TryAdd(name, true);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    /// <summary>What a build's .editorconfig would say: the profile, and hvlint.json's script sinks and command builders.</summary>
    private sealed class Options(string? profile, List<string> sinks, List<string> builders) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            string? found = key switch
            {
                // Compiled without the APIs' assemblies: the analyzers recognise them by name.
                AnalyzerSettings.UnresolvedReferences => "true",
                AnalyzerSettings.KeepSuppressed => "true",
                "hvlint.profile" => profile,
                "hvlint.script_sinks" when sinks.Count > 0 => string.Join(",", sinks),
                "hvlint.command_builders" when builders.Count > 0 => string.Join(",", builders),
                _ => null,
            };
            value = found ?? string.Empty;
            return found != null;
        }
    }
}
