using HvLint.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace HvLint.Analyzers.Tests;

public class CodeFixTests
{
    private static async Task Fix(string source, string fixedSource, int iterations = 1)
    {
        var test = new CSharpCodeFixTest<HostedPowerShellAnalyzer, HvLintCodeFixes, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = source,
            FixedCode = fixedSource,
            NumberOfFixAllIterations = iterations,
        };
        test.TestState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        test.FixedState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        await test.RunAsync();
    }

    [Fact]
    public Task HV3003_IsLegacy_true_becomes_false_in_AddParameter() => Fix("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "w").AddParameter("Generation", 2)
                .AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "w").AddParameter("IsLegacy", {|HV3003:true|});
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "w").AddParameter("Generation", 2)
                .AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "w").AddParameter("IsLegacy", false);
        }
        """);

    [Fact]
    public Task HV3003_and_HV1001_inside_script_text_fixed_together() => Fix("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("New-VM -Name w -Generation 2; Add-VMNetworkAdapter -VMName w -IsLegacy {|HV3003:$true|}; Set-VMProcessor w -Count {|HV1001:300|}");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("New-VM -Name w -Generation 2; Add-VMNetworkAdapter -VMName w -IsLegacy $false; Set-VMProcessor w -Count 64");
        }
        """, iterations: 2); // one pass per rule: the two fixes have different equivalence keys

    [Fact]
    public Task HV1001_a_vCPU_literal_becomes_the_2008_R2_limit() => Fix("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "sql").AddParameter("Count", {|HV1001:8|});
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "sql").AddParameter("Count", 4);
        }
        """);

    [Fact]
    public Task No_fix_when_the_value_is_not_written_where_the_finding_is() => Fix("""
        using System.Management.Automation;
        class P
        {
            const int Cpus = 8;
            void C(PowerShell ps) => ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "sql").AddParameter("Count", {|HV1001:Cpus|});
        }
        """, """
        using System.Management.Automation;
        class P
        {
            const int Cpus = 8;
            void C(PowerShell ps) => ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "sql").AddParameter("Count", {|HV1001:Cpus|});
        }
        """, iterations: 0);
}

public class MoreCodeFixTests
{
    private static async Task Fix<TAnalyzer, TFix>(string source, string fixedSource, int iterations = 1)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        test.FixedState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        await test.RunAsync();
    }

    [Fact]
    public Task HV3002_adds_a_legacy_adapter_in_script_text() => Fix<HostedPowerShellAnalyzer, AddLegacyAdapterFix>("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("New-VM -Name pxe; Set-VMBios -VMName pxe -StartupOrder {|HV3002:LegacyNetworkAdapter,IDE,CD,Floppy|}");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("New-VM -Name pxe; Set-VMBios -VMName pxe -StartupOrder LegacyNetworkAdapter,IDE,CD,Floppy; Add-VMNetworkAdapter -VMName 'pxe' -IsLegacy $true");
        }
        """);

    [Fact]
    public Task HV3002_adds_a_legacy_adapter_after_an_AddCommand_chain() => Fix<HostedPowerShellAnalyzer, AddLegacyAdapterFix>("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "pxe");
                ps.AddCommand("Set-VMBios").AddParameter("VMName", "pxe").AddParameter("StartupOrder", {|HV3002:new[] { "LegacyNetworkAdapter", "IDE" }|});
            }
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "pxe");
                ps.AddCommand("Set-VMBios").AddParameter("VMName", "pxe").AddParameter("StartupOrder", new[] { "LegacyNetworkAdapter", "IDE" });
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "pxe").AddParameter("IsLegacy", true);
            }
        }
        """);
}
