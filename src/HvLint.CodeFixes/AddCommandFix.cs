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
    /// Fixes that add a command for the finding's VM: HV3002 (a Generation 1 VM that boots from the network first has
    /// no legacy adapter) adds one with Add-VMNetworkAdapter -IsLegacy; HV4006 (a Linux guest on Generation 2 keeps the
    /// MicrosoftWindows Secure Boot template New-VM gave it) sets the UEFI CA template with Set-VMFirmware, or turns
    /// Secure Boot off with it where the release has no such template (2012 R2). In script
    /// text the command follows the finding's statement; after an AddCommand chain it follows as a new statement on
    /// the same PowerShell object.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCommandFix)), Shared]
    public sealed class AddCommandFix : CodeFixProvider
    {
        /// <summary>The command a rule's fix adds: the cmdlet, its one parameter besides -VMName, and that parameter's value in each language.</summary>
        private sealed class Addition
        {
            public Addition(string cmdlet, string parameter, string scriptValue, string csharpValue, string title)
            {
                Cmdlet = cmdlet;
                Parameter = parameter;
                ScriptValue = scriptValue;
                CSharpValue = csharpValue;
                Title = title;
            }

            public string Cmdlet { get; }

            public string Parameter { get; }

            public string ScriptValue { get; }

            public string CSharpValue { get; }

            /// <summary>The title, with {0} for the VM.</summary>
            public string Title { get; }

            public string Script(string vm) => Cmdlet + " -VMName " + vm + " -" + Parameter + " " + ScriptValue;
        }

        private static readonly ImmutableDictionary<string, Addition> Additions = ImmutableDictionary.CreateRange(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, Addition>("HV3002", new Addition("Add-VMNetworkAdapter", "IsLegacy", "$true", "true", "Add a legacy network adapter to '{0}'")),
            new System.Collections.Generic.KeyValuePair<string, Addition>("HV4006", new Addition("Set-VMFirmware", "SecureBootTemplate", "MicrosoftUEFICertificateAuthority", "\"MicrosoftUEFICertificateAuthority\"", "Use the MicrosoftUEFICertificateAuthority Secure Boot template for '{0}'")),
        });

        /// <summary>HV4006 on a release whose Secure Boot has no template for Linux (2012 R2): Secure Boot off instead.</summary>
        private static readonly Addition SecureBootOff = new Addition("Set-VMFirmware", "EnableSecureBoot", "Off", "\"Off\"", "Turn Secure Boot off for '{0}'");

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("HV3002", "HV4006");

        // Each finding is one VM and each addition lands after that VM's own statement, so fixing all adds one
        // command per VM in one pass.
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null) return;
            SourceText source = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!Additions.TryGetValue(diagnostic.Id, out Addition? add)) continue;
                if (diagnostic.Id == "HV4006" && diagnostic.Properties.TryGetValue(HvLint.Rules.Guest.HV4006LinuxGuestOnWindowsSecureBootTemplate.SecureBootOffProperty, out string? off) && off == "true") add = SecureBootOff;
                if (!diagnostic.Properties.TryGetValue("vm", out string? vm) || string.IsNullOrEmpty(vm) || vm!.IndexOf('\'') >= 0 || vm.IndexOf('"') >= 0) continue;

                // A finding on a value the code writes (HV4006 at -SecureBootTemplate MicrosoftWindows) is fixed there, by
                // the value fix (HvLintCodeFixes), not by a second command after it.
                if (ValueFix.For(diagnostic, source) != null) continue;

                // One statement for several VMs (a loop, a list of names): a command added there for the named VM would
                // run again on every pass and never for the others.
                if (diagnostic.Properties.ContainsKey("severalVms")) continue;

                // A VM named by a variable ({vmName} in C#, $Name in the script): the added command names it by that
                // variable, in the language the variable is of.
                bool bySymbol = diagnostic.Properties.TryGetValue("vmNamedBy", out string? namedBy) && namedBy == "symbol";
                string? csharpVariable = bySymbol && vm.Length > 2 && vm[0] == '{' && vm[vm.Length - 1] == '}' && vm.Substring(1, vm.Length - 2).Split('.').All(SyntaxFacts.IsValidIdentifier) ? vm.Substring(1, vm.Length - 2) : null;
                string? scriptVariable = bySymbol && vm.Length > 1 && vm[0] == '$' ? vm : null;
                SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                string title = string.Format(System.Globalization.CultureInfo.InvariantCulture, add.Title, vm);

                // Script text: a new statement right after the finding's own (the one that sets the boot order, or New-VM).
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
                    string addition = "; " + add.Script(vmWritten);
                    // In a pipeline chain (PowerShell 7) the command joins the chain, so what follows still runs only when
                    // the finding's statement succeeded: A && B becomes A && Add-VMNetworkAdapter ... && B. After A || B no
                    // place keeps the chain's meaning, so no fix is offered there.
                    string chain = Next(text, insertAt, literal.Token.Span.End, 2);
                    if (chain == "||") continue;
                    if (chain == "&&") addition = " && " + add.Script(vmWritten);
                    else if (insertAt < literal.Token.Span.End && text[insertAt] == '#') addition += " ";
                    context.RegisterCodeFix(CodeAction.Create(title, ct => Insert(context.Document, insertAt, addition, ct), equivalenceKey: diagnostic.Id), diagnostic);
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
                    string text = indent + receiver + ".AddStatement().AddCommand(\"" + add.Cmdlet + "\").AddParameter(\"VMName\", " + vmWritten + ").AddParameter(\"" + add.Parameter + "\", " + add.CSharpValue + ");" + eol;
                    int at = statement.FullSpan.End;
                    context.RegisterCodeFix(CodeAction.Create(title, ct => Insert(context.Document, at, text, ct), equivalenceKey: diagnostic.Id), diagnostic);
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
