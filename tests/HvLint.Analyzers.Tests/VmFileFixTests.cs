using System.Collections.Immutable;
using HvLint.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HvLint.Analyzers.Tests;

/// <summary>
/// Fixes inside the project's VM files. The testing library applies fixes to source documents only, so these
/// tests do what the IDE does: run the VM file analyzer on a project with the file as an AdditionalDocument, hand
/// each diagnostic to the fixer with the file as its TextDocument, and apply the fix's changed solution.
/// </summary>
public class VmFileFixTests
{
    private static async Task<(string? Fixed, ImmutableArray<Diagnostic> Diagnostics)> FixFirst(string path, string content, string id)
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("vms", LanguageNames.CSharp)
            .AddDocument("C.cs", "class C { }").Project;
        TextDocument file = project.AddAdditionalDocument(Path.GetFileName(path), SourceText.From(content), filePath: path);
        project = file.Project;
        Compilation compilation = (await project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new VmFileAnalyzer()), project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        Diagnostic? target = diagnostics.FirstOrDefault(d => d.Id == id);
        if (target == null) return (null, diagnostics);

        var actions = new List<CodeAction>();
        var fixer = new VmFileFixes();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(project.GetAdditionalDocument(file.Id)!, target, (a, _) => actions.Add(a), CancellationToken.None));
        if (actions.Count == 0) return (null, diagnostics);
        ApplyChangesOperation apply = (await actions[0].GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        return ((await apply.ChangedSolution.GetAdditionalDocument(file.Id)!.GetTextAsync()).ToString(), diagnostics);
    }

    [Fact]
    public async Task HV4002_the_template_is_built_with_two_virtual_processors()
    {
        const string before = """
            { "profile": "hyperv-2008r2", "virtualMachines": [
              { "name": "w2k3-template", "isTemplate": true, "guestOperatingSystem": "Windows Server 2003 R2 Enterprise Edition", "processorCount": 1 } ] }
            """;
        var (after, _) = await FixFirst("/p/hvlint/templates.hvlint.json", before, "HV4002");
        Assert.Equal(before.Replace("\"processorCount\": 1", "\"processorCount\": 2"), after);
    }

    [Fact]
    public async Task HV1001_the_count_becomes_the_profile_maximum_and_HV3003_the_adapter_synthetic()
    {
        const string before = """
            { "profile": "hyperv-2012r2", "virtualMachines": [
              { "name": "web01", "generation": 2, "processorCount": 96,
                "networkAdapters": [ { "name": "Network Adapter", "isLegacy": true } ] } ] }
            """;
        var (cpus, _) = await FixFirst("/p/vms.hvlint.json", before, "HV1001");
        Assert.Equal(before.Replace("96", "64"), cpus);
        var (adapter, _) = await FixFirst("/p/vms.hvlint.json", before, "HV3003");
        Assert.Equal(before.Replace("\"isLegacy\": true", "\"isLegacy\": false"), adapter);
    }

    [Fact]
    public async Task HV4006_a_Linux_guest_gets_the_UEFI_CA_template()
    {
        const string before = """
            { "profile": "hyperv-2016", "virtualMachines": [
              { "name": "ci-runner07", "generation": 2, "guestOperatingSystem": "Ubuntu 22.04 LTS", "secureBoot": "On", "secureBootTemplate": "MicrosoftWindows" } ] }
            """;
        var (after, _) = await FixFirst("/p/hvlint/runners.hvlint.json", before, "HV4006");
        Assert.Equal(before.Replace("\"MicrosoftWindows\"", "\"MicrosoftUEFICertificateAuthority\""), after);
    }

    [Fact]
    public async Task HV4006_on_2012_R2_a_Linux_guest_gets_Secure_Boot_off()
    {
        // 2012 R2 has no UEFI CA template: the fix is at "secureBoot", wherever the template is written.
        const string before = """
            { "profile": "hyperv-2012r2", "virtualMachines": [
              { "name": "ci-runner07", "generation": 2, "guestOperatingSystem": "CentOS 7", "secureBootTemplate": "MicrosoftWindows", "secureBoot": "On" } ] }
            """;
        var (after, _) = await FixFirst("/p/hvlint/runners.hvlint.json", before, "HV4006");
        Assert.Equal(before.Replace("\"secureBoot\": \"On\"", "\"secureBoot\": \"Off\""), after);
    }

    [Fact]
    public async Task HV1006_HV1007_memory_becomes_what_the_guest_needs_or_is_recommended()
    {
        const string before = """
            { "virtualMachines": [
              { "name": "kiosk07", "guestOperatingSystem": "Windows 8.1 Enterprise", "dynamicMemoryEnabled": true, "memoryMinimum": "128MB", "memoryStartup": 536870912, "memoryMaximum": "768MB" } ] }
            """;
        var (minimum, _) = await FixFirst("/p/hvlint/kiosks.hvlint.json", before, "HV1006");
        Assert.Equal(before.Replace("\"128MB\"", "\"256MB\""), minimum);
        var (maximum, _) = await FixFirst("/p/hvlint/kiosks.hvlint.json", before, "HV1007");
        Assert.Equal(before.Replace("\"768MB\"", "\"1GB\""), maximum);
    }

    [Fact]
    public async Task HV7002_Secure_Boot_is_turned_back_on()
    {
        const string before = """
            { "profile": "hyperv-2016", "virtualMachines": [
              { "name": "app22", "generation": 2, "guestOperatingSystem": "Windows Server 2016 Standard", "secureBoot": "Off" } ] }
            """;
        var (after, _) = await FixFirst("/p/hvlint/apps.hvlint.json", before, "HV7002");
        Assert.Equal(before.Replace("\"Off\"", "\"On\""), after);
    }

    [Fact]
    public async Task HV6005_standard_checkpoints_become_production_ones()
    {
        const string before = """
            { "profile": "hyperv-2016", "virtualMachines": [
              { "name": "dc01", "checkpointType": "Standard" },
              { "name": "dc02", "checkpointType": 5 } ] }
            """;
        var (named, _) = await FixFirst("/p/hvlint/dcs.hvlint.json", before, "HV6005");
        Assert.Equal(before.Replace("\"Standard\"", "\"Production\""), named);
        var (numbered, _) = await FixFirst("/p/hvlint/dcs.hvlint.json", before.Replace("\"Standard\"", "\"Production\""), "HV6005");
        Assert.Equal(before.Replace("\"Standard\"", "\"Production\"").Replace("\"checkpointType\": 5", "\"checkpointType\": 3"), numbered);
    }

    [Fact]
    public async Task An_export_is_not_edited()
    {
        // Get-VM | ConvertTo-Json records what the host had: the finding stands, but there is nothing to fix in the file.
        const string export = """
            [ { "VMName": "sql01", "VMId": "6f1b1d52-3c1e-4a4e-9d7c-0c1c1f5a8e01", "Generation": 1, "ProcessorCount": 8, "ComputerName": "HV-R2", "Version": "3.0" } ]
            """;
        var (after, diagnostics) = await FixFirst("/p/hvlint/get-vm.json", export, "HV1001");
        Assert.Contains(diagnostics, d => d.Id == "HV1001");
        Assert.Null(after);
    }
}
