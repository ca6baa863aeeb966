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
}
