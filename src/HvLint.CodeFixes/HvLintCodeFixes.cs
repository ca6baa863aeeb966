using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace HvLint.CodeFixes
{
    /// <summary>
    /// Fixes on the value a finding points at, in code or inside script text:
    /// HV3003 (a legacy adapter on Generation 2): IsLegacy true becomes false, so the adapter is synthetic;
    /// HV1001 (more virtual processors than the platform allows): the count becomes the platform's maximum.
    /// A fix is offered only when the text at the finding is exactly the value it replaces.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HvLintCodeFixes)), Shared]
    public sealed class HvLintCodeFixes : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("HV3003", "HV1001");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SourceText text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                TextSpan span = diagnostic.Location.SourceSpan;
                string current = text.ToString(span);
                string? replacement = null;
                string title;
                if (diagnostic.Id == "HV3003")
                {
                    replacement = current == "true" ? "false" : current == "$true" ? "$false" : null;
                    title = "Use a synthetic network adapter";
                }
                else
                {
                    bool isNumber = int.TryParse(current, NumberStyles.None, CultureInfo.InvariantCulture, out _);
                    replacement = isNumber && diagnostic.Properties.TryGetValue("maximum", out string? maximum) && maximum != current ? maximum : null;
                    title = "Use the platform's maximum of " + (replacement ?? string.Empty) + " virtual processors";
                }

                if (replacement == null) continue;
                string newText = replacement;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => Task.FromResult(context.Document.WithText(text.WithChanges(new TextChange(span, newText)))), equivalenceKey: diagnostic.Id),
                    diagnostic);
            }
        }
    }
}
