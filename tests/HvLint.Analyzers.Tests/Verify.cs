using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HvLint.Analyzers.Tests;

internal static class Verify
{
    /// <summary>
    /// The PowerShell SDK is not restorable here; code under test compiles against this stand-in with the same
    /// type name and method shapes (System.Management.Automation.PowerShell).
    /// </summary>
    public const string PowerShellStub = """
        namespace System.Management.Automation
        {
            public sealed class PowerShell : System.IDisposable
            {
                public static PowerShell Create() => new PowerShell();
                public PowerShell AddCommand(string cmdlet) => this;
                public PowerShell AddParameter(string parameterName, object value) => this;
                public PowerShell AddParameter(string parameterName) => this;
                public PowerShell AddParameters(System.Collections.IDictionary parameters) => this;
                public PowerShell AddParameters(System.Collections.IList parameters) => this;
                public PowerShell AddArgument(object value) => this;
                public PowerShell AddScript(string script) => this;
                public PowerShell AddScript(string script, bool useLocalScope) => this;
                public PowerShell AddStatement() => this;
                public void Invoke() { }
                public void Dispose() { }
                public PSCommand Commands { get; set; } = new PSCommand();
            }
            public sealed class PSCommand
            {
                public PSCommand AddCommand(System.Management.Automation.Runspaces.Command command) => this;
                public PSCommand AddCommand(string command) => this;
                public PSCommand AddParameter(string parameterName, object value) => this;
                public PSCommand AddParameter(string parameterName) => this;
                public PSCommand AddArgument(object value) => this;
                public PSCommand AddScript(string script) => this;
                public PSCommand AddScript(string script, bool useLocalScope) => this;
                public PSCommand AddStatement() => this;
                public void Clear() { }
            }
        }
        namespace System.Management.Automation.Runspaces
        {
            public sealed class Command
            {
                public Command(string command) { }
                public CommandParameterCollection Parameters { get; } = new();
            }
            // As in the SDK: Add(name) and Add(name, value) of its own beside the collection's Add(CommandParameter).
            public sealed class CommandParameterCollection : System.Collections.ObjectModel.Collection<CommandParameter>
            {
                public void Add(string name) { }
                public void Add(string name, object value) { }
            }
            public sealed class CommandParameter
            {
                public CommandParameter(string name, object value) { }
                public CommandParameter(string name) { }
            }
        }
        """;

    /// <summary>An analyzer test with an extra stand-in source for an API the code uses.</summary>
    public static async Task AnalyzerWith<TAnalyzer>(string source, string stub, string? globalConfig = null, (string Path, string Text)[]? additionalFiles = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = source,
        };
        test.TestState.Sources.Add(("Stub.cs", stub));
        if (globalConfig != null) test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        foreach (var f in additionalFiles ?? Array.Empty<(string, string)>()) test.TestState.AdditionalFiles.Add(f);
        await test.RunAsync();
    }

    public static async Task Analyzer<TAnalyzer>(string source, string? globalConfig = null, (string Path, string Text)[]? additionalFiles = null, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = source,
        };
        test.TestState.Sources.Add(("PowerShellStub.cs", PowerShellStub));
        if (globalConfig != null) test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        foreach (var f in additionalFiles ?? Array.Empty<(string, string)>()) test.TestState.AdditionalFiles.Add(f);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
