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
                SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                string title = "Add a legacy network adapter to '" + vm + "'";

                // Script text: a new statement right after the one that holds the boot order.
                bool inScript = diagnostic.Properties.TryGetValue("in", out string? where) && where == "script";
                if (inScript && node.FirstAncestorOrSelf<LiteralExpressionSyntax>() is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                    && StatementEnd(literal.Token, diagnostic.Location.SourceSpan.End) is int insertAt)
                {
                    string addition = "; Add-VMNetworkAdapter -VMName '" + vm + "' -IsLegacy $true";
                    if (insertAt < literal.Token.Span.End && root.SyntaxTree.GetText(context.CancellationToken)[insertAt] == '#') addition += " ";
                    context.RegisterCodeFix(CodeAction.Create(title, ct => Insert(context.Document, insertAt, addition, ct), equivalenceKey: "HV3002"), diagnostic);
                    continue;
                }

                // A fluent chain: a new statement on the chain's PowerShell object.
                if (!inScript && node.FirstAncestorOrSelf<ExpressionStatementSyntax>() is ExpressionStatementSyntax statement && Receiver(statement.Expression) is ExpressionSyntax receiver)
                {
                    string indent = statement.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString();
                    string eol = statement.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) ? statement.GetTrailingTrivia().First(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() : "\n";
                    string text = indent + receiver + ".AddStatement().AddCommand(\"Add-VMNetworkAdapter\").AddParameter(\"VMName\", \"" + vm + "\").AddParameter(\"IsLegacy\", true);" + eol;
                    int at = statement.FullSpan.End;
                    context.RegisterCodeFix(CodeAction.Create(title, ct => Insert(context.Document, at, text, ct), equivalenceKey: "HV3002"), diagnostic);
                }
            }
        }

        /// <summary>
        /// Where the PowerShell statement that goes on at <paramref name="from"/> ends in the literal's source text:
        /// the next ';', line break or comment outside PowerShell quotes and not continued by a backtick (a pipeline
        /// runs on past '|'), else the closing quote. Regular, verbatim and raw literals; null for any other token.
        /// </summary>
        private static int? StatementEnd(SyntaxToken token, int from)
        {
            string text = token.Text;
            bool regular, verbatim = false;
            int open, close;
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                    verbatim = text.StartsWith("@", System.StringComparison.Ordinal);
                    regular = !verbatim;
                    open = verbatim ? 2 : 1;
                    close = text.Length - 1;
                    break;
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                    regular = false;
                    open = 0;
                    while (open < text.Length && text[open] == '"') open++;
                    close = text.Length - open;
                    break;
                default:
                    return null;
            }

            // One PowerShell character at a time: an escape sequence of a regular literal, or a doubled quote of a
            // verbatim one, is one character of the script.
            (char C, int Width) At(int at)
            {
                if (regular && text[at] == '\\' && at + 1 < close)
                    return (text[at + 1] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', var e => e }, 2);
                return (text[at], verbatim && text[at] == '"' && at + 1 < close && text[at + 1] == '"' ? 2 : 1);
            }

            int i = System.Math.Max(from - token.SpanStart, open);
            char quote = '\0';
            while (i < close)
            {
                (char c, int width) = At(i);
                i += width;
                if (c == '`' && quote != '\'' && i < close)
                {
                    // The escaped character, or the line break (\r\n too) the backtick continues.
                    (char escaped, int w) = At(i);
                    i += w;
                    if (escaped == '\r' && i < close && At(i).C == '\n') i += At(i).Width;
                    continue;
                }

                if (quote != '\0')
                {
                    if (c == quote) quote = '\0';
                }
                else if (c == '\'' || c == '"')
                {
                    quote = c;
                }
                else if (c == ';' || c == '\n' || c == '\r' || c == '#')
                {
                    // A comment ends the statement too: the addition goes before it, not into it.
                    return token.SpanStart + i - width;
                }
            }

            return token.SpanStart + close;
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

        private static async Task<Document> Insert(Document document, int position, string text, CancellationToken token)
        {
            SourceText source = await document.GetTextAsync(token).ConfigureAwait(false);
            return document.WithText(source.WithChanges(new TextChange(new TextSpan(position, 0), text)));
        }
    }
}
