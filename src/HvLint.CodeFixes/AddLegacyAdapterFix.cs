using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
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
    /// HV3002 (a Generation 1 VM that boots from the network first has no legacy adapter): add one. In script
    /// text the command follows the statement that sets the boot order; after an AddCommand chain it follows as a
    /// new statement on the same PowerShell object.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddLegacyAdapterFix)), Shared]
    public sealed class AddLegacyAdapterFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("HV3002");

        // Each finding is one VM and each addition lands after that VM's own statement, so fixing all adds one
        // legacy adapter per VM in one pass.
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null) return;
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue("vm", out string? vm) || string.IsNullOrEmpty(vm) || vm!.IndexOf('\'') >= 0 || vm.IndexOf('"') >= 0) continue;

                // One statement for several VMs (a loop, a list of names): an adapter added there for the named VM would
                // be added again on every pass and never to the others.
                if (diagnostic.Properties.ContainsKey("severalVms")) continue;

                // A VM named by a variable ({vmName} in C#, $Name in the script): the added command names it by that
                // variable, in the language the variable is of.
                bool bySymbol = diagnostic.Properties.TryGetValue("vmNamedBy", out string? namedBy) && namedBy == "symbol";
                string? csharpVariable = bySymbol && vm.Length > 2 && vm[0] == '{' && vm[vm.Length - 1] == '}' && vm.Substring(1, vm.Length - 2).Split('.').All(SyntaxFacts.IsValidIdentifier) ? vm.Substring(1, vm.Length - 2) : null;
                string? scriptVariable = bySymbol && vm.Length > 1 && vm[0] == '$' ? vm : null;
                SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                string title = "Add a legacy network adapter to '" + vm + "'";

                // Script text: a new statement right after the one that holds the boot order.
                // The analyzer read the script and says where that statement ends.
                bool inScript = diagnostic.Properties.TryGetValue("in", out string? where) && where == "script";
                if (inScript && node.FirstAncestorOrSelf<LiteralExpressionSyntax>() is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                    && diagnostic.Properties.TryGetValue("statementEnd", out string? end)
                    && int.TryParse(end, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int insertAt)
                    && insertAt >= diagnostic.Location.SourceSpan.Start && insertAt <= literal.Token.Span.End)
                {
                    if (bySymbol && scriptVariable == null) continue;
                    string vmWritten = scriptVariable ?? "'" + vm + "'";
                    SourceText text = root.SyntaxTree.GetText(context.CancellationToken);
                    string addition = "; Add-VMNetworkAdapter -VMName " + vmWritten + " -IsLegacy $true";
                    // In a pipeline chain (PowerShell 7) the adder joins the chain, so what follows still runs only when the
                    // boot order was set: A && B becomes A && Add-VMNetworkAdapter ... && B. After A || B no place keeps the
                    // chain's meaning, so no fix is offered there.
                    string chain = Next(text, insertAt, literal.Token.Span.End, 2);
                    if (chain == "||") continue;
                    if (chain == "&&") addition = " && Add-VMNetworkAdapter -VMName " + vmWritten + " -IsLegacy $true";
                    else if (insertAt < literal.Token.Span.End && text[insertAt] == '#') addition += " ";
                    context.RegisterCodeFix(CodeAction.Create(title, ct => Insert(context.Document, insertAt, addition, ct), equivalenceKey: "HV3002"), diagnostic);
                    continue;
                }

                // A fluent chain: a new statement on the chain's PowerShell object.
                if (!inScript && !(bySymbol && csharpVariable == null) && node.FirstAncestorOrSelf<ExpressionStatementSyntax>() is ExpressionStatementSyntax statement && Receiver(statement.Expression) is ExpressionSyntax receiver)
                {
                    string indent = statement.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString();
                    string eol = statement.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) ? statement.GetTrailingTrivia().First(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() : "\n";
                    // {vmName}, {spec.Name}, {this._vmName}, {Settings.VmName}: written as the code reads it, where that
                    // names the same thing at the new statement (a static member's type may need its namespace there).
                    if (csharpVariable != null && !await Names(context.Document, statement.SpanStart, csharpVariable, context.CancellationToken).ConfigureAwait(false)) continue;
                    string vmWritten = csharpVariable ?? "\"" + vm + "\"";
                    string text = indent + receiver + ".AddStatement().AddCommand(\"Add-VMNetworkAdapter\").AddParameter(\"VMName\", " + vmWritten + ").AddParameter(\"IsLegacy\", true);" + eol;
                    int at = statement.FullSpan.End;
                    context.RegisterCodeFix(CodeAction.Create(title, ct => Insert(context.Document, at, text, ct), equivalenceKey: "HV3002"), diagnostic);
                }
            }
        }

        /// <summary>
        /// The object a PowerShell chain starts from: ps in ps.AddCommand(...).AddParameter(...). Null for any other
        /// statement (a WMI SetPropertyValue, say), where a PowerShell statement would not belong.
        /// </summary>
        private static ExpressionSyntax? Receiver(ExpressionSyntax e)
        {
            bool powerShell = false;
            while (e is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member })
            {
                powerShell |= member.Name.Identifier.ValueText is "AddCommand" or "AddParameter" or "AddArgument" or "AddStatement";
                e = member.Expression;
            }

            return powerShell && e is IdentifierNameSyntax ? e : null;
        }

        /// <summary>Whether <paramref name="expression"/> binds to a parameter, local, field or property at <paramref name="position"/>.</summary>
        private static async Task<bool> Names(Document document, int position, string expression, CancellationToken token)
        {
            SemanticModel? model = await document.GetSemanticModelAsync(token).ConfigureAwait(false);
            ISymbol? symbol = model?.GetSpeculativeSymbolInfo(position, SyntaxFactory.ParseExpression(expression), SpeculativeBindingOption.BindAsExpression).Symbol;
            return symbol is IParameterSymbol || symbol is ILocalSymbol || symbol is IFieldSymbol || symbol is IPropertySymbol;
        }

        /// <summary>Up to <paramref name="length"/> characters of the text after <paramref name="at"/>, past blanks, before <paramref name="end"/>.</summary>
        private static string Next(SourceText text, int at, int end, int length)
        {
            while (at < end && (text[at] == ' ' || text[at] == '\t')) at++;
            return text.ToString(new TextSpan(at, System.Math.Min(length, end - at)));
        }

        internal static async Task<Document> Insert(Document document, int position, string text, CancellationToken token)
        {
            SourceText source = await document.GetTextAsync(token).ConfigureAwait(false);
            return document.WithText(source.WithChanges(new TextChange(new TextSpan(position, 0), text)));
        }
    }
}
