using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HvLint.Analyzers.Tests;

public class VmFileAnalyzerTests
{
    private const string Code = "class C { }";

    [Fact]
    public Task A_finding_in_a_VM_file_is_reported_at_its_line_and_column() => Verify.Analyzer<VmFileAnalyzer>(
        Code,
        additionalFiles: new[] { ("vms.hvlint.json", "{\n  \"profile\": \"hyperv-2008r2\",\n  \"virtualMachines\": [ { \"name\": \"sql01\", \"processorCount\": 8 } ]\n}\n") },
        expected: new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("vms.hvlint.json", 3, 61, 3, 62).WithArguments("VM 'sql01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"));

    [Fact]
    public Task A_broken_VM_file_is_HV9001() => Verify.Analyzer<VmFileAnalyzer>(
        Code,
        additionalFiles: new[] { ("broken.hvlint.json", "{ \"virtualMachines\": [ { \"name\": } ] }") },
        expected: new DiagnosticResult("HV9001", DiagnosticSeverity.Error).WithSpan("broken.hvlint.json", 1, 34, 1, 35).WithMessage("malformed JSON: Unexpected character encountered while parsing value: }"));

    [Fact]
    public Task Other_additional_files_are_ignored_and_the_profile_comes_from_the_build() => Verify.Analyzer<VmFileAnalyzer>(
        Code,
        globalConfig: "build_property.HvLintProfile = hyperv-2012r2",
        additionalFiles: new[] { ("hvlint/package.json", "{ \"name\": \"x\" }"), ("hvlint/vms.json", "{ \"virtualMachines\": [ { \"name\": \"sql01\", \"processorCount\": 8 } ] }") });

    [Fact]
    public Task An_Export_Csv_inventory_under_hvlint_is_audited_and_a_script_s_list_beside_it_is_not() => Verify.Analyzer<VmFileAnalyzer>(
        Code,
        globalConfig: "build_property.HvLintProfile = hyperv-2012r2",
        additionalFiles: new[]
        {
            ("hvlint/classroom.csv", "Room,Name,MemoryStartup\nA,tr-a01,2GB\n"),
            ("hvlint/vms.csv", "#TYPE Selected.Microsoft.HyperV.PowerShell.VirtualMachine\r\n\"Name\",\"Generation\",\"ProcessorCount\"\r\n\"sql01\",\"1\",\"72\"\r\n"),
        },
        expected: new[]
        {
            // The first line: the VM's adapters and drives, which the file cannot hold, are unknown.
            new DiagnosticResult("HV9002", DiagnosticSeverity.Warning).WithSpan("hvlint/vms.csv", 1, 1, 1, 6)
                .WithArguments("A CSV file holds no nested objects: the network adapters or drives of 1 VM here are unknown (sql01). Export Get-VMNetworkAdapter -VMName *, Get-VMHardDiskDrive -VMName * and Get-VMDvdDrive -VMName * with Export-Csv too, or the VMs with ConvertTo-Json -Depth 5"),
            new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/vms.csv", 3, 13, 3, 17).WithArguments("VM 'sql01' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 1 VM"),
        });
}

public class PackInBuildTests
{
    [Fact]
    public Task A_rule_pack_added_as_an_AdditionalFile_reports_under_HVPACK() => Verify.Analyzer<VmFileAnalyzer>(
        "class C { }",
        additionalFiles: new[]
        {
            ("hvlint/contoso.json", "{ \"name\": \"contoso\", \"rules\": [ { \"id\": \"CTS001\", \"title\": \"Production VMs are Generation 2\", \"severity\": \"warning\", \"description\": \"d\", \"helpUri\": \"https://wiki.contoso.example/CTS001\", \"target\": \"vm\", \"when\": { \"field\": \"environment\", \"equals\": \"production\" }, \"assert\": { \"field\": \"generation\", \"equals\": 2 }, \"message\": \"VM '{name}' is production but Generation {generation}\" } ] }"),
            ("hvlint/vms.json", "{ \"virtualMachines\": [\n  { \"name\": \"erp\", \"environment\": \"production\", \"generation\": 1 } ] }"),
        },
        expected: new DiagnosticResult("HVPACK", DiagnosticSeverity.Warning).WithSpan("hvlint/vms.json", 2, 63, 2, 64).WithArguments("CTS001: VM 'erp' is production but Generation 1"));

    [Fact]
    public Task A_broken_pack_is_HV9003_in_the_build() => Verify.Analyzer<VmFileAnalyzer>(
        "class C { }",
        additionalFiles: new[]
        {
            ("hvlint/bad.json", "{ \"rules\": [ { \"id\": \"HV0001\", \"title\": \"t\", \"severity\": \"warning\", \"description\": \"d\", \"helpUri\": \"https://e.com\", \"target\": \"vm\", \"assert\": { \"field\": \"name\", \"exists\": true }, \"message\": \"m\" } ] }"),
        },
        expected: new DiagnosticResult("HV9003", DiagnosticSeverity.Error).WithSpan("hvlint/bad.json", 1, 22, 1, 30).WithArguments("rule ID 'HV0001': the HV prefix belongs to HvLint's own rules; use a prefix of your own (e.g. CTS001)"));
}

public class TerraformInBuildTests
{
    private const string Main = "variable \"cpus\" {\n  default = 2\n}\n\nresource \"hyperv_machine_instance\" \"vm\" {\n  name            = \"tf-sql01\"\n  processor_count = var.cpus\n}\n";

    [Fact]
    public Task A_Terraform_module_under_hvlint_is_audited_with_the_variable_file_Terraform_loads() => Verify.Analyzer<VmFileAnalyzer>(
        "class C { }",
        globalConfig: "build_property.HvLintProfile = hyperv-2008r2",
        additionalFiles: new[]
        {
            ("hvlint/lab/main.tf", Main),
            ("hvlint/lab/terraform.tfvars", "cpus = 8\n"),
            // Only -var-file loads this one: as in a folder walk, it is not taken.
            ("hvlint/lab/prod.tfvars", "cpus = 64\n"),
        },
        expected: new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/lab/main.tf", 7, 21, 7, 29).WithArguments("VM 'tf-sql01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"));

    [Fact]
    public Task A_hvlint_disable_comment_in_a_Terraform_block_holds_in_the_build_too() => Verify.Analyzer<VmFileAnalyzer>(
        "class C { }",
        globalConfig: "build_property.HvLintProfile = hyperv-2008r2",
        additionalFiles: new[]
        {
            ("hvlint/lab/main.tf", Main.Replace("resource \"hyperv_machine_instance\" \"vm\" {\n", "# hvlint-disable HV1001: the lab host is 2012 R2 since March\nresource \"hyperv_machine_instance\" \"vm\" {\n", StringComparison.Ordinal)),
            ("hvlint/lab/terraform.tfvars", "cpus = 8\n"),
        });
}
