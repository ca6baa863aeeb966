using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using HvLint.Engine;
using HvLint.Profiles;
using HvLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HvLint.Analyzers
{
    /// <summary>
    /// Audits the project's VM definition files (AdditionalFiles) with the same readers and engine as the CLI and
    /// reports each finding at its line and column inside the file. Files of a shape HvLint does not read are
    /// skipped, except *.hvlint.json, which is meant to be one (HV9001 when it is not).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class VmFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => HvLintDescriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(Analyze);
        }

        private static void Analyze(CompilationAnalysisContext context)
        {
            ImmutableArray<AdditionalText> files = context.Options.AdditionalFiles;
            if (files.IsEmpty) return;

            var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
            var packTexts = new List<(string Path, string Content)>();
            List<InputDocument> inputs = VmFiles.Inputs(files, context.CancellationToken, packTexts, texts);
            var packs = new List<Packs.RulePack>();
            var packIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pack in packTexts) packs.Add(Packs.RulePack.Parse(pack.Path, pack.Content, packIds));

            if (inputs.Count == 0 && packs.Count == 0) return;
            var options = new AuditOptions { Profile = AnalyzerSettings.Profile(context.Options, out string? invalid) };
            foreach (Packs.RulePack pack in packs) options.Packs.Add(pack);
            if (invalid != null) options.ConfigurationProblems.Add(new KeyValuePair<Model.SourceLocation, string>(default, "unknown Hyper-V profile '" + invalid + "' in HvLintProfile or hvlint.profile (known: " + ProfileCatalog.KnownIds + ")"));

            AuditResult result = Auditor.Run(inputs, options);
            foreach (Finding f in result.Findings)
            {
                bool fromPack = f.Descriptor.Pack != null;
                DiagnosticDescriptor? descriptor = fromPack ? HvLintDescriptors.Pack : HvLintDescriptors.Find(f.RuleId);
                if (descriptor == null) continue;
                Location location = texts.TryGetValue(f.Location.Path, out SourceText? text) ? At(f.Location, text) : Location.None;
                context.ReportDiagnostic(HvLintDescriptors.ToDiagnostic(f, descriptor, location, fromPack ? f.RuleId + ": " + f.Message : null));
            }
        }

        /// <summary>From the finding's line and column to the rest of that line's token in the file.</summary>
        internal static Location At(Model.SourceLocation l, SourceText text)
        {
            if (!l.HasPosition || l.Line > text.Lines.Count) return Location.Create(l.Path, new TextSpan(0, 0), new LinePositionSpan(default, default));
            TextLine line = text.Lines[l.Line - 1];
            int start = Math.Min(line.Start + l.Column - 1, line.End);
            int end = start;
            string s = text.ToString(line.Span);
            int i = start - line.Start;
            // The token: a quoted string, or up to a delimiter.
            if (i < s.Length && s[i] == '"')
            {
                int close = s.IndexOf('"', i + 1);
                end = line.Start + (close < 0 ? s.Length : close + 1);
            }
            else
            {
                while (i < s.Length && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != '<' && !char.IsWhiteSpace(s[i])) i++;
                end = Math.Max(start + 1, line.Start + i);
            }

            end = Math.Min(end, line.End);
            var span = TextSpan.FromBounds(start, Math.Max(start, end));
            return Location.Create(l.Path, span, text.Lines.GetLinePositionSpan(span));
        }
    }
}
