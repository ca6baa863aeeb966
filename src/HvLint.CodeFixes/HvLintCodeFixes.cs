using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace HvLint.CodeFixes
{
    /// <summary>
    /// Fixes on the value a finding points at, in code or inside script text (see <see cref="ValueFix"/>):
    /// HV3001/HV3003 make the adapter synthetic (IsLegacy true → false, the -IsLegacy switch or
    /// AddParameter("IsLegacy") removed, the Emulated subtype or class → Synthetic); HV1001 lowers a vCPU count to
    /// the platform's maximum; HV1006 and HV1007 raise a memory value to what the guest needs or is recommended;
    /// HV4002 builds a Windows 2000/XP/2003 template with 2 vCPUs; HV4006 turns the
    /// MicrosoftWindows Secure Boot template into MicrosoftUEFICertificateAuthority where it is written, or Secure Boot
    /// off where 2012 R2, which has no such template, has it turned on; HV6005 makes
    /// standard checkpoints production ones; HV7002 turns Secure Boot back on; HV8005 makes New-VM -Generation 2 boot
    /// from its standard network adapter.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HvLintCodeFixes)), Shared]
    public sealed class HvLintCodeFixes : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("HV3001", "HV3003", "HV1001", "HV1006", "HV1007", "HV4002", "HV4006", "HV6005", "HV7002", "HV8005");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SourceText text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                ValueFix? fix = ValueFix.For(diagnostic, text) ?? WithoutIsLegacy(diagnostic, root);
                if (fix == null) continue;
                ValueFix f = fix.Value;
                context.RegisterCodeFix(
                    CodeAction.Create(f.Title, ct => Task.FromResult(context.Document.WithText(text.WithChanges(new TextChange(f.Span, f.NewText)))), equivalenceKey: diagnostic.Id),
                    diagnostic);
            }
        }

        /// <summary>.AddParameter("IsLegacy") with no value (the switch): the call is removed from the chain.</summary>
        private static ValueFix? WithoutIsLegacy(Diagnostic diagnostic, SyntaxNode? root)
        {
            if (root == null || (diagnostic.Id != "HV3001" && diagnostic.Id != "HV3003")) return null;
            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<LiteralExpressionSyntax>() is LiteralExpressionSyntax { Token.ValueText: "IsLegacy" } literal
                && literal.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddParameter" } member } call } })
            {
                return ValueFix.Remove(TextSpan.FromBounds(member.OperatorToken.SpanStart, call.Span.End), ValueFix.UseSynthetic);
            }

            return null;
        }
    }

    /// <summary>
    /// The same value fixes in the project's VM files (AdditionalFiles), where the VM file analyzer reports:
    /// "isLegacy": true → false, "processorCount" → the maximum, or 2 for a Windows 2000/XP/2003 template,
    /// "secureBootTemplate": "MicrosoftWindows" → "MicrosoftUEFICertificateAuthority" for a Linux guest ("secureBoot":
    /// "On" → "Off" on 2012 R2, which has no such template), a memory value
    /// below the guest's needs or recommendation → that amount, "checkpointType": "Standard" → "Production",
    /// "secureBoot": "Off" → "On" for a Windows guest, in
    /// native inventory files (the definitions; exports are left alone). One finding at a time: Roslyn's
    /// fix-all providers rewrite source documents only.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VmFileFixes), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) }, DocumentExtensions = new[] { ".json" }), Shared]
    public sealed class VmFileFixes : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("HV3001", "HV3003", "HV1001", "HV1006", "HV1007", "HV4002", "HV4006", "HV6005", "HV7002", "HV8005");

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            TextDocument file = context.TextDocument;
            SourceText text = await file.GetTextAsync(context.CancellationToken).ConfigureAwait(false);

            // Only a VM definition is edited: a Get-VM export records what a host had, and a fix there changes nothing.
            string head = text.ToString(new TextSpan(0, System.Math.Min(text.Length, HvLint.Readers.InputFormatDetector.HeadLength)));
            if (HvLint.Readers.InputFormatDetector.Detect(head).Format != HvLint.Readers.InputFormat.NativeInventory) return;

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!(ValueFix.For(diagnostic, text) is ValueFix f)) continue;
                context.RegisterCodeFix(
                    CodeAction.Create(f.Title, ct => Task.FromResult(file.Project.Solution.WithAdditionalDocumentText(file.Id, text.WithChanges(new TextChange(f.Span, f.NewText)))), equivalenceKey: diagnostic.Id),
                    diagnostic);
            }
        }
    }
}
