using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace HvLint.Cli.Tests;

/// <summary>HvLint.Analyzers packed once from this repository, for the tests that consume it as a project would.</summary>
public sealed class PackedAnalyzers
{
    public PackedAnalyzers()
    {
        // A version of its own, so that no earlier package in a NuGet cache stands in for this build's.
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        Packages = Path.Combine(Repo.TempFolder(), "packages");
        string output = AnalyzerPackageTests.Dotnet(Repo.Root, "pack", "src/HvLint.Analyzers", "-c", "Release", "-o", "artifacts/packages", "-p:Version=" + Version, "--nologo");
        Package = Repo.PathOf("artifacts/packages/HvLint.Analyzers." + Version + ".nupkg");
        if (!File.Exists(Package)) throw new InvalidOperationException("dotnet pack made no package:\n" + output);
    }

    public string Version { get; }

    /// <summary>The .nupkg.</summary>
    public string Package { get; }

    /// <summary>The NuGet packages folder the sample restores into.</summary>
    public string Packages { get; }
}

/// <summary>
/// The tests that pack: each pack builds HvLint's projects in Release with a version of its own, into the same bin
/// folders, so two at once would overwrite each other's assemblies while the other packs them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DotnetPackCollection
{
    public const string Name = "dotnet pack";
}

/// <summary>The analyzer package as a consumer gets it: packed, restored by samples/provisioning, run by dotnet build.</summary>
[Collection(DotnetPackCollection.Name)]
public class AnalyzerPackageTests : IClassFixture<PackedAnalyzers>
{
    // The platforms the package has ReadyToRun images for, with the PE machine field crossgen2 writes for each: the
    // architecture's, XORed with a value per operating system other than Windows (Linux 0x7B79, Apple 0x4644).
    private static readonly Dictionary<string, ushort> ImageMachines = new()
    {
        ["linux-x64"] = 0x8664 ^ 0x7B79,
        ["win-x64"] = 0x8664,
        ["osx-arm64"] = 0xAA64 ^ 0x4644,
    };

    private readonly PackedAnalyzers _packed;

    public AnalyzerPackageTests(PackedAnalyzers packed) => _packed = packed;

    [Fact]
    public void Dotnet_build_of_the_provisioning_sample_shows_the_findings_in_code_and_in_VM_files()
    {
        string output = BuildSample();
        string[] findings = Findings(output);

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
        // A provisioning script under hvlint/: the second build agent copied the first one's static MAC address (HV3005).
        Assert.Contains(findings, f => f.StartsWith("samples/provisioning/hvlint/New-BuildAgents.ps1(7,61): error HV3005: VM 'ci-agent02' adapter 'Network Adapter' has the static MAC address 00-15-5D-3C-0A-10", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("pxe-build"));
        Assert.Equal(10, findings.Length);
        Assert.DoesNotContain("AD0001", output);
        Assert.DoesNotContain("CS9057", output);
        // CS8034: an analyzer assembly the compiler could not load, as an image for another platform would be.
        Assert.DoesNotContain("CS8034", output);

        // The IL assemblies, which builds on other platforms and the IDE use, find the same.
        string il = BuildSample("-p:HvLintReadyToRun=false");
        Assert.Equal(findings, Findings(il));
        Assert.DoesNotContain("CS8034", il);
    }

    [Fact]
    public void The_package_carries_ReadyToRun_images_of_its_own_assemblies_for_each_platform_beside_the_IL_ones()
    {
        using ZipArchive package = ZipFile.OpenRead(_packed.Package);
        Dictionary<string, ZipArchiveEntry> entries = package.Entries.ToDictionary(e => e.FullName, StringComparer.Ordinal);
        string[] assemblies = ["HvLint.Analyzers.dll", "HvLint.Core.dll", "Newtonsoft.Json.dll"];
        foreach (string assembly in assemblies.Append("HvLint.CodeFixes.dll"))
        {
            (ushort machine, bool readyToRun, Guid mvid) il = Inspect(entries["analyzers/dotnet/cs/" + assembly]);
            Assert.False(il.readyToRun, assembly + " under analyzers/ is IL, to run anywhere");
            foreach ((string rid, ushort expected) in ImageMachines)
            {
                Assert.True(entries.TryGetValue("tools/r2r/" + rid + "/" + assembly, out ZipArchiveEntry? entry), "tools/r2r/" + rid + "/" + assembly);
                (ushort machine, bool readyToRun, Guid mvid) image = Inspect(entry!);
                // The same assembly (its module version ID), so the images cannot lag behind the IL they replace.
                Assert.True(il.mvid == image.mvid, rid + "/" + assembly + " is not the assembly under analyzers/ precompiled");
                if (assembly == "HvLint.CodeFixes.dll")
                {
                    Assert.False(image.readyToRun, "the code fixes run only in the IDE, which keeps the IL assemblies");
                    continue;
                }

                Assert.True(image.readyToRun, rid + "/" + assembly + " is a ReadyToRun image");
                Assert.Equal(expected, image.machine);
            }
        }

        // Every folder holds the whole set, as the targets swap each IL assembly for the file of its name there.
        Assert.Equal(ImageMachines.Count * 4, entries.Keys.Count(k => k.StartsWith("tools/r2r/", StringComparison.Ordinal)));
        Assert.True(entries.ContainsKey("buildTransitive/HvLint.Analyzers.targets"));
    }

    [Fact]
    public void A_command_line_build_uses_the_image_for_its_platform_and_a_design_time_build_or_HvLintReadyToRun_false_the_IL()
    {
        Dotnet(Repo.PathOf("samples/provisioning"), "restore", "-p:HvLintAnalyzersVersion=" + _packed.Version, "--packages", _packed.Packages);
        string? rid = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 when OperatingSystem.IsLinux() => "linux-x64",
            Architecture.X64 when OperatingSystem.IsWindows() => "win-x64",
            Architecture.Arm64 when OperatingSystem.IsMacOS() => "osx-arm64",
            _ => null,
        };
        string il = "/analyzers/dotnet/cs/";
        Assert.All(AnalyzerFolders(), folder => Assert.EndsWith(rid == null ? il : "/tools/r2r/" + rid + "/", folder));
        Assert.All(AnalyzerFolders("-p:HvLintReadyToRun=false"), folder => Assert.EndsWith(il, folder));
        Assert.All(AnalyzerFolders("-p:DesignTimeBuild=true"), folder => Assert.EndsWith(il, folder));
    }

    [Theory]
    [InlineData("LogicalName=\"Contoso.Create.ps1\"", "Contoso.Create.ps1")]
    [InlineData("", "Embedding.Scripts.New-LabVM.ps1")]
    public void A_script_the_project_embeds_is_read_where_the_code_runs_its_resource(string logicalName, string resource)
    {
        // The script is no VM file under hvlint/: only the package's targets make it an AdditionalFile, and only the
        // resource name they give it says which file a LogicalName (Contoso.Create.ps1) is.
        string dir = Repo.TempFolder();
        File.Copy(Repo.PathOf("samples/provisioning/PowerShellStandIn.cs"), Path.Combine(dir, "PowerShellStandIn.cs"));
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "nuget.config"), "<configuration><packageSources><clear /><add key=\"hvlint-local\" value=\"" + Repo.PathOf("artifacts/packages")
            + "\" /><add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" /></packageSources></configuration>");
        File.WriteAllText(Path.Combine(dir, "Embedding.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>"
            + "<Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings><HvLintProfile>hyperv-2008r2</HvLintProfile></PropertyGroup><ItemGroup>"
            + "<PackageReference Include=\"HvLint.Analyzers\" Version=\"" + _packed.Version + "\" PrivateAssets=\"all\" />"
            + "<EmbeddedResource Include=\"Scripts/New-LabVM.ps1\" " + logicalName + " /></ItemGroup></Project>");
        Directory.CreateDirectory(Path.Combine(dir, "Scripts"));
        File.WriteAllText(Path.Combine(dir, "Scripts", "New-LabVM.ps1"), "param($Name, $Cpu)\nNew-VM -Name $Name\nSet-VMProcessor -VMName $Name -Count $Cpu\n");
        File.WriteAllText(Path.Combine(dir, "Program.cs"), "using System.Management.Automation;\n"
            + "using var reader = new StreamReader(typeof(Program).Assembly.GetManifestResourceStream(\"" + resource + "\")!);\n"
            + "using PowerShell ps = PowerShell.Create();\n"
            + "ps.AddScript(reader.ReadToEnd()).AddParameter(\"Name\", \"lab01\").AddParameter(\"Cpu\", 8).Invoke();\n");
        string output = Dotnet(dir, "build", "--packages", _packed.Packages, "--nologo", "-p:UseSharedCompilation=false");
        string[] findings = output.Split('\n').Where(l => l.Contains(": error HV", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToArray();
        string finding = Assert.Single(findings);
        Assert.Contains("Scripts/New-LabVM.ps1(3,38): error HV1001: VM 'lab01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM", finding.Replace('\\', '/'));
    }

    private string BuildSample(params string[] extra) =>
        Dotnet(Repo.PathOf("samples/provisioning"), ["build", "--no-incremental", "-p:HvLintAnalyzersVersion=" + _packed.Version, "--packages", _packed.Packages, "--nologo", "-p:UseSharedCompilation=false", .. extra]);

    private static string[] Findings(string output) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": error HV") || l.Contains(": warning HV")).Select(l => l.Substring(l.IndexOf("samples/provisioning/", StringComparison.Ordinal))).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The folders of HvLint's Analyzer items in the sample's build, as MSBuild evaluates them after NuGet adds them.</summary>
    private string[] AnalyzerFolders(params string[] extra)
    {
        string json = Dotnet(Repo.PathOf("samples/provisioning"), ["msbuild", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer", "-p:HvLintAnalyzersVersion=" + _packed.Version, "-p:NuGetPackageRoot=" + _packed.Packages + "/", "-nologo", .. extra]);
        using JsonDocument doc = JsonDocument.Parse(json);
        string[] folders = doc.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
            .Where(a => a.TryGetProperty("NuGetPackageId", out JsonElement id) && id.GetString() == "HvLint.Analyzers")
            .Select(a => Path.GetDirectoryName(a.GetProperty("FullPath").GetString())!.Replace('\\', '/') + "/")
            .ToArray();
        Assert.Equal(4, folders.Length);
        return folders;
    }

    private static (ushort Machine, bool ReadyToRun, Guid Mvid) Inspect(ZipArchiveEntry entry)
    {
        using var bytes = new MemoryStream();
        using (Stream s = entry.Open()) s.CopyTo(bytes);
        bytes.Position = 0;
        using var pe = new PEReader(bytes);
        MetadataReader metadata = pe.GetMetadataReader();
        return ((ushort)pe.PEHeaders.CoffHeader.Machine, pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, metadata.GetGuid(metadata.GetModuleDefinition().Mvid));
    }

    internal static string Dotnet(string cwd, params string[] args)
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
