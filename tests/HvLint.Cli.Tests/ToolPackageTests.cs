using System.Diagnostics;

namespace HvLint.Cli.Tests;

/// <summary>The dotnet tool as a user gets it: packed, installed into a tool path, run on the samples.</summary>
[Collection(DotnetPackCollection.Name)]
public class ToolPackageTests
{
    [Fact]
    public void The_packed_tool_installs_and_audits_the_samples()
    {
        string work = Repo.TempFolder();
        string feed = Path.Combine(work, "feed"), tools = Path.Combine(work, "tools");
        Run("dotnet", Repo.Root, "pack", "src/HvLint.Cli", "-c", "Release", "-o", feed, "--nologo");
        Assert.Single(Directory.GetFiles(feed, "HvLint.Cli.*.nupkg"));

        Run("dotnet", Repo.Root, "tool", "install", "HvLint.Cli", "--tool-path", tools, "--add-source", feed);
        string hvlint = Path.Combine(tools, OperatingSystem.IsWindows() ? "hvlint.exe" : "hvlint");
        var (exit, stdout) = Run(hvlint, Repo.Root, expectFailure: true, "audit", "samples");
        Assert.Equal(1, exit);
        Assert.Contains("samples/datacenter/inventory.json(447,13): error HV3002: ", stdout);
    }

    private static (int ExitCode, string Stdout) Run(string file, string cwd, params string[] args) => Run(file, cwd, false, args);

    private static (int ExitCode, string Stdout) Run(string file, string cwd, bool expectFailure, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment.Remove("GITHUB_ACTIONS");
        psi.Environment.Remove("TF_BUILD");
        using var p = Process.Start(psi)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (!expectFailure && p.ExitCode != 0) throw new InvalidOperationException(file + " " + string.Join(' ', args) + " exited " + p.ExitCode + ":\n" + output + err.Result);
        return (p.ExitCode, output);
    }
}
