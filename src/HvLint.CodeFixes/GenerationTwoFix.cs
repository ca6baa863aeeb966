using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace HvLint.CodeFixes
{
    /// <summary>
    /// HV8004 where Set-VMFirmware meets a VM that is Generation 1 only because New-VM was given no -Generation: create
    /// it as Generation 2 (" -Generation 2" after New-VM in script text, .AddParameter("Generation", 2) after the
    /// AddCommand("New-VM") call). The analyzer says where; a VM New-VM was told to make Generation 1 gets no fix,
    /// since either command may be the one that is wrong.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GenerationTwoFix)), Shared]
    public sealed class GenerationTwoFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("HV8004");

        // Two findings on one New-VM (Set-VMFirmware twice) insert the same text at the same place: the batch fixer
        // keeps one of two identical changes.
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            Microsoft.CodeAnalysis.Text.SourceText text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue("insertAt", out string? at) || !diagnostic.Properties.TryGetValue("insertText", out string? insert) || string.IsNullOrEmpty(insert)
                    || !int.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out int position) || position > text.Length)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Create the VM as Generation 2 (New-VM -Generation 2)", ct => AddCommandFix.Insert(context.Document, position, insert!, ct), equivalenceKey: "HV8004"),
                    diagnostic);
            }
        }
    }
}
