using System.Diagnostics;

namespace HvLint.Cli.Tests;

/// <summary>The analyzer package as a consumer gets it: packed, restored by samples/provisioning, run by dotnet build.</summary>
public class AnalyzerPackageTests
{
    [Fact]
    public void Dotnet_build_of_the_provisioning_sample_shows_the_findings_in_code_and_in_VM_files()
    {
        // A version of its own, so that no earlier package in a NuGet cache stands in for this build's.
        string version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        string packages = Path.Combine(Repo.TempFolder(), "packages");
        Run(Repo.Root, "pack", "src/HvLint.Analyzers", "-c", "Release", "-o", "artifacts/packages", "-p:Version=" + version, "--nologo");

        string output = Run(Repo.PathOf("samples/provisioning"), "build", "-p:HvLintAnalyzersVersion=" + version, "--packages", packages, "--nologo", "-p:UseSharedCompilation=false");
        string[] findings = output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": error HV") || l.Contains(": warning HV")).Select(l => l.Substring(l.IndexOf("samples/provisioning/", StringComparison.Ordinal))).Distinct().ToArray();

        // Expected from the sample's comments and the Hyper-V facts: 8 vCPUs on 2008 R2 (HV1001), a Generation 1
        // network-first VM with only the synthetic adapter New-VM adds (HV3002), in code and in the VM file, and
        // a Windows Server 2003 template with one virtual processor (HV4002), and a legacy adapter for a guest the VM
        // file says is Windows Server 2008 R2, integration services in the box (HV3001). The PXE build server is correct.
        Assert.Contains(findings, f => f.StartsWith("samples/provisioning/Provisioner.cs(14,", StringComparison.Ordinal) && f.Contains("error HV1001: VM 'farm-web01' has 8 virtual processors"));
        Assert.Contains(findings, f => f.StartsWith("samples/provisioning/Provisioner.cs(27,", StringComparison.Ordinal) && f.Contains("error HV3002: VM 'wds-target'"));
        Assert.Contains(findings, f => f.StartsWith("samples/provisioning/hvlint/web-farm.hvlint.json(30,9): error HV3002: VM 'web12'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("samples/provisioning/hvlint/web-farm.hvlint.json(12,25): warning HV4002", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("samples/provisioning/Provisioner.cs(44,168): warning HV3001: VM 'farm-app01'", StringComparison.Ordinal) && f.Contains("Windows Server 2008 R2 has integration services"));
        // A script variable read in a loop over two VM names: 6 vCPUs for each of them on 2008 R2 (HV1001 twice).
        Assert.Contains(findings, f => f.StartsWith("samples/provisioning/Provisioner.cs(56,54): error HV1001: VM 'farm-sql01' has 6 virtual processors", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("samples/provisioning/Provisioner.cs(56,54): error HV1001: VM 'farm-sql02' has 6 virtual processors", StringComparison.Ordinal));
        // A VM the caller names: every command names the same one, Generation 1 network-first without a legacy adapter (HV3002).
        Assert.Contains(findings, f => f.StartsWith("samples/provisioning/Provisioner.cs(69,97): error HV3002: VM '{vmName}'", StringComparison.Ordinal));
        // Commands from helper methods, read at the call: 6 vCPUs for build-agent01 (HV1001) at the call that gives them.
        Assert.Contains(findings, f => f.StartsWith("samples/provisioning/Provisioner.cs(79,9): error HV1001: VM 'build-agent01' has 6 virtual processors", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("pxe-build"));
        Assert.Equal(9, findings.Length);
        Assert.DoesNotContain("AD0001", output);
        Assert.DoesNotContain("CS9057", output);
    }

    private static string Run(string cwd, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output + err.Result;
    }
}
