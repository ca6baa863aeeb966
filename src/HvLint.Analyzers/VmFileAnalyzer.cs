using System;
using System.Collections.Immutable;
using HvLint.Engine;
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
            if (context.Options.AdditionalFiles.IsEmpty) return;
            context.CancellationToken.ThrowIfCancellationRequested();

            // Read and audited once per compilation, shared with the provisioning code's analyzers.
            FileAudit audit = VmFileFacts.For(context.Compilation, context.Options).Audit;
            if (audit.Result == null) return;
            foreach (Finding f in audit.Result.Findings)
            {
                bool fromPack = f.Descriptor.Pack != null;
                DiagnosticDescriptor? descriptor = fromPack ? HvLintDescriptors.Pack : HvLintDescriptors.Find(f.RuleId);
                if (descriptor == null) continue;
                Location location = audit.Texts.TryGetValue(f.Location.Path, out SourceText? text) ? At(f.Location, text) : Location.None;
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
