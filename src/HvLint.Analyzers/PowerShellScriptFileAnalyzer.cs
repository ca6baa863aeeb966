using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using HvLint.Engine;
using HvLint.Model;
using HvLint.Profiles;
using HvLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HvLint.Analyzers
{
    /// <summary>
    /// PowerShell provisioning scripts (*.ps1 AdditionalFiles: hvlint/**/*.ps1 in a build, and every .ps1 the CLI
    /// audits): the Hyper-V cmdlets a script runs, read as script text given to AddScript is, build the same partial
    /// VM models and run through the same engine, with findings at their line and column in the script. A script run
    /// on its own gets its parameters from whoever runs it, so a parameter is unknown, its default included. A comment
    /// "hvlint-disable HV3003, HV6002: reason" in the script disables those rules for it, as an XML comment does for a
    /// VM's configuration file.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PowerShellScriptFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => HvLintDescriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(Analyze);
        }

        /// <summary>Whether HvLint reads <paramref name="path"/> as a PowerShell script (a module, .psm1, only defines functions).</summary>
        public static bool IsScript(string path) => path.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase);

        private static void Analyze(AdditionalFileAnalysisContext context)
        {
            string path = context.AdditionalFile.Path;
            if (!IsScript(path)) return;
            SourceText? text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text == null)
            {
                context.ReportDiagnostic(Diagnostic.Create(HvLintDescriptors.Find(RuleIds.InputUnreadable)!, Location.Create(path, default, default), "the script could not be read as UTF-8 or UTF-16 text; its commands were not audited"));
                return;
            }

            HyperVProfile? configured = AnalyzerSettings.Profile(context.Options, out _);
            var disabled = new HashSet<string>(StringComparer.Ordinal);
            if (!AnalyzerSettings.IsSet(context.Options, AnalyzerSettings.KeepSuppressed))
            {
                // HvLint's own diagnostics (HV9xxx) cannot be suppressed, here as anywhere.
                foreach ((int _, string ruleId, string _) in Directives(text.ToString()))
                {
                    if (!ruleId.StartsWith("HV9", StringComparison.Ordinal)) disabled.Add(ruleId);
                }
            }

            foreach (Diagnostic d in Analyze(path, text, configured, VmFileFacts.For(context.Compilation, context.Options), context.CancellationToken))
            {
                // "# hvlint-disable HV3003: reason" in the script: that rule is not reported for it.
                if (!disabled.Contains(d.Id)) context.ReportDiagnostic(d);
            }
        }

        /// <summary>
        /// The rules the script's "hvlint-disable HV3003, HV6002: reason" comments disable: where each comment starts (an
        /// offset in the script), the rule, and the reason given.
        /// </summary>
        public static IEnumerable<(int Offset, string RuleId, string Reason)> Directives(string script)
        {
            // Most scripts have none: no need to find their comments.
            if (script.IndexOf("hvlint-disable", StringComparison.OrdinalIgnoreCase) < 0) yield break;
            foreach (KeyValuePair<int, string> comment in PowerShellScript.Comments(script))
            {
                foreach (KeyValuePair<string, string> rule in NotesDirectives.Rules(comment.Value)) yield return (comment.Key, rule.Key, rule.Value);
            }
        }

        /// <summary>The findings of one script: misused cmdlets, then what the engine finds on the VMs it creates or changes.</summary>
        internal static List<Diagnostic> Analyze(string path, SourceText text, HyperVProfile? configured, VmFileFacts files, System.Threading.CancellationToken cancellation)
        {
            var found = new List<Diagnostic>();
            string script = text.ToString();
            Location At(int start, int length)
            {
                // The reader may ask for one character past a value that ends the script (a script cut short while typed).
                start = Math.Min(start, script.Length);
                var span = new TextSpan(start, Math.Min(length, script.Length - start));
                return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
            }

            List<CommandCall> commands = PowerShellScript.Parse(script, At);
            if (commands.Count == 0) return found;
            cancellation.ThrowIfCancellationRequested();
            var model = new ProvisioningModel(path);
            foreach (CommandCall c in commands) model.Apply(c);
            foreach (ApiProblem problem in model.ApiProblems) found.Add(Diagnostic.Create(HvLintDescriptors.Find(problem.RuleId)!, problem.At, problem.Message));
            if (model.VirtualMachines.Count == 0) return found;

            foreach (Finding f in model.Audit(configured, files))
            {
                DiagnosticDescriptor? descriptor = HvLintDescriptors.Find(f.RuleId);
                if (descriptor != null && model.Locations.TryGetValue(f.Location, out Location? at)) found.Add(HvLintDescriptors.ToDiagnostic(f, descriptor, at));
            }

            return found;
        }
    }
}
