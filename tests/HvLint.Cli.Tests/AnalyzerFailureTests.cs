using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HvLint.Cli.Tests;

/// <summary>
/// An analyzer that fails on some code leaves that code unaudited: the CLI says so with HV9001 at the declaration,
/// read from the AD0001 diagnostic Roslyn makes of the exception, and without its stack trace.
/// </summary>
public class AnalyzerFailureTests
{
    [Fact]
    public async Task An_analyzer_exception_is_HV9001_at_the_declaration_it_was_reading()
    {
        const string code = "class P\n{\n    void Ok() { }\n\n    void Create() { }\n}\n";
        var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText(code, path: "/src/Provisioner.cs") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new Throws())).GetAnalyzerDiagnosticsAsync();
        Diagnostic failure = Assert.Single(diagnostics, d => d.Id == "AD0001");

        Engine.Finding finding = CodeAudit.AnalyzerFailure(failure, "/src/Other.cs");

        Assert.Equal("HV9001", finding.RuleId);
        Assert.Equal(Model.Severity.Error, finding.Severity);
        Assert.Equal("/src/Provisioner.cs", finding.Location.Path);
        Assert.Equal((5, 5), (finding.Location.Line, finding.Location.Column)); // void Create(), where the failure was
        Assert.Contains("(System.InvalidOperationException: the reader lost its place)", finding.Message);
        Assert.DoesNotContain("   at ", finding.Message);
    }

    [Fact]
    public async Task An_exception_on_a_script_is_HV9001_at_the_script()
    {
        var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText("class C { }", path: "/src/C.cs") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new Script("/src/hvlint/New-Vms.ps1")));
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowsOnScripts()), options).GetAnalyzerDiagnosticsAsync();
        Diagnostic failure = Assert.Single(diagnostics, d => d.Id == "AD0001");

        Engine.Finding finding = CodeAudit.AnalyzerFailure(failure, "/src/C.cs");

        Assert.Equal("HV9001", finding.RuleId);
        Assert.Equal(("/src/hvlint/New-Vms.ps1", 1, 1), (finding.Location.Path, finding.Location.Line, finding.Location.Column));
        Assert.StartsWith("HvLint could not read this script (", finding.Message, StringComparison.Ordinal);
        Assert.Contains("(System.InvalidOperationException: the reader lost its place)", finding.Message);
        Assert.DoesNotContain("   at ", finding.Message);
    }

    private sealed class Script(string path) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => Microsoft.CodeAnalysis.Text.SourceText.From("New-VM");
    }

    // A test double run by hand on one compilation, never shipped or loaded by a compiler: the rules for analyzer
    // assemblies (the attribute, target framework, release tracking) are not about it.
#pragma warning disable RS1001, RS1041, RS1036, RS2008
    private sealed class Throws : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("T0001", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCodeBlockAction(block =>
            {
                if (block.OwningSymbol.Name == "Create") throw new InvalidOperationException("the reader lost its place");
            });
        }
    }

    private sealed class ThrowsOnScripts : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("T0002", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(_ => throw new InvalidOperationException("the reader lost its place"));
        }
    }
#pragma warning restore RS1001, RS1041, RS1036, RS2008
}
