using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HvLint.Analyzers.Tests;

/// <summary>Provisioning scripts (*.ps1 AdditionalFiles): read as AddScript text is, reported at their lines in the script.</summary>
public class PowerShellScriptFileAnalyzerTests
{
    private const string Code = "class C { }";

    private static Task Script(string text, string? globalConfig = null, params DiagnosticResult[] expected) =>
        Verify.Analyzer<PowerShellScriptFileAnalyzer>(Code, globalConfig, new[] { ("hvlint/New-LabVMs.ps1", text) }, expected);

    [Fact]
    public Task A_Generation_1_VM_that_boots_from_the_network_without_a_legacy_adapter_is_HV3002_at_the_boot_order() => Script(
        "# The deployment server PXE-boots its first install.\r\n"
        + "New-VM -Name 'deploy01' -MemoryStartupBytes 2GB -SwitchName 'Lab'\r\n"
        + "Set-VMBios -VMName 'deploy01' -StartupOrder @('LegacyNetworkAdapter', 'IDE', 'CD', 'Floppy')\r\n",
        expected: new DiagnosticResult("HV3002", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 3, 45, 3, 93)
            .WithArguments("VM 'deploy01' is Generation 1 and boots from the network before its disk, but has only synthetic network adapters (1); PXE boot on Generation 1 needs a legacy network adapter"));

    [Fact]
    public Task New_VM_with_BootDevice_NetworkAdapter_on_Generation_1_adds_the_legacy_adapter_itself() => Script(
        "New-VM -Name 'deploy01' -MemoryStartupBytes 2GB -BootDevice NetworkAdapter -SwitchName 'Lab'\n");

    [Fact]
    public Task The_profile_comes_from_the_build_and_a_loop_reports_each_VM() => Script(
        "foreach ($name in 'sql01', 'sql02') {\n    New-VM -Name $name -MemoryStartupBytes 8GB\n    Set-VMProcessor -VMName $name -Count 8\n}\n",
        "build_property.HvLintProfile = hyperv-2008r2",
        new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 3, 42, 3, 43).WithArguments("VM 'sql01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
        new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 3, 42, 3, 43).WithArguments("VM 'sql02' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"));

    [Fact]
    public Task Under_a_release_that_allows_them_8_virtual_processors_are_silent() => Script(
        "New-VM -Name 'sql01' -MemoryStartupBytes 8GB\nSet-VMProcessor -VMName 'sql01' -Count 8\n",
        "build_property.HvLintProfile = hyperv-2012r2");

    [Fact]
    public Task A_parameter_is_unknown_even_with_a_default_as_whoever_runs_the_script_may_pass_another() => Script(
        "param([int]$ProcessorCount = 8, [string]$Name = 'sql01')\nNew-VM -Name $Name\nSet-VMProcessor -VMName $Name -Count $ProcessorCount\n",
        "build_property.HvLintProfile = hyperv-2008r2");

    [Fact]
    public Task Commands_written_in_a_here_string_are_text_not_commands() => Script(
        "$readme = @\"\nNew-VM -Name 'web02' -Generation 2\nAdd-VMNetworkAdapter -VMName 'web02' -IsLegacy `$true\n\"@\n"
        + "@'\nSet-VMProcessor -VMName 'web03' -Count 99\n'@ | Set-Content -Path notes.txt\n"
        + "New-VM -Name 'web04' -Generation 1\nSet-VMProcessor -VMName 'web04' -Count 6\n",
        "build_property.HvLintProfile = hyperv-2008r2",
        // Only web04, on the line after the here-strings: the commands inside them were never run.
        new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 9, 40, 9, 41).WithArguments("VM 'web04' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"));

    [Fact]
    public Task A_here_string_is_a_value_of_the_statement_it_is_written_in() => Script(
        "New-VM -Name 'web05' -Generation 2\nSet-VM -VMName 'web05' -Notes @\"\nAdd-VMNetworkAdapter -IsLegacy\n\"@\nAdd-VMNetworkAdapter -VMName 'web05' -IsLegacy $true\n",
        expected: LegacyOnGeneration2(5, 48, 53, "web05"));

    [Fact]
    public Task A_function_parameter_holds_what_a_call_passes_not_the_script_variable_of_that_name() => Script(
        "$Name = 'web01'\n"
        + "function New-Lab { param($Name) New-VM -Name $Name -Generation 2; Add-VMNetworkAdapter -VMName $Name -IsLegacy $true }\n"
        + "function New-Old($Name) { Add-VMNetworkAdapter -VMName $Name -IsLegacy $true }\n"
        + "New-VM -Name 'web02' -Generation 2\nAdd-VMNetworkAdapter -VMName 'web02' -IsLegacy $true\n",
        // Only web02: nothing says the functions ever run for web01.
        expected: LegacyOnGeneration2(5, 48, 53, "web02"));

    [Fact]
    public Task A_hvlint_disable_next_line_comment_disables_its_rules_for_the_statement_after_it_only() => Script(
        "New-VM -Name 'pos01' -Generation 2\n"
        + "# hvlint-disable-next-line HV3003: the vendor image needs the DEC adapter\n"
        + "Add-VMNetworkAdapter -VMName 'pos01' -IsLegacy $true\n"
        + "New-VM -Name 'pos02' -Generation 2\n"
        + "Add-VMNetworkAdapter -VMName 'pos02' -IsLegacy $true\n"
        + "New-VM -Name 'pos03' -Generation 2\n"
        + "<# hvlint-disable-next-line HV3003: the same vendor #>\n"
        + "\n"
        + "Add-VMNetworkAdapter -VMName 'pos03' `\n"
        + "    -IsLegacy $true\n"
        + "New-VM -Name 'pos04' -Generation 2\n"
        + "# hvlint-disable-next-line HV1001: another rule\n"
        + "Add-VMNetworkAdapter -VMName 'pos04' -IsLegacy $true\n",
        // pos01: the statement after the comment; pos03: past a blank line, and on the line its statement continues onto.
        expected: new[]
        {
            LegacyOnGeneration2(5, 48, 53, "pos02"),
            LegacyOnGeneration2(13, 48, 53, "pos04"),
        });

    private static Task ScriptWith(string text, (string Path, string Text)[] files, string? globalConfig, params DiagnosticResult[] expected) =>
        Verify.Analyzer<PowerShellScriptFileAnalyzer>(Code, globalConfig, new[] { ("hvlint/New-LabVMs.ps1", text) }.Concat(files).ToArray(), expected);

    private static DiagnosticResult Over2008R2(int line, int column, int end, string vm, int count) =>
        new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", line, column, line, end)
            .WithArguments("VM '" + vm + "' has " + count + " virtual processors; hyperv-2008r2 allows 4 per VM");

    // Written as Windows PowerShell's Export-Csv writes it: a #TYPE line first, every field quoted; and a blank line.
    private const string LabCsv = "#TYPE System.Management.Automation.PSCustomObject\r\n\"Name\",\"Generation\",\"Cpu\"\r\n"
        + "\"web01\",\"1\",\"2\"\r\n\"web02\",\"1\",\"8\"\r\n\r\n\"sql \"\"main\"\"\",\"1\",\"6\"\r\n";

    [Fact]
    public Task A_loop_over_the_rows_of_Import_Csv_reads_each_row_as_a_VM() => ScriptWith(
        "$lab = Import-Csv -Path \"$PSScriptRoot\\data\\lab.csv\"\n"
        + "foreach ($vm in $lab) {\n"
        + "    New-VM -Name $vm.Name -Generation $vm.Generation\n"
        + "    Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu\n"
        + "}\n",
        new[] { ("hvlint/data/lab.csv", LabCsv) },
        "build_property.HvLintProfile = hyperv-2008r2",
        // web01 has 2: within the limit. A quoted field keeps its doubled quotes as one.
        Over2008R2(4, 45, 52, "web02", 8), Over2008R2(4, 45, 52, "sql \"main\"", 6));

    [Fact]
    public Task Import_Csv_piped_on_or_in_parentheses_and_its_delimiter_and_header_are_read() => ScriptWith(
        "ipcsv .\\data\\hosts.csv -Delimiter ';' | ForEach-Object { Set-VMProcessor -VMName $_.VM -Count $_.Cpu }\n"
        + "foreach ($row in (Import-Csv (Join-Path $PSScriptRoot 'data/db.csv') ';')) { Set-VMProcessor -VMName $row.VM -Count 5 }\n"
        + "Import-Csv -LiteralPath data/raw.csv -Header VM, Cpu | % { Set-VMProcessor -VMName $_.VM -Count $_.Cpu }\n",
        new[] { ("hvlint/data/hosts.csv", "VM;Cpu\napp01;3\napp02;12\n"), ("hvlint/data/db.csv", "VM;Cpu\ndb01;1\n"), ("hvlint/data/raw.csv", "raw01,7\n") },
        "build_property.HvLintProfile = hyperv-2008r2",
        // Line 1: app02's 12 (app01's 3 is within the limit); line 2: 5 for db01; line 3: the header names the columns of
        // the file's first line, which is a row.
        Over2008R2(1, 95, 101, "app02", 12),
        Over2008R2(2, 117, 118, "db01", 5),
        Over2008R2(3, 97, 103, "raw01", 7));

    [Fact]
    public Task A_cast_in_parentheses_of_a_value_the_script_fixes_is_that_number() => ScriptWith(
        "foreach ($vm in Import-Csv .\\data\\lab.csv) { Set-VMProcessor -VMName $vm.Name -Count ([int]$vm.Cpu) }\n"
        // A bare argument [int]$n is the text "[int]12", not a number; 9999999999 is more than an [int] holds.
        + "$n = '12'\nSet-VMProcessor -VMName 'bare01' -Count [int]$n\n$big = '9999999999'\nSet-VMProcessor -VMName 'big01' -Count ([int]$big)\n",
        new[] { ("hvlint/data/lab.csv", LabCsv) },
        "build_property.HvLintProfile = hyperv-2008r2",
        Over2008R2(1, 86, 100, "web02", 8), Over2008R2(1, 86, 100, "sql \"main\"", 6));

    [Fact]
    public Task A_loop_over_a_table_s_keys_or_entries_reads_each_with_its_value() => Task.WhenAll(
        Script("$sizes = @{\n    'web01' = 2\n    'web02' = 8\n}\n"
            + "foreach ($name in $sizes.Keys) { New-VM -Name $name; Set-VMProcessor -VMName $name -Count $sizes[$name] }\n"
            + "$mem = @{ db01 = 6; db02 = 1 }\n"
            + "$mem.GetEnumerator() | ForEach-Object { New-VM -Name $_.Key; Set-VMProcessor -VMName $_.Key -Count $_.Value }\n",
            "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(5, 91, 104, "web02", 8), Over2008R2(7, 100, 108, "db01", 6)),
        // A key added ($more.Add) is one more key of the table, a key removed ($less.Remove) one less; a table the script
        // changes in place otherwise ($some.Remove of a key it does not name) is no constant: the loop reads its block
        // once, unknown.
        Script("$more = @{ app01 = 8 }\n$more.Add('app02', 9)\nforeach ($k in $more.Keys) { New-VM -Name $k; Set-VMProcessor -VMName $k -Count $more[$k] }\n",
            "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(3, 81, 90, "app01", 8), Over2008R2(3, 81, 90, "app02", 9)),
        Script("$less = @{ app03 = 8; app04 = 9 }\n$less.Remove('app03')\nforeach ($k in $less.Keys) { New-VM -Name $k; Set-VMProcessor -VMName $k -Count $less[$k] }\n",
            "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(3, 81, 90, "app04", 9)),
        Script("$some = @{ app05 = 8; app06 = 9 }\n$some.Remove($env:SKIP)\nforeach ($k in $some.Keys) { New-VM -Name $k; Set-VMProcessor -VMName $k -Count $some[$k] }\n",
            "build_property.HvLintProfile = hyperv-2008r2"));

    [Fact]
    public Task Rows_HvLint_cannot_know_leave_the_loop_unknown_and_silent() => ScriptWith(
        // A file not given, a wildcard, the culture's delimiter, more rows than a loop is read for, a path from a variable.
        "foreach ($vm in Import-Csv .\\missing.csv) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n"
        + "foreach ($vm in Import-Csv .\\data\\*.csv) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n"
        + "foreach ($vm in Import-Csv .\\data\\lab.csv -UseCulture) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n"
        + "foreach ($vm in Import-Csv .\\data\\many.csv) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n"
        + "foreach ($vm in Import-Csv $env:LAB_CSV) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n",
        new[] { ("hvlint/data/lab.csv", LabCsv), ("hvlint/data/many.csv", "Name,Cpu\n" + string.Concat(Enumerable.Range(1, 65).Select(n => "vm" + n + ",8\n"))) },
        "build_property.HvLintProfile = hyperv-2008r2");

    private const string NewLabVm = "function New-LabVM {\n"
        + "    [CmdletBinding()]\n"
        + "    param([Parameter(Mandatory)][string]$Name, [int]$ProcessorCount = 2, [switch]$Legacy)\n"
        + "    New-VM -Name $Name -Generation 2 -SwitchName 'Lab'\n"
        + "    Set-VMProcessor -VMName $Name -Count $ProcessorCount\n"
        + "    if ($Legacy) { Add-VMNetworkAdapter -VMName $Name -IsLegacy $true }\n"
        + "}\n";

    private static DiagnosticResult TooManyAt(int line, int column, int end, string vm, int count) =>
        new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", line, column, line, end)
            .WithArguments("VM '" + vm + "' has " + count + " virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM");

    private const string LabFunctions = "$Cpus = 72\n"
        + NewLabVm
        + "New-VM -Name 'base01' -Generation 2\n"
        + "Add-VMNetworkAdapter -VMName 'base01' -IsLegacy $true\n";

    private const string LabJson = "{\n  \"Defaults\": { \"Switch\": \"Lab\", \"Generation\": 2 },\n  \"VMs\": [\n"
        + "    { \"Name\": \"dc01\", \"Cpu\": 2, \"Memory\": \"2GB\" },\n    { \"Name\": \"sql01\", \"Cpu\": 72, \"Memory\": \"16GB\" },\n"
        + "    { \"Name\": \"web01\", \"Cpu\": 4, \"Memory\": \"4GB\" }\n  ]\n}\n";

    [Fact]
    public Task A_settings_file_read_with_ConvertFrom_Json_is_read_entry_by_entry() => ScriptWith(
        "$lab = Get-Content -Path \"$PSScriptRoot\\lab.json\" -Raw | ConvertFrom-Json\n"
        + "foreach ($vm in $lab.VMs) {\n"
        + "    New-VM -Name $vm.Name -Generation $lab.Defaults.Generation -MemoryStartupBytes $vm.Memory -SwitchName $lab.Defaults.Switch\n"
        + "    Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu\n"
        + "}\n"
        + "$again = ConvertFrom-Json (Get-Content (Join-Path $PSScriptRoot 'lab.json') -Raw)\n"
        + "$again.VMs | ForEach-Object { Add-VMNetworkAdapter -VMName $_.Name -IsLegacy $true }\n",
        new[] { ("hvlint/lab.json", LabJson) },
        null,
        // Generation 2 from the file's defaults, so the script is checked against 2012 R2: sql01's 72 is over 64.
        new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 4, 45, 4, 52)
            .WithArguments("VM 'sql01' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM"),
        LegacyOnGeneration2(7, 78, 83, "dc01"), LegacyOnGeneration2(7, 78, 83, "sql01"), LegacyOnGeneration2(7, 78, 83, "web01"));

    /// <summary>HV8004 at a Set-VMFirmware that starts line <paramref name="line"/>, on a VM New-VM left Generation 1.</summary>
    private static DiagnosticResult FirmwareOnDefaultGeneration1(int line, string vm) =>
        new DiagnosticResult("HV8004", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", line, 1, line, 15)
            .WithArguments("Set-VMFirmware fails on VM '" + vm + "': it is Generation 1 (New-VM's default without -Generation 2), whose firmware is set with Set-VMBios");

    private static DiagnosticResult LegacyOnGeneration2(int line, int column, int end, string vm, string file = "hvlint/New-LabVMs.ps1") =>
        new DiagnosticResult("HV3003", DiagnosticSeverity.Error).WithSpan(file, line, column, line, end)
            .WithArguments("VM '" + vm + "' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)");

    [Fact]
    public Task A_condition_on_a_member_or_a_comparison_runs_only_its_branch() => Task.WhenAll(
        ScriptWith(
            "$lab = Get-Content .\\lab.json -Raw | ConvertFrom-Json\n"
            + "foreach ($vm in $lab.VMs) {\n"
            + "    New-VM -Name $vm.Name -Generation 2\n"
            + "    if ($vm.Legacy) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true }\n"
            + "    if ($vm.Role -eq 'sql') { Set-VMProcessor -VMName $vm.Name -Count 72 }\n"
            + "}\n",
            new[] { ("hvlint/lab.json", "{ \"VMs\": [ { \"Name\": \"a1\", \"Legacy\": false, \"Role\": \"web\" }, { \"Name\": \"a2\", \"Legacy\": true, \"Role\": \"SQL\" } ] }") },
            null,
            // a2 only: a1's Legacy is false and its role not sql (-eq compares text without case, so SQL is sql).
            LegacyOnGeneration2(4, 71, 76, "a2"),
            new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 5, 71, 5, 73)
                .WithArguments("VM 'a2' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM")),
        // A CSV's False is the text 'False', which PowerShell takes as true: the script adds the legacy adapter.
        ScriptWith(
            "foreach ($vm in Import-Csv .\\c.csv) { New-VM -Name $vm.Name -Generation 2; if ($vm.Legacy) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true } }\n",
            new[] { ("hvlint/c.csv", "Name,Legacy\nc1,False\n") },
            null,
            LegacyOnGeneration2(1, 142, 147, "c1")));

    private const string RolesJson = "{ \"VMs\": [ { \"Name\": \"pxe1\", \"Pxe\": true, \"Role\": \"web\", \"Cpu\": 4 }, "
        + "{ \"Name\": \"pxe2\", \"Pxe\": true, \"Role\": \"sql-prod\", \"Cpu\": 16 }, { \"Name\": \"web3\", \"Pxe\": false, \"Role\": \"Web\", \"Cpu\": 2 } ] }";

    [Fact]
    public Task Conditions_joined_with_and_or_and_comparisons_run_only_their_branch() => Task.WhenAll(
        ScriptWith(
            "$lab = Get-Content .\\lab.json -Raw | ConvertFrom-Json\n"
            + "foreach ($vm in $lab.VMs) {\n"
            + "    New-VM -Name $vm.Name -Generation 2\n"
            + "    if ($vm.Pxe -and $vm.Role -like 'sql*') { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true }\n"
            + "    if (($vm.Cpu -gt 8) -or $vm.Role -cin 'dc', 'web') { Set-VMProcessor -VMName $vm.Name -Count 72 }\n"
            + "    if ($vm.Pxe -or $vm.Role -eq 'x' -and $vm.Cpu -gt 100) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true }\n"
            + "    if ((Test-Path $vm.Path) -and !$vm.Pxe) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true }\n"
            + "}\n",
            new[] { ("hvlint/lab.json", RolesJson) },
            null,
            // Line 4: pxe2 only, the one PXE VM whose role is like sql*.
            LegacyOnGeneration2(4, 95, 100, "pxe2"),
            // Line 5: pxe2 for its 16 vCPUs, pxe1 for its role; web3's Web is not web when compared with case (-cin).
            new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 5, 98, 5, 100)
                .WithArguments("VM 'pxe1' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM"),
            new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 5, 98, 5, 100)
                .WithArguments("VM 'pxe2' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM"),
            // Line 6: none. PowerShell ranks -and and -or equal and reads them left to right, so the PXE VMs' true -or
            // false is then -and their vCPUs over 100, which is false ($a -or ($b -and $c) would be true).
            // Line 7: Test-Path is not run, so it is unknown; unknown -and false is false for the PXE VMs, and only
            // web3's unknown -and true reads the branch, as every condition HvLint cannot decide does.
            LegacyOnGeneration2(7, 95, 100, "web3")),
        // A CSV's 10 is text, and '10' -gt 9 compares text in PowerShell ('10' sorts before '9'), where a script's 10
        // would compare as a number: unknown, so the branch is read for c1. For c2, '3' is less either way.
        ScriptWith(
            "foreach ($vm in Import-Csv .\\c.csv) { New-VM -Name $vm.Name -Generation 2; if ($vm.Cpu -gt 9) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true } }\n",
            new[] { ("hvlint/c.csv", "Name,Cpu\nc1,10\nc2,3\n") },
            null,
            LegacyOnGeneration2(1, 145, 150, "c1")));

    private const string TablesLackingPxe =
        "$VMs = @(\n"
        + "    @{ Name = 'h1'; Gen = 2 }\n"
        + "    @{ Name = 'h2'; Gen = 2; Pxe = $true }\n"
        + ")\n"
        + "foreach ($vm in $VMs) {\n"
        + "    New-VM -Name $vm.Name -Generation $vm.Gen\n"
        + "    if ($vm.Pxe) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true }\n"
        + "    if ($vm.ContainsKey('Pxe')) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true }\n"
        + "    if ($vm['Pxe']) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true }\n";

    [Fact]
    public Task A_member_or_key_a_table_lacks_is_null_outside_strict_mode() => Task.WhenAll(
        // The usual table of optional settings per VM: $vm.Pxe of h1, which has no Pxe, is $null, so its branch does not
        // run; nor do ContainsKey's and $vm['Pxe']'s. Count is the table's own member, which no key of h1 or h2 names:
        // unknown, so its branch is read for both.
        ScriptWith(
            TablesLackingPxe + "    if ($vm.Count -eq 9) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true }\n}\n",
            Array.Empty<(string, string)>(),
            null,
            LegacyOnGeneration2(7, 68, 73, "h2"), LegacyOnGeneration2(8, 83, 88, "h2"), LegacyOnGeneration2(9, 71, 76, "h2"),
            LegacyOnGeneration2(10, 76, 81, "h1"), LegacyOnGeneration2(10, 76, 81, "h2")),
        // In strict mode (Set-StrictMode -Version 2.0 and later) $vm.Pxe is an error where the key is missing: unknown, so
        // its branch is read for h1 too. An index and ContainsKey are no error there.
        ScriptWith(
            "Set-StrictMode -Version Latest\n" + TablesLackingPxe + "}\n",
            Array.Empty<(string, string)>(),
            null,
            LegacyOnGeneration2(8, 68, 73, "h1"), LegacyOnGeneration2(8, 68, 73, "h2"), LegacyOnGeneration2(9, 83, 88, "h2"), LegacyOnGeneration2(10, 71, 76, "h2")),
        // An object of ConvertFrom-Json without the property: $null as well. [PSCustomObject]@{ } has no ContainsKey
        // (PowerShell fails there), which is not read: unknown, so that branch is read.
        ScriptWith(
            "$lab = Get-Content .\\lab.json -Raw | ConvertFrom-Json\n"
            + "foreach ($vm in $lab.VMs) { New-VM -Name $vm.Name -Generation 2; if ($vm.Pxe) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true } }\n"
            + "foreach ($vm in @([PSCustomObject]@{ Name = 'p1' })) { New-VM -Name $vm.Name -Generation 2; if ($vm.ContainsKey('Pxe')) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true } }\n",
            new[] { ("hvlint/lab.json", "{ \"VMs\": [ { \"Name\": \"j1\" }, { \"Name\": \"j2\", \"Pxe\": true } ] }") },
            null,
            LegacyOnGeneration2(2, 129, 134, "j2"), LegacyOnGeneration2(3, 171, 176, "p1")));

    [Fact]
    public Task A_loop_s_item_the_script_changes_in_place_is_read_as_changed() => Task.WhenAll(
        // k1 has no Pxe until the loop gives it one: its branch runs too.
        Script(
            "$VMs = @(\n"
            + "    @{ Name = 'k1'; Gen = 2 }\n"
            + "    @{ Name = 'k2'; Gen = 2; Pxe = $true }\n"
            + ")\n"
            + "foreach ($vm in $VMs) {\n"
            + "    New-VM -Name $vm.Name -Generation $vm.Gen\n"
            + "    if (-not $vm.ContainsKey('Pxe')) { $vm.Pxe = $true }\n"
            + "    if ($vm.Pxe) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true }\n"
            + "}\n",
            null,
            LegacyOnGeneration2(8, 68, 73, "k1"), LegacyOnGeneration2(8, 68, 73, "k2")),
        // A loop's variable holds the item itself: k3's Gen is 1 when the second loop reads it, and k4 is splatted with
        // the Generation the loop set. Neither is Generation 2 for certain, so neither has HV3003. k7's Cpu is 64 after
        // --, and its Disk table's Cpu 2: neither is over 64.
        Script(
            "$T = @( @{ Name = 'k3'; Gen = 2 } )\n"
            + "foreach ($t in $T) { $t.Gen = 1 }\n"
            + "foreach ($u in $T) { New-VM -Name $u.Name -Generation $u.Gen; Add-VMNetworkAdapter -VMName $u.Name -IsLegacy $true }\n"
            + "foreach ($vm in @( @{ Name = 'k4'; Generation = 2 } )) { $vm.Generation = 1; New-VM @vm; Add-VMNetworkAdapter -VMName 'k4' -IsLegacy $true }\n"
            + "foreach ($vm in @( @{ Name = 'k7'; Cpu = 65; Disk = @{ Cpu = 72 } } )) { $vm.Cpu--; $vm.Disk.Cpu = 2; New-VM -Name $vm.Name -Generation 2\n"
            + "    Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu; Set-VMProcessor -VMName $vm.Name -Count $vm.Disk.Cpu }\n",
            null),
        // So in a module's function, whose changes are counted in the module's file.
        ScriptWith(
            "Import-Module .\\Lab.psm1\nNew-Lab -Name 'k8'\n",
            new[] { ("hvlint/Lab.psm1", "function New-Lab($Name) {\n    foreach ($vm in @( @{ Gen = 2 } )) { $vm.Gen = 1; New-VM -Name $Name -Generation $vm.Gen; Add-VMNetworkAdapter -VMName $Name -IsLegacy $true }\n}\n") },
            null),
        // A method that changes no table ($name.ToUpper()) leaves the items as written: k6 has no Pxe.
        Script(
            "$name = 'lab'\n$upper = $name.ToUpper()\n"
            + "foreach ($vm in @( @{ Name = 'k5'; Gen = 2; Pxe = $true }, @{ Name = 'k6'; Gen = 2 } )) { New-VM -Name $vm.Name -Generation $vm.Gen; if ($vm.Pxe) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true } }\n",
            null,
            LegacyOnGeneration2(3, 197, 202, "k5")));

    [Fact]
    public Task A_string_method_leaves_the_variable_it_is_called_on_as_it_was() => Task.WhenAll(
        // Text is never changed in place: $name.ToUpper() makes new text, so $name is still 'web01' where the VM is made.
        Script("$name = 'web01'\n$label = $name.ToUpper()\n$short = $name.Substring(0, 3).Trim().Replace('w', 'W').Remove(0, 1)\n"
            + "$parts = $name.Split('-'); $pad = $name.PadLeft(8).TrimEnd().ToLowerInvariant(); $rest = $name.Remove(0, ($parts[0]).Length)\n"
            + "if ($name.StartsWith('web') -or $name.EndsWith('01')) { Write-Host \"Creating $label\" }\n"
            + "New-VM -Name $name\nSet-VMProcessor -VMName $name -Count 8\n",
            "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(7, 38, 39, "web01", 8)),
        // Insert, and Remove with one argument, change a list or a table in place, as they would not text: the variable
        // may hold either, so it is no constant after them. Remove with two is text's only.
        Script("$name = 'web02'\n$longer = $name.Insert(0, 'x')\nNew-VM -Name $name\nSet-VMProcessor -VMName $name -Count 8\n",
            "build_property.HvLintProfile = hyperv-2008r2"),
        Script("$name = 'web03'\n$name.Remove(@('a', 'b'))\nNew-VM -Name $name\nSet-VMProcessor -VMName $name -Count 8\n",
            "build_property.HvLintProfile = hyperv-2008r2"));

    [Fact]
    public Task Text_methods_give_their_text_where_every_culture_gives_the_same() => Task.WhenAll(
        Script("$rows = @( @{ Name = ' web01 '; Cpu = 8 } )\n"
            + "foreach ($row in $rows) {\n"
            + "    $vmName = $row.Name.Trim()\n"
            + "    New-VM -Name $vmName.ToUpper() -Generation 1\n"
            + "    Set-VMProcessor -VMName $vmName.ToUpper() -Count $row.Cpu\n"
            + "}\n"
            + "$n = 7\n"
            + "$app = ('app' + $n.ToString('D2')).Replace('app', 'APP')\n"
            + "Set-VMProcessor -VMName $app -Count 6\n"
            + "Set-VMProcessor -VMName \"$($app.Substring(0, 3).ToLowerInvariant())-$($n.ToString())\" -Count 5\n",
            "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(5, 54, 62, "WEB01", 8), Over2008R2(9, 37, 38, "APP07", 6), Over2008R2(10, 94, 95, "app-7", 5)),
        Script("$v = 'sql-web01'\nSet-VMProcessor -VMName $v.ToUpper() -Count 8\n", "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(2, 45, 46, "SQL-WEB01", 8)),
        // Unknown, so a command on that VM leaves every VM's processors unknown (a script of its own each): the upper case
        // of text with an i ('sql-win01' is 'SQL-WİN01' in a Turkish culture), a Substring past the text's end (PowerShell
        // throws), a property, and a method of a list's item that may be text or a number: 1 has no Trim, and
        // '1'.ToString('D2') throws.
        Script("$v = 'sql-win01'\nSet-VMProcessor -VMName $v.ToUpper() -Count 8\n", "build_property.HvLintProfile = hyperv-2008r2"),
        Script("$short = 'ab'.Substring(3)\nSet-VMProcessor -VMName $short -Count 6\n", "build_property.HvLintProfile = hyperv-2008r2"),
        Script("$short = 'ab'.Substring(1, 5)\nSet-VMProcessor -VMName $short -Count 6\n", "build_property.HvLintProfile = hyperv-2008r2"),
        Script("$length = 'abc'.Length\nSet-VMProcessor -VMName $length -Count 6\n", "build_property.HvLintProfile = hyperv-2008r2"),
        Script("$ids = 1, 2\nforeach ($i in $ids) { Set-VMProcessor -VMName ('n' + $i.Trim()) -Count 6 }\n", "build_property.HvLintProfile = hyperv-2008r2"),
        Script("$ids = 1, 2\nforeach ($i in $ids) { Set-VMProcessor -VMName ('n' + $i.ToString('D2')) -Count 6 }\n", "build_property.HvLintProfile = hyperv-2008r2"));

    [Fact]
    public Task A_variable_assigned_again_holds_each_value_from_where_it_is_assigned() => Task.WhenAll(
        Script("$name = 'seq01'\nNew-VM -Name $name -Generation 1\nSet-VMProcessor -VMName $name -Count 8\n"
            + "$name = 'seq02'\nNew-VM -Name $name -Generation 1\nSet-VMProcessor -VMName $name -Count 6\n"
            + "foreach ($role in 'web', 'sql') {\n    $params = @{ Name = \"loop-$role\"; Generation = 1 }\n    New-VM @params\n}\n"
            + "foreach ($role in 'app') {\n    $params = @{ Name = \"sib-$role\"; Generation = 1 }\n    New-VM @params\n"
            + "    Set-VMProcessor -VMName $params.Name -Count 5\n}\n",
            "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(3, 38, 39, "seq01", 8), Over2008R2(6, 38, 39, "seq02", 6), Over2008R2(14, 49, 50, "sib-app", 5)),
        // A ForEach-Object block runs where it is written, as a loop's body does.
        Script("$h = 'fe01'\n1 | ForEach-Object { Set-VMProcessor -VMName $h -Count 7 }\n$h = 'fe02'\nSet-VMProcessor -VMName $h -Count 6\n", "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(2, 56, 57, "fe01", 7), Over2008R2(4, 35, 36, "fe02", 6)),
        // Unknown (a script of its own each): after an assignment in a branch that may not run; in a script block kept to
        // run later (it runs after 'sb02' is assigned, not where it is written); after an assignment HvLint cannot read,
        // which leaves no earlier value behind; and in a switch on a list, whose later item may run the clause that
        // assigns it before the one that reads it.
        Script("$n = 'br01'\nif ($env:X) { $n = 'br02' }\nSet-VMProcessor -VMName $n -Count 8\n", "build_property.HvLintProfile = hyperv-2008r2"),
        Script("$n = 'sb01'\n$make = { Set-VMProcessor -VMName $n -Count 8 }\n$n = 'sb02'\n& $make\n", "build_property.HvLintProfile = hyperv-2008r2"),
        Script("$n = 'st01'\n$n = Get-NextName\nSet-VMProcessor -VMName $n -Count 8\n", "build_property.HvLintProfile = hyperv-2008r2"),
        Script("$n = 'sw01'\nswitch ($env:ROLES) { 'a' { Set-VMProcessor -VMName $n -Count 8 } 'b' { $n = 'sw02' } }\n", "build_property.HvLintProfile = hyperv-2008r2"));

    [Fact]
    public Task A_table_entry_s_value_may_be_an_expression_and_the_other_entries_are_read_either_way() => Script(
        // A table is written in expression mode: [int]$VM.Gen is a cast there, as it is not in a command's argument. Path
        // runs Join-Path, unknown; the entries around it are read.
        "$rows = @( @{ Name = ' tb01 '; Gen = '2'; Cpu = '8'; MemGB = '80' } )\n"
        + "foreach ($VM in $rows) {\n"
        + "    $params = @{\n"
        + "        Name               = $VM.Name.Trim()\n"
        + "        MemoryStartupBytes = [int64]$VM.MemGB * 1GB\n"
        + "        Generation         = [int]$VM.Gen\n"
        + "        Path               = Join-Path 'D:\\VMs' $VM.Name\n"
        + "    }\n"
        + "    New-VM @params\n"
        + "    Set-VMProcessor -VMName $params.Name -Count ([int]$VM.Cpu)\n"
        + "    $p2 = @{ VMName = 'tb' + '02'; Count = [int]$VM.Cpu * 2 }\n"
        + "    Set-VMProcessor @p2\n"
        + "}\n",
        "build_property.HvLintProfile = hyperv-2008r2",
        new DiagnosticResult("HV1003", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 5, 30, 5, 52)
            .WithArguments("VM 'tb01' has 80 GB of startup memory; hyperv-2008r2 allows 64 GB per VM"),
        new DiagnosticResult("HV1005", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 6, 30, 6, 42)
            .WithArguments("VM 'tb01' is Generation 2, but hyperv-2008r2 has only Generation 1 VMs (Generation 2 arrived with Windows Server 2012 R2)"),
        Over2008R2(10, 49, 63, "tb01", 8), Over2008R2(11, 44, 60, "tb02", 16));

    [Fact]
    public Task Two_hashtables_added_are_one_with_the_entries_of_both() => Task.WhenAll(
        Script("$common = @{ MemoryStartupBytes = 2GB; Generation = 2; SwitchName = 'External' }\n"
            + "$p = $common + @{ Name = 'mrg01' }\nNew-VM @p\nAdd-VMNetworkAdapter -VMName mrg01 -IsLegacy $true\n",
            expected: LegacyOnGeneration2(4, 46, 51, "mrg01")),
        // PowerShell throws for a key in both, and an [ordered] table has no '+': the splat is unknown, and so is the
        // generation of the VM it would make.
        Script("$common = @{ MemoryStartupBytes = 2GB; Generation = 2 }\n"
            + "$p = $common + @{ Name = 'mrg02'; Generation = 1 }\nNew-VM @p\nAdd-VMNetworkAdapter -VMName mrg02 -IsLegacy $true\n"),
        Script("$common = [ordered]@{ MemoryStartupBytes = 2GB; Generation = 2 }\n"
            + "$p = $common + @{ Name = 'mrg03' }\nNew-VM @p\nAdd-VMNetworkAdapter -VMName mrg03 -IsLegacy $true\n"));

    [Fact]
    public Task Join_Path_gives_the_path_it_joins() => Task.WhenAll(
        Script("$root = 'D:\\VMs'\n$disk = Join-Path $root 'vhd02.vhd'\nNew-VHD -Path $disk -SizeBytes 3TB -Dynamic\nNew-VM -Name vhd02 -Generation 1 -VHDPath $disk\n"
            + "New-VHD -Path (Join-Path -Path $root -ChildPath 'vhd03.vhd') -SizeBytes 3TB -Dynamic\nNew-VM -Name vhd03 -Generation 1 -VHDPath (Join-Path $root '\\vhd03.vhd')\n",
            "build_property.HvLintProfile = hyperv-2012r2",
            VhdTooLarge(3, 32, 35, "vhd02"), DynamicVhd(3, 36, 44, "vhd02"), VhdTooLarge(5, 73, 76, "vhd03"), DynamicVhd(5, 77, 85, "vhd03")),
        // -Resolve gives the path only if it exists, and a pipeline's last command gives the value: unknown, so New-VM's
        // disk is not the one New-VHD made.
        Script("$root = 'D:\\VMs'\n$disk = Join-Path $root 'vhd04.vhd' -Resolve\nNew-VHD -Path $disk -SizeBytes 3TB -Dynamic\nNew-VM -Name vhd04 -Generation 1 -VHDPath $disk\n"
            + "$path = Join-Path $root 'vhd05.vhd' | Split-Path\nNew-VHD -Path $path -SizeBytes 3TB -Dynamic\nNew-VM -Name vhd05 -Generation 1 -VHDPath $path\n",
            "build_property.HvLintProfile = hyperv-2012r2"));

    private static DiagnosticResult VhdTooLarge(int line, int column, int end, string vm) =>
        new DiagnosticResult("HV2003", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", line, column, line, end)
            .WithArguments("VM '" + vm + "' has the VHD disk 'D:\\VMs\\" + vm + ".vhd' of 3 TB; a VHD holds at most 2040 GB");

    private static DiagnosticResult DynamicVhd(int line, int column, int end, string vm) =>
        new DiagnosticResult("HV2008", DiagnosticSeverity.Warning).WithSpan("hvlint/New-LabVMs.ps1", line, column, line, end)
            .WithArguments("VM '" + vm + "' has the dynamically expanding VHD-format disk 'D:\\VMs\\" + vm + ".vhd', which a power failure can corrupt; convert it to VHDX (Convert-VHD) or to a fixed-size disk");

    [Fact]
    public Task An_if_assigned_to_a_variable_gives_it_the_value_of_the_branch_that_runs() => Script(
        "$VMs = @(\n"
        + "    @{ Name = 'g1'; Pxe = $true }\n"
        + "    @{ Name = 'g2'; Generation = 1 }\n"
        + ")\n"
        + "foreach ($vm in $VMs) {\n"
        + "    $gen = if ($vm.ContainsKey('Generation')) { $vm.Generation } else { 2 }\n"
        + "    New-VM -Name $vm.Name -Generation $gen\n"
        + "    $nic = if ($vm.Pxe) { 'legacy' } elseif ($gen -eq 1) { New-VM -Name 'g3' -Generation 2; Add-VMNetworkAdapter -VMName 'g3' -IsLegacy $true; 'x' } else { 'y' }\n"
        + "    if ($nic -eq 'legacy') { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true }\n"
        + "}\n",
        null,
        // g1 is Generation 2 (it has no Generation) and its $nic is 'legacy'. For g2 (Generation 1) the elseif runs,
        // whose commands are read as any branch's: g3's adapter; its value, after two commands, is not one HvLint reads.
        LegacyOnGeneration2(8, 137, 142, "g3"), LegacyOnGeneration2(9, 78, 83, "g1"));

    [Fact]
    public Task A_number_written_in_the_script_is_a_number_and_quoted_text_is_text() => Script(
        "$none = 0\n"
        + "$text = '0'\n"
        + "New-VM -Name 'n1' -Generation 2\n"
        + "if ($none) { Add-VMNetworkAdapter -VMName 'n1' -IsLegacy $true }\n"
        + "if ($text) { Add-VMNetworkAdapter -VMName 'n1' -IsLegacy $true }\n"
        + "foreach ($vm in @( @{ Name = 'n2'; Generation = 1 }, @{ Name = 'n3'; Generation = 0 } )) { New-VM -Name $vm.Name -Generation 2; if ($vm.Generation) { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true } }\n"
        + "New-VM -Name 007 -Generation 2; Add-VMNetworkAdapter -VMName '007' -IsLegacy $true\n",
        null,
        // PowerShell takes the number 0 as false and the text '0' as true (a CSV's 0 is text, so unknown there); so a
        // table's Generation = 1 is true and 0 false. A number written otherwise is passed as written: the VM 007.
        LegacyOnGeneration2(5, 58, 63, "n1"), LegacyOnGeneration2(6, 199, 204, "n2"), LegacyOnGeneration2(7, 78, 83, "007"));

    private static readonly (string, string)[] Rows = { ("hvlint/rows.csv", "Name,Role,Cpu\nweb01,web,8\nsql01,sql,8\nweb02,WEB,2\n") };

    [Fact]
    public Task A_list_inside_the_list_of_contains_equals_no_one_value() => Script(
        // PowerShell compares each item with -eq: the list (1, 2) is not 'a' nor 'b', and 'a' is 'a'.
        "foreach ($n in 'a','b') { if ((1, 2), 'a' -contains $n) { New-VM -Name $n -Generation 2; Add-VMNetworkAdapter -VMName $n -IsLegacy $true } }\n",
        null,
        LegacyOnGeneration2(1, 132, 137, "a"));

    [Fact]
    public Task Blocks_nested_thousands_deep_are_read_without_running_out_of_stack() => Task.WhenAll(
        // Each level of a branch, clause, loop or table read on its own is a call: past 64 levels they are read in the one
        // pass that needs none. Before, 10,000 of them overflowed the stack, which ends the compiler's process.
        Script(string.Concat(Enumerable.Repeat("if ($true) { ", 10000)) + "New-VM -Name x" + string.Concat(Enumerable.Repeat(" }", 10000)) + "\n"),
        Script(string.Concat(Enumerable.Repeat("switch (1) { 1 { ", 10000)) + "New-VM -Name x" + string.Concat(Enumerable.Repeat(" } }", 10000)) + "\n"),
        Script(string.Concat(Enumerable.Repeat("foreach ($a in 1) { ", 10000)) + "New-VM -Name x" + string.Concat(Enumerable.Repeat(" }", 10000)) + "\n"),
        Script("$x = " + string.Concat(Enumerable.Repeat("@{ a = ", 10000)) + "1" + string.Concat(Enumerable.Repeat(" }", 10000)) + "\nNew-VM @x\n"),
        Script("if (" + new string('(', 10000) + "$true" + new string(')', 10000) + " -and " + new string('!', 10000) + "$false) { New-VM -Name y }\n"));

    // A module whose function makes a VM with the module's own $Cpus (72) and $LabSwitch.
    private const string LabModule = "$LabSwitch = 'Lab'\n$script:Cpus = 72\n"
        + "function New-ModVM($Name) { New-VM -Name $Name -Generation 2 -SwitchName $LabSwitch; Set-VMProcessor -VMName $Name -Count $script:Cpus }\n";

    /// <summary>LabModule's finding for <paramref name="vm"/>: the module's 72 virtual processors, where its function sets them in <paramref name="file"/>.</summary>
    private static DiagnosticResult LabModuleCpus(string file, string vm) =>
        new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan(file, 3, 123, 3, 135)
            .WithArguments("VM '" + vm + "' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM");

    [Fact]
    public Task A_module_s_function_reads_the_variables_the_module_fixes() => ScriptWith(
        "$Cpus = 2\nImport-Module .\\Lab.psm1\nNew-ModVM -Name 'mod01'\n",
        new[]
        {
            ("hvlint/Lab.psm1", LabModule),
        },
        null,
        // The module's own $Cpus (72), not the script's (2). On its own, the module's function names no VM.
        LabModuleCpus("hvlint/Lab.psm1", "mod01"));

    [Fact]
    public Task A_module_imported_by_its_folder_is_the_root_module_its_manifest_names() =>
        // Import-Module .\Modules\Lab loads Modules\Lab\Lab.psd1, whose RootModule is LabCore.psm1 beside it.
        ScriptWith(
            "Import-Module \"$PSScriptRoot\\Modules\\Lab\"\nNew-ModVM -Name 'mod01'\n",
            new[]
            {
                ("hvlint/Modules/Lab/Lab.psd1", "@{\n    RootModule = 'LabCore.psm1'\n    ModuleVersion = '1.0.0'\n    FunctionsToExport = @('New-ModVM')\n}\n"),
                ("hvlint/Modules/Lab/LabCore.psm1", LabModule),
            },
            null,
            LabModuleCpus("hvlint/Modules/Lab/LabCore.psm1", "mod01"));

    [Fact]
    public Task A_module_imported_by_its_manifest_or_by_a_folder_without_one_is_its_script_module() => Task.WhenAll(
        ScriptWith(
            "Import-Module .\\Modules\\Lab\\Lab.psd1\nNew-ModVM -Name 'mod02'\n",
            new[]
            {
                ("hvlint/Modules/Lab/Lab.psd1", "@{ ModuleToProcess = \"LabCore.psm1\" }\n"),
                ("hvlint/Modules/Lab/LabCore.psm1", LabModule),
            },
            null,
            LabModuleCpus("hvlint/Modules/Lab/LabCore.psm1", "mod02")),
        ScriptWith(
            "Import-Module .\\Tools\\\nNew-ModVM -Name 'mod03'\n",
            new[] { ("hvlint/Tools/Tools.psm1", LabModule) },
            null,
            LabModuleCpus("hvlint/Tools/Tools.psm1", "mod03")));

    [Fact]
    public Task A_module_a_using_module_statement_names_is_imported_as_Import_Module_imports_it() => Task.WhenAll(
        // Relative to the script's folder, quoted or not, a manifest or a folder; a comment may follow.
        ScriptWith(
            "using module .\\Modules\\Lab # the lab's own module\nNew-ModVM -Name 'u01'\n",
            new[] { ("hvlint/Modules/Lab/Lab.psd1", "@{ RootModule = 'LabCore.psm1' }\n"), ("hvlint/Modules/Lab/LabCore.psm1", LabModule) },
            null,
            LabModuleCpus("hvlint/Modules/Lab/LabCore.psm1", "u01")),
        ScriptWith(
            "using module 'Tools\\Tools.psm1'\nNew-ModVM -Name 'u02'\n",
            new[] { ("hvlint/Tools/Tools.psm1", LabModule) },
            null,
            LabModuleCpus("hvlint/Tools/Tools.psm1", "u02")),
        // A bare name is looked up as the script is parsed, before its statements add a folder to $env:PSModulePath.
        ScriptWith(
            "using module Tools\n$env:PSModulePath = \"$PSScriptRoot;$env:PSModulePath\"\nNew-ModVM -Name 'u03'\n",
            new[] { ("hvlint/Tools/Tools.psm1", LabModule) },
            null));

    [Fact]
    public Task A_module_s_nested_modules_are_the_module_s_functions_too() => Task.WhenAll(
        // RootModule and a list of nested modules over several lines, one in a subfolder, one a .ps1 (run in the module's
        // scope); a binary module and a specification table are no files of HvLint's.
        ScriptWith(
            "Import-Module .\\Modules\\Lab\nNew-VM -Name 'n01' -Generation 2\nAdd-LegacyNic -VMName 'n01'\nNew-ModVM -Name 'n02'\n",
            new[]
            {
                ("hvlint/Modules/Lab/Lab.psd1", "@{\n    RootModule = 'LabCore.psm1'\n    NestedModules = @(\n        'Private\\Nics.psm1' # the adapters\n        @{ ModuleName = 'Other.psm1'; ModuleVersion = '1.0' },\n        \"Public.ps1\", 'Lab.Native.dll'\n    )\n}\n"),
                ("hvlint/Modules/Lab/LabCore.psm1", "function Get-LabName { 'lab' }\n"),
                ("hvlint/Modules/Lab/Private/Nics.psm1", "function Add-LegacyNic($VMName) { Add-VMNetworkAdapter -VMName $VMName -IsLegacy $true }\n"),
                ("hvlint/Modules/Lab/Public.ps1", LabModule),
                ("hvlint/Modules/Lab/Other.psm1", "function New-ModVM($Name) { New-VM -Name $Name -Generation 1 }\n"),
            },
            null,
            LegacyOnGeneration2(1, 82, 87, "n01", "hvlint/Modules/Lab/Private/Nics.psm1"),
            LabModuleCpus("hvlint/Modules/Lab/Public.ps1", "n02")),
        // A manifest without a root module, one nested module named on its own.
        ScriptWith(
            "Import-Module .\\Tools\\Tools.psd1\nNew-ModVM -Name 'n03'\n",
            new[] { ("hvlint/Tools/Tools.psd1", "@{ NestedModules = 'Impl\\Tools.psm1'; ModuleVersion = '2.0' }\n"), ("hvlint/Tools/Impl/Tools.psm1", LabModule) },
            null,
            LabModuleCpus("hvlint/Tools/Impl/Tools.psm1", "n03")));

    [Fact]
    public Task A_module_imported_by_a_bare_name_is_not_looked_for_beside_the_script() => Task.WhenAll(
        // PowerShell finds it through $env:PSModulePath: its functions stay unknown.
        ScriptWith(
            "Import-Module Tools\nNew-ModVM -Name 'mod04'\n",
            new[] { ("hvlint/Tools/Tools.psm1", LabModule) },
            null),
        // The script adds the folder only after the import, which has failed by then.
        ScriptWith(
            "Import-Module Tools\n$env:PSModulePath += \";$PSScriptRoot\"\nNew-ModVM -Name 'mod04'\n",
            new[] { ("hvlint/Tools/Tools.psm1", LabModule) },
            null));

    [Fact]
    public Task A_module_imported_by_a_bare_name_is_found_in_a_folder_the_script_adds_to_PSModulePath() => Task.WhenAll(
        // Modules\Lab\Lab.psd1 in the folder put first; the machine's own folders ($env:PSModulePath) are not HvLint's.
        ScriptWith(
            "$env:PSModulePath = \"$PSScriptRoot\\Modules;$env:PSModulePath\"\nImport-Module Lab\nNew-ModVM -Name 'mod05'\n",
            new[]
            {
                ("hvlint/Modules/Lab/Lab.psd1", "@{ RootModule = 'LabCore.psm1' }\n"),
                ("hvlint/Modules/Lab/LabCore.psm1", LabModule),
            },
            null,
            LabModuleCpus("hvlint/Modules/Lab/LabCore.psm1", "mod05")),
        // Added at the end, in single quotes, the second of two folders; the module a .psm1 named for its folder.
        ScriptWith(
            "$env:PSModulePath += ';.\\Shared;' + \"$PSScriptRoot\\Mods\"\nImport-Module -Name Tools\nNew-ModVM -Name 'mod06'\n",
            new[] { ("hvlint/Mods/Tools/Tools.psm1", LabModule) },
            null,
            LabModuleCpus("hvlint/Mods/Tools/Tools.psm1", "mod06")));

    [Fact]
    public Task A_module_is_audited_on_its_own_and_what_it_reports_there_is_reported_once() => ScriptWith(
        "Import-Module .\\Lab.psm1\nAdd-PosNic\n",
        new[]
        {
            ("hvlint/Lab.psm1", "function Add-PosNic { New-VM -Name 'pos01' -Generation 2; Add-VMNetworkAdapter -VMName 'pos01' -IsLegacy $true }\n"
                + "function Add-KioskNic { New-VM -Name 'kiosk01' -Generation 2; Add-VMNetworkAdapter -VMName 'kiosk01' -IsLegacy $true }\n"),
        },
        null,
        // The module's functions on their own: pos01's and kiosk01's adapters (kiosk01's function no script calls). The
        // script's call of Add-PosNic finds pos01's again, which the module reports itself: once.
        LegacyOnGeneration2(1, 106, 111, "pos01", "hvlint/Lab.psm1"),
        LegacyOnGeneration2(2, 112, 117, "kiosk01", "hvlint/Lab.psm1"));

    [Fact]
    public Task Where_Object_keeps_the_rows_its_condition_is_true_for() => Task.WhenAll(
        // web01 and web02 (WEB is web without case); sql01's 8 vCPUs are filtered out, and web02's 2 are within 4.
        ScriptWith(
            "Import-Csv .\\rows.csv | Where-Object { $_.Role -eq 'web' } | ForEach-Object { Set-VMProcessor -VMName $_.Name -Count $_.Cpu }\n",
            Rows, "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(1, 118, 124, "web01", 8)),
        // The simplified syntax, with the pipeline in the foreach statement's parentheses.
        ScriptWith(
            "foreach ($vm in (Import-Csv .\\rows.csv | ? Role -like 's*')) { Set-VMProcessor -VMName $vm.Name -Count 6 }\n",
            Rows, "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(1, 104, 105, "sql01", 6)),
        // A pipeline that goes on over line breaks after its '|'; the CSV's 8 is more than 4 as text and as a number.
        ScriptWith(
            "Import-Csv .\\rows.csv |\n    where Cpu -gt 4 |\n    ForEach-Object { Set-VMProcessor -VMName $_.Name -Count 5 }\n",
            Rows, "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(3, 61, 62, "web01", 5), Over2008R2(3, 61, 62, "sql01", 5)),
        // Assigned: the variable holds the rows the filter keeps, and the lines.
        ScriptWith(
            "$web = Import-Csv .\\rows.csv | Where-Object { $_.Role -eq 'web' }\nforeach ($vm in $web) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n",
            Rows, "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(2, 65, 72, "web01", 8)),
        ScriptWith(
            "$names = Get-Content .\\names.txt | ? { $_ }\n$names | ForEach-Object { Set-VMProcessor -VMName $_ -Count 6 }\n",
            new[] { ("hvlint/names.txt", "db01\n\ndb02\n") }, "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(2, 61, 62, "db01", 6), Over2008R2(2, 61, 62, "db02", 6)),
        // A filter HvLint cannot evaluate (a command it does not run) leaves the rows unknown: the loop is read once,
        // its VM unknown, and nothing is reported.
        ScriptWith(
            "Import-Csv .\\rows.csv | Where-Object { Test-Connection $_.Name -Quiet } | ForEach-Object { Set-VMProcessor -VMName $_.Name -Count 6 }\n",
            Rows, "build_property.HvLintProfile = hyperv-2008r2"),
        // So does a simplified filter whose value is an expression (it threw NullReferenceException on day 17's first
        // version of the stage reader).
        ScriptWith(
            "Import-Csv .\\rows.csv | Where-Object Role -eq @('web') | ForEach-Object { Set-VMProcessor -VMName $_.Name -Count 6 }\n",
            Rows, "build_property.HvLintProfile = hyperv-2008r2"));

    [Fact]
    public Task Sort_Object_and_Select_Object_pass_on_the_rows_PowerShell_would() => Task.WhenAll(
        // Sorted by name, last first (web02, web01, sql01), then the first two: web02 and web01, not sql01, which the
        // first two rows as written would have held.
        ScriptWith(
            "Import-Csv .\\rows.csv | Sort-Object Name -Descending | Select-Object -First 2 | ForEach-Object { Set-VMProcessor -VMName $_.Name -Count 6 }\n",
            Rows, "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(1, 137, 138, "web01", 6), Over2008R2(1, 137, 138, "web02", 6)),
        // The names alone, of the web rows (WEB is web without case).
        ScriptWith(
            "Import-Csv .\\rows.csv | Where-Object Role -eq web | Select-Object -ExpandProperty Name | ForEach-Object { Set-VMProcessor -VMName $_ -Count 5 }\n",
            Rows, "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(1, 141, 142, "web01", 5), Over2008R2(1, 141, 142, "web02", 5)),
        // Two properties of the rows after the first: sql01's 8 (web02's 2 is within 4).
        ScriptWith(
            "$vms = Import-Csv .\\rows.csv | Select-Object Name, Cpu -Skip 1\nforeach ($vm in $vms) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n",
            Rows, "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(2, 65, 72, "sql01", 8)),
        // A property the selection drops is unknown, never another row's: no VM is named.
        ScriptWith(
            "Import-Csv .\\rows.csv | Select-Object Role | ForEach-Object { Set-VMProcessor -VMName $_.Name -Count 6 }\n",
            Rows, "build_property.HvLintProfile = hyperv-2008r2"),
        // A sort by a script block, and -Unique, are not read: the rows are unknown, and nothing is reported.
        ScriptWith(
            "Import-Csv .\\rows.csv | Sort-Object { $_.Cpu } | Select-Object -First 1 | ForEach-Object { Set-VMProcessor -VMName $_.Name -Count 6 }\n",
            Rows, "build_property.HvLintProfile = hyperv-2008r2"),
        ScriptWith(
            "Import-Csv .\\rows.csv | Select-Object -Unique -First 1 | ForEach-Object { Set-VMProcessor -VMName $_.Name -Count 6 }\n",
            Rows, "build_property.HvLintProfile = hyperv-2008r2"));

    [Fact]
    public Task A_list_of_names_read_with_Get_Content_is_read_line_by_line() => Task.WhenAll(
        // Get-Content passes blank lines on too; Where-Object { $_ } drops them, as '' is false.
        ScriptWith(
            "foreach ($name in (Get-Content \"$PSScriptRoot\\names.txt\" | Where-Object { $_ })) {\n"
            + "    New-VM -Name $name -Generation 2\n"
            + "    Set-VMProcessor -VMName $name -Count 72\n"
            + "}\n",
            new[] { ("hvlint/names.txt", "app01\r\n\r\napp02\r\n") },
            null,
            new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 3, 42, 3, 44)
                .WithArguments("VM 'app01' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM"),
            new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 3, 42, 3, 44)
                .WithArguments("VM 'app02' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM")),
        // Assigned with an alias, then piped: the last line needs no line break.
        ScriptWith(
            "$names = gc .\\names.txt\n$names | % { Set-VMProcessor -VMName $_ -Count 8 }\n",
            new[] { ("hvlint/names.txt", "db01\ndb02") },
            "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(2, 48, 49, "db01", 8), Over2008R2(2, 48, 49, "db02", 8)),
        // -Raw reads the file as one text: not a list HvLint reads.
        ScriptWith(
            "Get-Content .\\names.txt -Raw | ForEach-Object { Set-VMProcessor -VMName $_ -Count 8 }\n",
            new[] { ("hvlint/names.txt", "db01\ndb02\n") },
            "build_property.HvLintProfile = hyperv-2008r2"),
        // -TotalCount (-First, -Head) keeps the first lines, -Tail (-Last) the last ones.
        ScriptWith(
            "foreach ($n in Get-Content .\\names.txt -TotalCount 1) { Set-VMProcessor -VMName $n -Count 8 }\n"
            + "Get-Content .\\names.txt -Last 1 | ForEach-Object { Set-VMProcessor -VMName $_ -Count 6 }\n",
            new[] { ("hvlint/names.txt", "db01\ndb02\ndb03\n") },
            "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(1, 91, 92, "db01", 8), Over2008R2(2, 86, 87, "db03", 6)),
        // 0 is not read (the documentation gives -1 for all lines, and nothing for 0): the lines are unknown.
        ScriptWith(
            "foreach ($n in Get-Content .\\names.txt -TotalCount 0) { Set-VMProcessor -VMName $n -Count 7 }\n",
            new[] { ("hvlint/names.txt", "db01\ndb02\ndb03\n") },
            "build_property.HvLintProfile = hyperv-2008r2"));

    private const string SwitchJson = "{ \"VMs\": [ { \"Name\": \"s1\", \"Role\": \"PXE\", \"Cpu\": 2 }, { \"Name\": \"web-s2\", \"Role\": \"sql\", \"Cpu\": 16 }, "
        + "{ \"Name\": \"s3\", \"Role\": \"file\", \"Cpu\": 4 }, { \"Name\": \"WEB-s4\", \"Role\": \"file\", \"Cpu\": 4 } ] }";

    [Fact]
    public Task The_Where_and_ForEach_methods_go_through_the_items_as_their_cmdlets_do() => Task.WhenAll(
        // web-s2 is the one sql VM: its 16 vCPUs.
        ScriptWith(
            "$lab = Get-Content .\\lab.json -Raw | ConvertFrom-Json\n"
            + "$lab.VMs.Where({ $_.Role -eq 'sql' }).ForEach({ Set-VMProcessor -VMName $_.Name -Count $_.Cpu })\n",
            new[] { ("hvlint/lab.json", SwitchJson) }, "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(2, 88, 94, "web-s2", 16)),
        // The VMs of more than 3 vCPUs, in a foreach statement: s1's 2 is filtered out.
        ScriptWith(
            "$lab = Get-Content .\\lab.json -Raw | ConvertFrom-Json\n"
            + "foreach ($vm in $lab.VMs.Where({ $_.Cpu -gt 3 })) { Set-VMProcessor -VMName $vm.Name -Count 5 }\n",
            new[] { ("hvlint/lab.json", SwitchJson) }, "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(2, 93, 94, "web-s2", 5), Over2008R2(2, 93, 94, "s3", 5), Over2008R2(2, 93, 94, "WEB-s4", 5)),
        // Assigned: the variable holds the items kept.
        ScriptWith(
            "$lab = Get-Content .\\lab.json -Raw | ConvertFrom-Json\n"
            + "$sql = $lab.VMs.Where({ $_.Role -eq 'sql' })\n"
            + "foreach ($vm in $sql) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n",
            new[] { ("hvlint/lab.json", SwitchJson) }, "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(3, 65, 72, "web-s2", 16)),
        // A mode ('First') is not read: the items are unknown, and the block is read once with $_ unknown.
        ScriptWith(
            "$lab = Get-Content .\\lab.json -Raw | ConvertFrom-Json\n"
            + "$lab.VMs.Where({ $_.Role -eq 'sql' }, 'First').ForEach({ Set-VMProcessor -VMName $_.Name -Count $_.Cpu })\n",
            new[] { ("hvlint/lab.json", SwitchJson) }, "build_property.HvLintProfile = hyperv-2008r2"));

    [Fact]
    public Task A_switch_on_a_CSV_s_rows_tests_each_row_with_its_script_block_labels() => ScriptWith(
        // A row equals no written label; a script block label tests it: sql01's 8 vCPUs, not the web rows'.
        "switch (Import-Csv .\\rows.csv) {\n    { $_.Role -eq 'sql' } { Set-VMProcessor -VMName $_.Name -Count $_.Cpu }\n}\n",
        Rows, "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(2, 68, 74, "sql01", 8));

    [Fact]
    public Task A_switch_on_a_list_goes_through_the_clauses_item_by_item_with_the_item_as_its_value() => Script(
        // web and file each run their clause (file the default) with $_ holding the item; sql its own. Before, a list
        // was not read: every clause ran once, $_ unknown, and only sql-01's adapter was found.
        "$roles = 'web', 'sql', 'file'\n"
        + "switch ($roles) {\n"
        + "    'web' { New-VM -Name \"$_-01\" -Generation 2; Set-VMProcessor -VMName \"$_-01\" -Count 70 }\n"
        + "    'sql' { New-VM -Name 'sql-01' -Generation 2; Add-VMNetworkAdapter -VMName 'sql-01' -IsLegacy $true }\n"
        + "    default { New-VM -Name \"$_-01\" -Generation 2; Set-VMProcessor -VMName \"$_-01\" -Count 66 }\n"
        + "}\n",
        expected: new[] { TooManyAt(3, 88, 90, "web-01", 70), LegacyOnGeneration2(4, 98, 103, "sql-01"), TooManyAt(5, 90, 92, "file-01", 66) });

    [Fact]
    public Task A_switch_on_a_value_the_script_fixes_runs_only_its_matching_clauses() => Task.WhenAll(
        ScriptWith(
            "$lab = Get-Content .\\lab.json -Raw | ConvertFrom-Json\n"
            + "foreach ($vm in $lab.VMs) {\n"
            + "    New-VM -Name $vm.Name -Generation 2\n"
            + "    switch ($vm.Role) {\n"
            + "        'pxe' { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true }\n"
            + "        sql { Set-VMProcessor -VMName $vm.Name -Count 72 }\n"
            + "        default { Set-VMProcessor -VMName $vm.Name -Count 66 }\n"
            + "    }\n"
            + "}\n",
            new[] { ("hvlint/lab.json", SwitchJson) },
            null,
            // s1's PXE is pxe without case; web-s2's sql matches the bare word; s3 and WEB-s4 match nothing, so default.
            LegacyOnGeneration2(5, 65, 70, "s1"),
            new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 6, 55, 6, 57)
                .WithArguments("VM 'web-s2' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM"),
            new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 7, 59, 7, 61)
                .WithArguments("VM 's3' has 66 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM"),
            new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 7, 59, 7, 61)
                .WithArguments("VM 'WEB-s4' has 66 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM")),
        // -Wildcard with -CaseSensitive: web* matches web-s2, not WEB-s4. A script block label tests $_, the value.
        ScriptWith(
            "$lab = Get-Content .\\lab.json -Raw | ConvertFrom-Json\n"
            + "foreach ($vm in $lab.VMs) {\n"
            + "    switch -Wildcard -CaseSensitive ($vm.Name) { 'web*' { Set-VMProcessor -VMName $vm.Name -Count 70 } }\n"
            + "    switch ($vm.Cpu) { { $_ -le 2 } { Set-VMProcessor -VMName $vm.Name -Count 68 } }\n"
            + "}\n",
            new[] { ("hvlint/lab.json", SwitchJson) },
            "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(3, 99, 101, "web-s2", 70), Over2008R2(4, 79, 81, "s1", 68)));

    [Fact]
    public Task Settings_HvLint_cannot_know_leave_the_loop_unknown_and_silent() => ScriptWith(
        // Not JSON; a file not given; Get-Content without ConvertFrom-Json (lines of text); a pipeline that filters.
        "$broken = Get-Content .\\broken.json | ConvertFrom-Json\nforeach ($vm in $broken.VMs) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n"
        + "$missing = Get-Content .\\missing.json | ConvertFrom-Json\nforeach ($vm in $missing.VMs) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n"
        + "$lines = Get-Content .\\lab.json\nforeach ($vm in $lines.VMs) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n"
        + "$some = Get-Content .\\lab.json | ConvertFrom-Json | Select-Object -First 1\nforeach ($vm in $some.VMs) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n",
        new[] { ("hvlint/lab.json", LabJson), ("hvlint/broken.json", "{ \"VMs\": [ { \"Name\": \"x\", \"Cpu\": 99 } ") },
        "build_property.HvLintProfile = hyperv-2008r2");

    private const string SqlScript = "$cpus = 8\n. .\\Settings.ps1\nNew-VM -Name 'sql01'\nSet-VMProcessor -VMName 'sql01' -Count $cpus\n";

    [Fact]
    public Task A_dot_sourced_script_that_leaves_a_variable_alone_keeps_its_value() => ScriptWith(
        SqlScript, new[] { ("hvlint/Settings.ps1", "$SwitchName = 'Lab'\n") }, "build_property.HvLintProfile = hyperv-2008r2",
        Over2008R2(4, 40, 45, "sql01", 8));

    [Fact]
    public Task A_dot_sourced_script_that_writes_a_variable_or_is_not_given_makes_it_unknown() => Task.WhenAll(
        ScriptWith(SqlScript, new[] { ("hvlint/Settings.ps1", "$cpus = 2\n") }, "build_property.HvLintProfile = hyperv-2008r2"),
        ScriptWith(SqlScript, new[] { ("hvlint/Settings.ps1", "Set-Variable -Name cpus -Value 2\n") }, "build_property.HvLintProfile = hyperv-2008r2"),
        Script(SqlScript, "build_property.HvLintProfile = hyperv-2008r2"));

    [Fact]
    public Task A_script_a_dot_sourced_script_dot_sources_beside_it_runs_in_the_script_s_scope_too() => Task.WhenAll(
        // Settings.ps1 sets $Cpus and dot-sources Functions.ps1, whose New-LabVM the script calls: both run in its scope.
        ScriptWith(
            ". .\\Settings.ps1\nNew-LabVM -Name 'n01'\n",
            new[]
            {
                ("hvlint/Settings.ps1", "$Cpus = 72\n. \"$PSScriptRoot\\Functions.ps1\"\n"),
                ("hvlint/Functions.ps1", "function New-LabVM($Name) { New-VM -Name $Name -Generation 2; Set-VMProcessor -VMName $Name -Count $Cpus }\n"),
            },
            null,
            new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/Functions.ps1", 1, 100, 1, 105)
                .WithArguments("VM 'n01' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM")),
        // Their writes are the script's: one that leaves $cpus alone keeps its 8, one that writes it makes it unknown.
        ScriptWith(SqlScript, new[] { ("hvlint/Settings.ps1", ". .\\More.ps1\n"), ("hvlint/More.ps1", "$SwitchName = 'Lab'\n") }, "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(4, 40, 45, "sql01", 8)),
        ScriptWith(SqlScript, new[] { ("hvlint/Settings.ps1", ". .\\More.ps1\n"), ("hvlint/More.ps1", "$cpus = 2\n") }, "build_property.HvLintProfile = hyperv-2008r2"));

    [Fact]
    public Task A_dot_sourcing_cycle_may_write_any_variable() =>
        // PowerShell repeats the cycle until its call stack overflows: read once around, every variable then unknown.
        ScriptWith(SqlScript, new[] { ("hvlint/Settings.ps1", ". .\\More.ps1\n"), ("hvlint/More.ps1", ". .\\Settings.ps1\n$SwitchName = 'Lab'\n") }, "build_property.HvLintProfile = hyperv-2008r2");

    [Fact]
    public Task A_script_of_another_folder_dot_sources_from_its_PSScriptRoot() => Task.WhenAll(
        // lib\Settings.ps1 runs lib\More.ps1 ($PSScriptRoot is lib), which leaves $cpus alone, not the More.ps1 beside the
        // script, which writes it.
        ScriptWith(SqlScript.Replace(".\\Settings.ps1", ".\\lib\\Settings.ps1", StringComparison.Ordinal),
            new[] { ("hvlint/lib/Settings.ps1", ". \"$PSScriptRoot\\More.ps1\"\n"), ("hvlint/More.ps1", "$cpus = 2\n"), ("hvlint/lib/More.ps1", "$SwitchName = 'Lab'\n") },
            "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(4, 40, 45, "sql01", 8)),
        // The other way round: lib\More.ps1 writes $cpus, which is then unknown.
        ScriptWith(SqlScript.Replace(".\\Settings.ps1", ".\\lib\\Settings.ps1", StringComparison.Ordinal),
            new[] { ("hvlint/lib/Settings.ps1", ". \"$PSScriptRoot\\More.ps1\"\n"), ("hvlint/More.ps1", "$SwitchName = 'Lab'\n"), ("hvlint/lib/More.ps1", "$cpus = 2\n") },
            "build_property.HvLintProfile = hyperv-2008r2"),
        // .\More.ps1 is relative to the folder the script runs from, taken to be the script's, as for its own paths: the
        // More.ps1 beside the script, which leaves $cpus alone.
        ScriptWith(SqlScript.Replace(".\\Settings.ps1", ".\\lib\\Settings.ps1", StringComparison.Ordinal),
            new[] { ("hvlint/lib/Settings.ps1", ". .\\More.ps1\n"), ("hvlint/More.ps1", "$SwitchName = 'Lab'\n"), ("hvlint/lib/More.ps1", "$cpus = 2\n") },
            "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(4, 40, 45, "sql01", 8)),
        // Up a folder from lib: shared\Defaults.ps1 beside it, which leaves $cpus alone.
        ScriptWith(SqlScript.Replace(".\\Settings.ps1", ".\\lib\\Settings.ps1", StringComparison.Ordinal),
            new[] { ("hvlint/lib/Settings.ps1", ". $PSScriptRoot\\..\\shared\\Defaults.ps1\n"), ("hvlint/shared/Defaults.ps1", "$SwitchName = 'Lab'\n") },
            "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(4, 40, 45, "sql01", 8)));

    [Fact]
    public Task A_using_module_statement_of_another_folder_is_relative_to_its_own_folder() => ScriptWith(
        // PowerShell resolves it against the file that has it: lib\Tools.psm1, not the Tools.psm1 beside the script.
        ". .\\lib\\Settings.ps1\nNew-ModVM -Name 'um01'\n",
        new[]
        {
            ("hvlint/lib/Settings.ps1", "using module .\\Tools.psm1\n"),
            ("hvlint/lib/Tools.psm1", LabModule),
            ("hvlint/Tools.psm1", "function New-ModVM($Name) { New-VM -Name $Name -Generation 1 }\n"),
        },
        null,
        LabModuleCpus("hvlint/lib/Tools.psm1", "um01"));

    [Fact]
    public Task A_module_s_dot_sourced_scripts_are_the_module_s_functions_and_read_its_variables() => Task.WhenAll(
        // The Public and Private folders of many modules: the module dot-sources a script per function, relative to its
        // own folder. New-LabVM reads the module's $script:Cpus, and calls Add-LabNic of another of its scripts.
        ScriptWith(
            "Import-Module .\\Modules\\Lab\nNew-LabVM -Name 'pp01'\n",
            new[]
            {
                ("hvlint/Modules/Lab/Lab.psd1", "@{ RootModule = 'Lab.psm1' }\n"),
                ("hvlint/Modules/Lab/Lab.psm1", "$script:Cpus = 72\n. $PSScriptRoot\\Public\\New-LabVM.ps1\n. \"$PSScriptRoot\\Private\\Nics.ps1\"\n"),
                ("hvlint/Modules/Lab/Public/New-LabVM.ps1", LabVmFunction),
                ("hvlint/Modules/Lab/Private/Nics.ps1", "function Add-LabNic($VMName) { Add-VMNetworkAdapter -VMName $VMName -IsLegacy $true }\n"),
            },
            null,
            new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/Modules/Lab/Public/New-LabVM.ps1", 1, 100, 1, 112)
                .WithArguments("VM 'pp01' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM"),
            LegacyOnGeneration2(1, 79, 84, "pp01", "hvlint/Modules/Lab/Private/Nics.ps1")),
        // The script's own $Cpus is not the module's: a function the module dot-sources does not see it.
        ScriptWith(
            "$script:Cpus = 72\nImport-Module .\\Lab.psm1\nNew-LabVM -Name 'pp02'\n",
            new[]
            {
                ("hvlint/Lab.psm1", ". $PSScriptRoot\\Public\\New-LabVM.ps1\nfunction Add-LabNic($VMName) { }\n"),
                ("hvlint/Public/New-LabVM.ps1", LabVmFunction),
            },
            null));

    [Fact]
    public Task A_module_reads_the_files_of_its_own_folder_by_its_PSScriptRoot() => ScriptWith(
        // Its settings file is Modules\Lab\lab.json, not the one beside the script.
        "Import-Module .\\Modules\\Lab\\Lab.psm1\nNew-ModVM -Name 'js01'\n",
        new[]
        {
            ("hvlint/Modules/Lab/Lab.psm1", "$Settings = Get-Content \"$PSScriptRoot\\lab.json\" -Raw | ConvertFrom-Json\nfunction New-ModVM($Name) { New-VM -Name $Name -Generation 2; Set-VMProcessor -VMName $Name -Count $Settings.Cpus }\n"),
            ("hvlint/Modules/Lab/lab.json", "{ \"Cpus\": 72 }\n"),
            ("hvlint/lab.json", "{ \"Cpus\": 2 }\n"),
        },
        null,
        new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/Modules/Lab/Lab.psm1", 2, 100, 2, 114)
            .WithArguments("VM 'js01' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM"));

    [Fact]
    public Task Scripts_a_loop_dot_sources_from_a_Get_ChildItem_listing_are_the_module_s_functions() => Task.WhenAll(
        // The usual module: $Public and $Private listed, then each dot-sourced in a foreach. New-LabVM (Public) calls
        // Add-LabNic (Private): the script's call of New-LabVM reads both.
        ScriptWith(
            "Import-Module .\\Modules\\Lab\\Lab.psm1\nNew-LabVM -Name 'ls01'\n",
            new[]
            {
                ("hvlint/Modules/Lab/Lab.psm1", "$Public  = @( Get-ChildItem -Path $PSScriptRoot\\Public\\*.ps1 -ErrorAction SilentlyContinue )\n"
                    + "$Private = @( Get-ChildItem -Path $PSScriptRoot\\Private\\*.ps1 -ErrorAction SilentlyContinue )\n"
                    + "foreach ($import in @($Public + $Private)) {\n    try { . $import.FullName }\n    catch { Write-Error -Message \"Failed to import $($import.FullName): $_\" }\n}\n"
                    + "Export-ModuleMember -Function $Public.BaseName\n"),
                ("hvlint/Modules/Lab/Public/New-LabVM.ps1", "function New-LabVM($Name) { New-VM -Name $Name -Generation 2; Add-LabNic -VMName $Name }\n"),
                ("hvlint/Modules/Lab/Private/Nics.ps1", LabNicFunction),
            },
            null,
            LabNicLegacy("hvlint/Modules/Lab/Private/Nics.ps1", "ls01")),
        // A script's own loop: a folder and -Filter, piped to ForEach-Object.
        ScriptWith(
            "Get-ChildItem \"$PSScriptRoot\\functions\" -Filter *.ps1 | ForEach-Object { . $_.FullName }\nNew-VM -Name 'ls02' -Generation 2\nAdd-LabNic -VMName 'ls02'\n",
            new[] { ("hvlint/functions/Nics.ps1", LabNicFunction) },
            null,
            LabNicLegacy("hvlint/functions/Nics.ps1", "ls02")),
        // -Recurse finds lib\net\Nics.ps1; -Exclude leaves out the test script that defines Add-LabNic again, which
        // would leave the call's function undecided.
        ScriptWith(
            "Get-ChildItem $PSScriptRoot\\lib -Recurse -Include *.ps1 -Exclude *.Tests.ps1 | % { . $_.FullName }\nNew-VM -Name 'ls03' -Generation 2\nAdd-LabNic -VMName 'ls03'\n",
            new[] { ("hvlint/lib/net/Nics.ps1", LabNicFunction), ("hvlint/lib/Nics.Tests.ps1", "function Add-LabNic($VMName) { }\n") },
            null,
            LabNicLegacy("hvlint/lib/net/Nics.ps1", "ls03")));

    [Fact]
    public Task A_listing_no_loop_dot_sources_brings_in_no_functions() => Task.WhenAll(
        // The scripts are listed, not run: the script dot-sources only a path it writes out.
        ScriptWith(
            "$files = Get-ChildItem \"$PSScriptRoot\\functions\\*.ps1\"\n. .\\settings.ps1\nNew-VM -Name 'ls04' -Generation 2\nAdd-LabNic -VMName 'ls04'\n",
            new[] { ("hvlint/functions/Nics.ps1", LabNicFunction) },
            null),
        // -Include without -Recurse narrows what a wildcard path gives, and this path gives the folder itself: nothing.
        ScriptWith(
            "Get-ChildItem \"$PSScriptRoot\\functions\" -Include *.ps1 | ForEach-Object { . $_.FullName }\nNew-VM -Name 'ls06' -Generation 2\nAdd-LabNic -VMName 'ls06'\n",
            new[] { ("hvlint/functions/Nics.ps1", LabNicFunction) },
            null),
        // The listing names another folder than the script that defines the function.
        ScriptWith(
            "Get-ChildItem \"$PSScriptRoot\\other\\*.ps1\" | ForEach-Object { . $_.FullName }\nNew-VM -Name 'ls05' -Generation 2\nAdd-LabNic -VMName 'ls05'\n",
            new[] { ("hvlint/functions/Nics.ps1", LabNicFunction) },
            null));

    private const string LabNicFunction = "function Add-LabNic($VMName) { Add-VMNetworkAdapter -VMName $VMName -IsLegacy $true }\n";

    /// <summary>LabNicFunction's finding for <paramref name="vm"/>, a Generation 2 VM: its legacy adapter, in <paramref name="file"/>.</summary>
    private static DiagnosticResult LabNicLegacy(string file, string vm) => LegacyOnGeneration2(1, 79, 84, vm, file);

    private const string LabVmFunction = "function New-LabVM($Name) { New-VM -Name $Name -Generation 2; Set-VMProcessor -VMName $Name -Count $script:Cpus; Add-LabNic -VMName $Name }\n";

    [Fact]
    public Task A_module_function_reads_the_module_s_variables_and_a_dot_sourced_one_the_script_s() => ScriptWith(
        "$Cpus = 8\n. .\\Lib.ps1\nImport-Module .\\Lab.psm1\nNew-VM -Name 'lib01'\nSet-LibCpu -VMName 'lib01'\nNew-VM -Name 'mod01'\nSet-ModCpu -VMName 'mod01'\n",
        new[]
        {
            ("hvlint/Lib.ps1", "function Set-LibCpu($VMName) { Set-VMProcessor -VMName $VMName -Count $Cpus }\n"),
            ("hvlint/Lab.psm1", "function Set-ModCpu($VMName) { Set-VMProcessor -VMName $VMName -Count $Cpus }\n"),
        },
        "build_property.HvLintProfile = hyperv-2008r2",
        // Only lib01: a function of a dot-sourced script runs in the script's scope and sees $Cpus; a module's function
        // sees the module's own variables, where $Cpus is not set.
        new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/Lib.ps1", 1, 71, 1, 76)
            .WithArguments("VM 'lib01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"));

    [Fact]
    public Task A_dot_sourced_script_and_an_imported_module_run_where_the_script_runs_them() => ScriptWith(
        ". \"$PSScriptRoot\\LabFunctions.ps1\"\n"
        + "Import-Module $PSScriptRoot\\modules\\LabTools.psm1 -Force\n"
        + "New-LabVM -Name 'lab01' -ProcessorCount $Cpus\n"
        + "New-LabVM -Name 'lab02' -Legacy\n"
        + "New-LabVM -Name 'lab03'\n"
        + "Add-LegacyNic -VMName 'lab03'\n",
        new[]
        {
            ("hvlint/LabFunctions.ps1", LabFunctions),
            ("hvlint/modules/LabTools.psm1", "function Add-LegacyNic($VMName) { Add-VMNetworkAdapter -VMName $VMName -IsLegacy $true }\n"),
        },
        null,
        // lab01: $Cpus, which the dot-sourced script sets in this script's scope. The findings are where the values
        // meet the cmdlets, in the other files. base01 is the dot-sourced script's own: reported once, by its own audit.
        new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/LabFunctions.ps1", 6, 42, 6, 57)
            .WithArguments("VM 'lab01' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM"),
        LegacyOnGeneration2(7, 65, 70, "lab02", "hvlint/LabFunctions.ps1"),
        LegacyOnGeneration2(1, 82, 87, "lab03", "hvlint/modules/LabTools.psm1"),
        LegacyOnGeneration2(10, 49, 54, "base01", "hvlint/LabFunctions.ps1"));

    [Fact]
    public Task A_dot_sourced_script_reads_its_files_from_its_own_PSScriptRoot() => Task.WhenAll(
        // Beside the script, its $PSScriptRoot is the script's folder: the rows are the CSV's, web01's and sql01's 8 vCPUs
        // (web02's 2 is within 4).
        ScriptWith(
            ". \"$PSScriptRoot\\settings.ps1\"\nforeach ($vm in $VMs) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n",
            new[] { ("hvlint/settings.ps1", "$VMs = Import-Csv \"$PSScriptRoot\\rows.csv\"\n"), Rows[0] },
            "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(2, 65, 72, "web01", 8), Over2008R2(2, 65, 72, "sql01", 8)),
        // In another folder, its $PSScriptRoot is that folder: config\rows.csv, far01's 9 vCPUs.
        ScriptWith(
            ". \"$PSScriptRoot\\config\\settings.ps1\"\nforeach ($vm in $VMs) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n",
            new[] { ("hvlint/config/settings.ps1", "$VMs = Import-Csv \"$PSScriptRoot\\rows.csv\"\n"), Rows[0], ("hvlint/config/rows.csv", "Name,Role,Cpu\nfar01,web,9\n") },
            "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(2, 65, 72, "far01", 9)),
        // A path there without $PSScriptRoot is relative to where the script runs, taken to be its folder: the script's rows.
        ScriptWith(
            ". \"$PSScriptRoot\\config\\settings.ps1\"\nforeach ($vm in $VMs) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n",
            new[] { ("hvlint/config/settings.ps1", "$VMs = Import-Csv .\\rows.csv\n"), Rows[0], ("hvlint/config/rows.csv", "Name,Role,Cpu\nfar01,web,9\n") },
            "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(2, 65, 72, "web01", 8), Over2008R2(2, 65, 72, "sql01", 8)),
        // Back in the script's folder through config\: rows.csv there, by that file's own $PSScriptRoot.
        ScriptWith(
            ". \"$PSScriptRoot\\config\\settings.ps1\"\nforeach ($vm in $VMs) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n",
            new[]
            {
                ("hvlint/config/settings.ps1", ". $PSScriptRoot\\..\\rows.ps1\n"), ("hvlint/rows.ps1", "$VMs = Import-Csv \"$PSScriptRoot\\rows.csv\"\n"), Rows[0],
                ("hvlint/config/rows.csv", "Name,Role,Cpu\nfar01,web,9\n"),
            },
            "build_property.HvLintProfile = hyperv-2008r2", Over2008R2(2, 65, 72, "web01", 8), Over2008R2(2, 65, 72, "sql01", 8)));

    [Fact]
    public Task A_module_s_function_keeps_the_local_variables_it_sets_where_the_script_calls_it() => Task.WhenAll(
        // $c is the function's, written once in the module's file: the script's writes do not count it.
        ScriptWith(
            "$c = 1\n$c = 2\nImport-Module .\\Lab.psm1\nNew-LabVM -Name 'ml01'\n",
            new[] { ("hvlint/Lab.psm1", "function New-LabVM($Name) { $c = 72; New-VM -Name $Name -Generation 2; Set-VMProcessor -VMName $Name -Count $c }\n") },
            null,
            new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/Lab.psm1", 1, 109, 1, 111)
                .WithArguments("VM 'ml01' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM")),
        // A module keeps its data beside it: rows of its folder's CSV, which the call names, held in a local variable.
        ScriptWith(
            "Import-Module .\\Modules\\Lab\\Lab.psm1\nNew-LabVMs -Set 'rows'\n",
            new[]
            {
                ("hvlint/Modules/Lab/Lab.psm1", "function New-LabVMs($Set) {\n    $rows = Import-Csv \"$PSScriptRoot\\$Set.csv\"\n"
                    + "    foreach ($vm in $rows) { New-VM -Name $vm.Name -Generation 2; Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n}\n"),
                ("hvlint/Modules/Lab/rows.csv", "Name,Cpu\nml02,72\n"),
                ("hvlint/rows.csv", "Name,Cpu\nml03,2\n"),
            },
            null,
            new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/Modules/Lab/Lab.psm1", 3, 107, 3, 114)
                .WithArguments("VM 'ml02' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM")));

    [Fact]
    public Task A_function_of_another_folder_reads_the_files_of_its_own_folder_where_it_is_called() => ScriptWith(
        // $PSScriptRoot in a function is the folder of the file that defines it, whoever calls it: lib\rows.csv. The file's
        // name is the caller's, so that lib\functions.ps1 read on its own reads none.
        ". .\\lib\\functions.ps1\nNew-LabVMs -Set 'rows'\n",
        new[]
        {
            ("hvlint/lib/functions.ps1", "function New-LabVMs($Set) {\n    $rows = Import-Csv \"$PSScriptRoot\\$Set.csv\"\n"
                + "    foreach ($vm in $rows) { New-VM -Name $vm.Name -Generation 2; Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n}\n"),
            ("hvlint/lib/rows.csv", "Name,Cpu\nfr01,72\n"),
            ("hvlint/rows.csv", "Name,Cpu\nfr02,2\n"),
        },
        null,
        new DiagnosticResult("HV1001", DiagnosticSeverity.Error).WithSpan("hvlint/lib/functions.ps1", 3, 107, 3, 114)
            .WithArguments("VM 'fr01' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM"));

    [Fact]
    public Task A_dot_sourced_script_s_parenthesised_read_is_read_from_its_own_text() => Task.WhenAll(
        // ConvertFrom-Json (Get-Content ...) and (Join-Path ...) in settings.ps1 are read where settings.ps1 has them, not
        // at the same offsets of the script's text, which is shorter (it once failed the script) or different.
        ScriptWith(
            ". .\\settings.ps1\nforeach ($vm in $lab.VMs) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n",
            new[]
            {
                ("hvlint/settings.ps1", "# the lab's settings, from the JSON file beside this one, which the team edits by hand\n$lab = ConvertFrom-Json (Get-Content .\\lab.json -Raw)\n"),
                ("hvlint/lab.json", "{ \"VMs\": [ { \"Name\": \"j1\", \"Cpu\": 8 } ] }\n"),
            },
            "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(2, 69, 76, "j1", 8)),
        ScriptWith(
            ". .\\settings.ps1\nforeach ($vm in $VMs) { Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n",
            new[] { ("hvlint/settings.ps1", "# the rows of the lab's VMs, from the CSV file beside this one\n$VMs = Import-Csv (Join-Path $PSScriptRoot 'rows.csv')\n"), Rows[0] },
            "build_property.HvLintProfile = hyperv-2008r2",
            Over2008R2(2, 65, 72, "web01", 8), Over2008R2(2, 65, 72, "sql01", 8)));

    [Fact]
    public Task A_function_runs_where_it_is_called_with_the_values_the_call_gives_its_parameters() => Script(
        NewLabVm
        + "New-LabVM -Name 'lab01' -ProcessorCount 72\n"  // by name
        + "New-LabVM 'lab02' 80\n"                        // by position
        + "New-LabVM -Name 'lab03' -Proc 66\n"            // an unambiguous prefix
        + "New-LabVM -Name 'lab04'\n"                     // the default, 2
        + "New-LabVM -Name 'lab05' -Legacy\n",            // the only one with the switch
        expected: new[]
        {
            TooManyAt(5, 42, 57, "lab01", 72), TooManyAt(5, 42, 57, "lab02", 80), TooManyAt(5, 42, 57, "lab03", 66),
            LegacyOnGeneration2(6, 65, 70, "lab05"),
        });

    [Fact]
    public Task A_default_holds_where_the_call_leaves_the_parameter_off_and_a_loop_calls_once_per_item() => Script(
        "function New-Db($Name, $Cpu = 70) {\n    New-VM -Name $Name -Generation 2\n    Set-VMProcessor -VMName $Name -Count $Cpu\n}\n"
        + "foreach ($db in 'db01', 'db02') { New-Db -Name $db }\n"
        + "New-Db -Name 'db03' -Cpu 8\n",
        expected: new[] { TooManyAt(3, 42, 46, "db01", 70), TooManyAt(3, 42, 46, "db02", 70) });

    [Fact]
    public Task A_function_the_script_never_calls_is_read_as_written_and_a_recursive_one_once() => Script(
        "function Install-Appliance {\n    New-VM -Name 'appliance' -Generation 2\n    Add-VMNetworkAdapter -VMName 'appliance' -IsLegacy $true\n}\n"
        + "function Wait-Forever { Wait-Forever }\nWait-Forever\n"
        // Named only in a comment and a string, it is still never called.
        + "# Install-Appliance is run by hand after the host is patched\nWrite-Host 'Run Install-Appliance later'\n",
        expected: LegacyOnGeneration2(3, 56, 61, "appliance"));

    [Fact]
    public Task An_if_whose_condition_the_script_fixes_runs_one_branch_and_any_other_runs_each() => Script(
        "$legacy = $false\nNew-VM -Name 'web01' -Generation 2\n"
        + "if ($legacy) { Add-VMNetworkAdapter -VMName 'web01' -IsLegacy $true }\n"
        + "elseif (-not $legacy) { Set-VMProcessor -VMName 'web01' -Count 70 }\n"
        + "else { Set-VMProcessor -VMName 'web01' -Count 99 }\n"
        + "if ($env:LEGACY) { Add-VMNetworkAdapter -VMName 'web01' -Name 'Maybe' -IsLegacy $true }\n",
        expected: new[]
        {
            TooManyAt(4, 64, 66, "web01", 70),
            // The environment is not the script's to fix: the branch may run, and on Generation 2 it is wrong.
            new DiagnosticResult("HV3003", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 6, 81, 6, 86)
                .WithArguments("VM 'web01' is Generation 2 and has the legacy network adapter 'Maybe'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
        });

    [Fact]
    public Task A_key_set_by_a_statement_of_its_own_holds_from_where_it_runs() => Script(
        "$d = @{ Name = 'd1'; Generation = 1 }\n"
        + "$d.Generation = 2\n"
        + "New-VM @d\n"
        + "Add-VMNetworkAdapter -VMName d1 -IsLegacy $true\n"
        + "$h = @{ Name = 'h1'; Generation = 2 }\n"
        + "New-VM @h\n"
        + "Add-VMNetworkAdapter -VMName h1 -IsLegacy $true\n"
        + "$h.Generation = 1\n"
        + "$i = @{ Name = 'i1'; Generation = 2 }\n"
        + "$pxe = $false\n"
        + "if ($pxe) { $i.Generation = 1 }\n"
        + "New-VM @i\n"
        + "Add-VMNetworkAdapter -VMName i1 -IsLegacy $true\n"
        + "if ($pxe) { Write-Host 'PXE' } else { $gen = 2; $i.Name = 'i2' }\n"
        + "New-VM -Name j1 -Generation $gen\n"
        + "Add-VMNetworkAdapter -VMName j1 -IsLegacy $true\n"
        + "New-VM @i\n"
        + "Add-VMNetworkAdapter -VMName i2 -IsLegacy $true\n"
        + "$defaults = @{ Generation = 2; SwitchName = 'External' }\n"
        + "foreach ($server in 'APP03', 'APP01') {\n"
        + "    $p = $defaults.Clone()\n"
        + "    $p.Name = $server\n"
        + "    if ($server -eq 'APP03') { $p.Generation = 1 }\n"
        + "    New-VM @p\n"
        + "    Add-VMNetworkAdapter -VMName $server -Name 'Backup' -IsLegacy $true\n"
        + "}\n"
        + "$f = @{ Name = 'f1'; Generation = 1 }\n"
        + "$f.Generation = 2\n"
        + "foreach ($x in 'a') { New-VM @f }\n"
        + "Add-VMNetworkAdapter -VMName f1 -IsLegacy $true\n",
        expected: new[]
        {
            // d1 after the set; h1 before it; i1 with the branch that would set it not run; j1 and i2 with what the
            // branch that runs sets; APP01 with the table copied for it, which has none of the keys set on APP03's (whose
            // branch makes it Generation 1); f1 in a loop after the set.
            LegacyOnGeneration2(4, 43, 48, "d1"), LegacyOnGeneration2(7, 43, 48, "h1"), LegacyOnGeneration2(13, 43, 48, "i1"),
            LegacyOnGeneration2(16, 43, 48, "j1"), LegacyOnGeneration2(18, 43, 48, "i2"), LegacyOnGeneration2(30, 43, 48, "f1"),
            new DiagnosticResult("HV3003", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 25, 67, 25, 72)
                .WithArguments("VM 'APP01' is Generation 2 and has the legacy network adapter 'Backup'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
        });

    // None is known to be Generation 2 where its adapter is added: c1's set is in a branch that may run, e1's in a loop
    // that may run again after New-VM, g1's in a function, and k1's set to 2 is followed by a loop that sets it to 1.
    // u1's loop, not closed yet (a script being typed), may run again too.
    [Fact]
    public Task A_key_set_where_it_may_not_run_or_may_run_again_is_unknown_after_it() => Script(
        "param($Pxe)\n"
        + "$c = @{ Name = 'c1'; Generation = 2 }\n"
        + "if ($Pxe) { $c.Generation = 1 }\n"
        + "New-VM @c\n"
        + "Add-VMNetworkAdapter -VMName c1 -IsLegacy $true\n"
        + "$e = @{ Name = 'e1'; Generation = 2 }\n"
        + "foreach ($x in $args) { New-VM @e; $e.Generation = 1 }\n"
        + "Add-VMNetworkAdapter -VMName e1 -IsLegacy $true\n"
        + "$g = @{ Name = 'g1'; Generation = 2 }\n"
        + "function Set-Legacy { $g.Generation = 1 }\n"
        + "Set-Legacy\n"
        + "New-VM @g\n"
        + "Add-VMNetworkAdapter -VMName g1 -IsLegacy $true\n"
        + "$k = @{ Name = 'k1'; Generation = 1 }\n"
        + "$k.Generation = 2\n"
        + "foreach ($x in 'a', 'b') { $k.Generation = 1 }\n"
        + "New-VM @k\n"
        + "Add-VMNetworkAdapter -VMName k1 -IsLegacy $true\n"
        + "$u = @{ Name = 'u1'; Generation = 2 }\n"
        + "foreach ($x in $args) { New-VM @u; Add-VMNetworkAdapter -VMName u1 -IsLegacy $true; $u.Generation = 1\n");

    // A switch's clause that matches its one value runs once where it is written, as an if's branch does: sw1 (DC) keeps
    // Generation 2, sw2 (PXE) is Generation 1. On a list, each item's clauses read it in turn (sw3, not sw4). Script
    // block labels test the value; the clause after each is a branch too (sw5). A clause reads the value as $_ (sw10), and
    // after the switch $_ is the pipeline's item again (sw11, with the vCPUs its clause assigns). Before, every key set
    // in a clause was unknown everywhere, and none of these was found.
    [Fact]
    public Task A_key_set_in_a_switch_clause_that_runs_holds_after_it() => Script(
        "$vms = @(\n"
        + "    @{ Name = 'sw1'; Role = 'DC' },\n"
        + "    @{ Name = 'sw2'; Role = 'PXE' }\n"
        + ")\n"
        + "foreach ($vm in $vms) {\n"
        + "    $params = @{ Name = $vm.Name; Generation = 2 }\n"
        + "    switch ($vm.Role) {\n"
        + "        'DC' { $params.MemoryStartupBytes = 4GB }\n"
        + "        'PXE' { $params.Generation = 1 }\n"
        + "    }\n"
        + "    New-VM @params\n"
        + "    Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true\n"
        + "}\n"
        + "$r = @{ Generation = 2 }\n"
        + "switch ('sw3', 'sw4') {\n"
        + "    'sw3' { $r.Name = $_; New-VM @r; Add-VMNetworkAdapter -VMName $_ -IsLegacy $true }\n"
        + "    'sw4' { $r.Name = $_; $r.Generation = 1; New-VM @r; Add-VMNetworkAdapter -VMName $_ -IsLegacy $true }\n"
        + "}\n"
        + "$t = @{ Name = 'sw5'; Generation = 1 }\n"
        + "switch (3) {\n"
        + "    { $_ -gt 2 } { $t.Generation = 2 }\n"
        + "    { $_ -gt 5 } { $t.Generation = 1 }\n"
        + "}\n"
        + "New-VM @t\n"
        + "Add-VMNetworkAdapter -VMName sw5 -IsLegacy $true\n"
        + "$u = @{ Generation = 2 }\n"
        + "switch ('sw10') { default { $u.Name = $_ } }\n"
        + "New-VM @u\n"
        + "Add-VMNetworkAdapter -VMName sw10 -IsLegacy $true\n"
        + "'sw11' | ForEach-Object {\n"
        + "    switch ('web') { 'web' { $cpus = 72 } }\n"
        + "    New-VM -Name $_ -Generation 2\n"
        + "    Set-VMProcessor -VMName $_ -Count $cpus\n"
        + "}\n",
        expected: new[]
        {
            LegacyOnGeneration2(12, 53, 58, "sw1"), LegacyOnGeneration2(16, 80, 85, "sw3"), LegacyOnGeneration2(25, 44, 49, "sw5"),
            LegacyOnGeneration2(29, 45, 50, "sw10"), TooManyAt(33, 39, 44, "sw11", 72),
        });

    // sw6's clause may run or not; sw7's switch is given a value that may be a list, whose second item would meet the
    // set the first made before New-VM; sw8's -File reads a file's lines, each running the clause. None is known to be
    // Generation 2 where its adapter is added.
    [Fact]
    public Task A_key_set_in_a_switch_clause_that_may_not_run_or_may_run_again_is_unknown() => Script(
        "$q = @{ Name = 'sw6'; Generation = 2 }\n"
        + "switch ($env:ROLE) { 'pxe' { $q.Generation = 1 } }\n"
        + "New-VM @q\n"
        + "Add-VMNetworkAdapter -VMName sw6 -IsLegacy $true\n"
        + "$p = @{ Name = 'sw7'; Generation = 2 }\n"
        + "switch ($args) { default { New-VM @p; Add-VMNetworkAdapter -VMName sw7 -IsLegacy $true; $p.Generation = 1 } }\n"
        + "$w = @{ Name = 'sw8'; Generation = 2 }\n"
        + "switch -File ('roles.txt') { 'pxe' { $w.Generation = 1 } }\n"
        + "New-VM @w\n"
        + "Add-VMNetworkAdapter -VMName sw8 -IsLegacy $true\n");

    // Remove, a statement of its own, is read where it runs: rm1 is Generation 2 without its BootDevice, rm2 without its
    // Generation is Generation 1 (New-VM's default), which boots from the network on its one synthetic adapter, and rm3
    // has its Name where New-VM reads it, before the Remove.
    // Before, a Remove made the key unknown on every table, and none was found.
    [Fact]
    public Task A_key_removed_from_a_table_is_gone_from_there_on() => Script(
        "$p = @{ Name = 'rm1'; Generation = 2; SwitchName = 'x'; BootDevice = 'VHD' }\n"
        + "$p.Remove('BootDevice')\n"
        + "New-VM @p\n"
        + "Add-VMNetworkAdapter -VMName 'rm1' -IsLegacy $true\n"
        + "$r = @{ Name = 'rm2'; Generation = 2; SwitchName = 'x' }\n"
        + "$r.Remove('Generation')\n"
        + "New-VM @r\n"
        + "Set-VMBios -VMName 'rm2' -StartupOrder @('LegacyNetworkAdapter', 'IDE', 'CD', 'Floppy')\n"
        + "$t = @{ Name = 'rm3'; Generation = 2 }\n"
        + "New-VM @t\n"
        + "Add-VMNetworkAdapter -VMName 'rm3' -IsLegacy $true\n"
        + "$t.Remove('Name')\n",
        expected: new[]
        {
            LegacyOnGeneration2(4, 46, 51, "rm1"), LegacyOnGeneration2(11, 46, 51, "rm3"),
            new DiagnosticResult("HV3002", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 8, 40, 8, 88)
                .WithArguments("VM 'rm2' is Generation 1 and boots from the network before its disk, but has only synthetic network adapters (1); PXE boot on Generation 1 needs a legacy network adapter"),
        });

    // Names and counts computed from values the script fixes: -f over a range (whole numbers, so D2 pads them), '+'
    // joining text and adding numbers, $( ) inside double quotes, an expression in parentheses as an argument, and '*'
    // with sizes. Before, each of these was unknown.
    [Fact]
    public Task Expressions_of_values_the_script_fixes_are_computed() => Task.WhenAll(
        Script(
            "foreach ($i in 1..2) {\n"
            + "    $name = 'EX-WEB{0:D2}' -f $i\n"
            + "    New-VM -Name $name -Generation 2\n"
            + "    Set-VMProcessor -VMName $name -Count (32 * 2 + $i)\n"
            + "}\n"
            + "$site = 'EX'\n"
            + "foreach ($role in 'SQL', 'APP') {\n"
            + "    New-VM -Name ($site + '-' + $role) -Generation 2\n"
            + "    Add-VMNetworkAdapter -VMName \"$($site)-$($role)\" -IsLegacy $true\n"
            + "}\n"
            + "$memory = 2 * 1GB\n"
            + "New-VM -Name (\"{0}-{1}\" -f $site, 'DC') -Generation 2 -MemoryStartupBytes $memory\n"
            + "Set-VMProcessor -VMName 'EX-DC' -Count (1GB - 1GB + 71)\n",
            expected: new[]
            {
                TooManyAt(4, 42, 55, "EX-WEB01", 65), TooManyAt(4, 42, 55, "EX-WEB02", 66),
                LegacyOnGeneration2(9, 64, 69, "EX-APP"), LegacyOnGeneration2(9, 64, 69, "EX-SQL"),
                TooManyAt(13, 40, 56, "EX-DC", 71),
            }),
        // $true and $false are values of an expression too: EX-T's adapter is legacy, EX-F's is not.
        Script(
            "New-VM -Name 'EX-T' -Generation 2\n"
            + "Add-VMNetworkAdapter -VMName 'EX-T' -IsLegacy ($true)\n"
            + "New-VM -Name 'EX-F' -Generation 2\n"
            + "Add-VMNetworkAdapter -VMName 'EX-F' -IsLegacy ($false)\n",
            expected: new[] { LegacyOnGeneration2(2, 47, 54, "EX-T") }),
        // A list a variable holds, written 1, 2, is held as text, which PowerShell reads as numbers: D2 pads a number and not text, and
        // '+' adds to a number and joins to text, so neither EX-ODD01 nor a count of 69 is known. N1 formats a number
        // by the culture. None of these names or counts is known, so nothing is found (each in a script of its own:
        // a command on a VM HvLint does not know makes its count unknown on every VM).
        Script(
            "$ids = 1, 2\n"
            + "foreach ($n in $ids) {\n"
            + "    $odd = 'EX-ODD{0:D2}' -f $n\n"
            + "    New-VM -Name $odd -Generation 2\n"
            + "    Set-VMProcessor -VMName $odd -Count 70\n"
            + "}\n"),
        Script(
            "$price = 'EX-N{0:N1}' -f 5\n"
            + "New-VM -Name $price -Generation 2\n"
            + "Set-VMProcessor -VMName $price -Count 70\n"),
        Script(
            "New-VM -Name 'EX-P' -Generation 2\n"
            + "$ids = 1, 2\n"
            + "foreach ($n in $ids) {\n"
            + "    $count = $n + 68\n"
            + "    Set-VMProcessor -VMName 'EX-P' -Count $count\n"
            + "}\n"));

    // A list of whole numbers written after foreach's in, or piped, is read item by item, each a number (D2 pads it, +
    // adds to it): NL01 has 64 vCPUs, NL02 and NL03 more. Before, only a range was.
    [Fact]
    public Task A_list_of_whole_numbers_is_read_item_by_item() => Script(
        "foreach ($i in 1, 2, 3) {\n"
        + "    $n = 'NL{0:D2}' -f $i\n"
        + "    New-VM -Name $n -Generation 2\n"
        + "    Set-VMProcessor -VMName $n -Count (63 + $i)\n"
        + "}\n"
        + "1, 2 | ForEach-Object { New-VM -Name \"NP$_\" -Generation 2; Set-VMProcessor -VMName \"NP$_\" -Count 70 }\n",
        expected: new[] { TooManyAt(4, 39, 48, "NL02", 65), TooManyAt(4, 39, 48, "NL03", 66), TooManyAt(6, 98, 100, "NP1", 70), TooManyAt(6, 98, 100, "NP2", 70) });

    // A for loop counts through the numbers its head fixes, its bound a member of the item of the loop around it, and
    // steps of -= 5 too: WEB01 and WEB02 with 70 vCPUs (SQL01 has no Cpu), K10 with 70 and K5 with 65. One that would
    // count for ever is read once, its variable unknown. Before, every for loop was.
    [Fact]
    public Task A_for_loop_reads_its_block_for_each_number_it_counts() => Task.WhenAll(
        Script(
            "$servers = @(\n"
            + "    @{ Role = 'WEB'; Instances = 2; Cpu = 70 }\n"
            + "    @{ Role = 'SQL'; Instances = 1 }\n"
            + ")\n"
            + "foreach ($server in $servers) {\n"
            + "    for ($n = 1; $n -le $server.Instances; $n++) {\n"
            + "        $name = 'FOR-{0}{1:D2}' -f $server.Role, $n\n"
            + "        New-VM -Name $name -Generation 2\n"
            + "        if ($server.Cpu) { Set-VMProcessor -VMName $name -Count $server.Cpu }\n"
            + "    }\n"
            + "}\n"
            + "for ($k = 10; $k -gt 0; $k -= 5) { New-VM -Name \"FOR-K$k\" -Generation 2; Set-VMProcessor -VMName \"FOR-K$k\" -Count (60 + $k) }\n",
            expected: new[]
            {
                TooManyAt(9, 65, 76, "FOR-WEB01", 70), TooManyAt(9, 65, 76, "FOR-WEB02", 70),
                TooManyAt(12, 115, 124, "FOR-K10", 70), TooManyAt(12, 115, 124, "FOR-K5", 65),
            }),
        Script(
            "New-VM -Name 'FOR-X' -Generation 2\n"
            + "for ($i = 0; $i -ge 0; $i++) { Set-VMProcessor -VMName 'FOR-X' -Count (70 + $i) }\n"));

    // A CSV's fields are text: [int] makes a number of one, in an assignment and in the branch an if gives, and text
    // that reads as a number other than 0 is true either way ('2' and 2). CA-1 is Generation 2 with 70 vCPUs, CA-2
    // Generation 2 by the default, with a legacy adapter; CA-4's '0' is true as text and false as a number: unknown.
    [Fact]
    public Task A_cast_to_an_integer_makes_a_number_of_a_CSV_s_text() => ScriptWith(
        "$vms = Import-Csv .\\cast.csv\n"
        + "foreach ($vm in $vms) {\n"
        + "    $gen = if ($vm.Generation) { [int]$vm.Generation } else { 2 }\n"
        + "    $cpu = [int]$vm.Cpu\n"
        + "    New-VM -Name $vm.Name -Generation $gen\n"
        + "    Set-VMProcessor -VMName $vm.Name -Count $cpu\n"
        + "    if ($vm.Legacy -eq 'yes') { Add-VMNetworkAdapter -VMName $vm.Name -IsLegacy $true }\n"
        + "}\n",
        new[] { ("hvlint/cast.csv", "Name,Generation,Cpu,Legacy\nCA-1,2,70,no\nCA-2,,2,yes\nCA-3,1,2,yes\nCA-4,0,2,yes\n") },
        null,
        TooManyAt(6, 45, 49, "CA-1", 70), LegacyOnGeneration2(7, 81, 86, "CA-2"));

    // JSON the script writes itself, in a here-string or a variable that holds one, piped to ConvertFrom-Json, is read
    // as a file's is: JS-1 has 70 vCPUs, JS-3 is Generation 2 with a legacy adapter. Text that is no JSON makes
    // ConvertFrom-Json fail, and JS-4's count stays unknown.
    [Fact]
    public Task JSON_the_script_writes_itself_is_read_as_ConvertFrom_Json_makes_it() => Script(
        "$json = @'\n"
        + "{ \"VMs\": [ { \"Name\": \"JS-1\", \"Cpu\": 70 }, { \"Name\": \"JS-2\", \"Cpu\": 2 } ] }\n"
        + "'@\n"
        + "$cfg = $json | ConvertFrom-Json\n"
        + "foreach ($vm in $cfg.VMs) {\n"
        + "    New-VM -Name $vm.Name -Generation 2\n"
        + "    Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu\n"
        + "}\n"
        + "$one = @\"\n"
        + "{ \"Name\": \"JS-3\", \"Generation\": 2 }\n"
        + "\"@ | ConvertFrom-Json\n"
        + "New-VM -Name $one.Name -Generation $one.Generation\n"
        + "Add-VMNetworkAdapter -VMName $one.Name -IsLegacy $true\n"
        + "$broken = '{ \"Name\": \"JS-4\", ' | ConvertFrom-Json\n"
        + "New-VM -Name 'JS-4' -Generation 2\n"
        + "Set-VMProcessor -VMName 'JS-4' -Count $broken.Cpu\n",
        expected: new[] { TooManyAt(7, 45, 52, "JS-1", 70), LegacyOnGeneration2(13, 50, 55, "JS-3") });

    // $PSBoundParameters holds the parameters a call gives, not the function's defaults: New-Gen2VM -Name PB-1 splats
    // no Generation to New-VM, whose default makes PB-1 Generation 1, and Set-VMFirmware fails on it (HV8004), though
    // the function's own default is 2. PB-2 gives -Generation 2. PB-3's -Verbose is a common parameter the advanced
    // function takes, which $PSBoundParameters holds too: PB-3 is Generation 1 as well. PB-4's -WhatIf binds to no
    // parameter (no SupportsShouldProcess), so the call fails: unknown. PB-5's -WhatIf, which its function takes, reaches
    // New-VM, which then creates nothing. PB-6's -Verbose binds to nothing in a function that is not advanced: unknown.
    [Fact]
    public Task PSBoundParameters_holds_what_the_call_gives_not_the_defaults() => Script(
        "function New-Gen2VM {\n"
        + "    [CmdletBinding()]\n"
        + "    param([Parameter(Mandatory)][string]$Name, [int]$Generation = 2, [string]$SwitchName = 'Lab')\n"
        + "    New-VM @PSBoundParameters\n"
        + "}\n"
        + "New-Gen2VM -Name 'PB-1'\n"
        + "Set-VMFirmware -VMName 'PB-1' -EnableSecureBoot On\n"
        + "New-Gen2VM -Name 'PB-2' -Generation 2\n"
        + "Add-VMNetworkAdapter -VMName 'PB-2' -IsLegacy $true\n"
        + "New-Gen2VM 'PB-3' -Verbose\n"
        + "Set-VMFirmware -VMName 'PB-3' -EnableSecureBoot On\n"
        + "New-Gen2VM 'PB-4' -WhatIf\n"
        + "Set-VMFirmware -VMName 'PB-4' -EnableSecureBoot On\n"
        + "function New-CheckedVM {\n"
        + "    [CmdletBinding(SupportsShouldProcess)]\n"
        + "    param([string]$Name)\n"
        + "    New-VM @PSBoundParameters\n"
        + "}\n"
        + "New-CheckedVM -Name 'PB-5' -WhatIf\n"
        + "Set-VMFirmware -VMName 'PB-5' -EnableSecureBoot On\n"
        + "function New-PlainVM {\n"
        + "    param($Name)\n"
        + "    New-VM @PSBoundParameters\n"
        + "}\n"
        + "New-PlainVM 'PB-6' -Verbose\n"
        + "Set-VMFirmware -VMName 'PB-6' -EnableSecureBoot On\n",
        expected: new[]
        {
            FirmwareOnDefaultGeneration1(7, "PB-1"),
            LegacyOnGeneration2(9, 47, 52, "PB-2"),
            FirmwareOnDefaultGeneration1(11, "PB-3"),
        });

    // An [ordered] table splats as a hashtable does, and is the variable's own: a key set on it is read in order.
    [Fact]
    public Task An_ordered_table_is_a_splat_of_its_own() => Script(
        "$spec = [ordered]@{\n"
        + "    Name = 'OR1'\n"
        + "    Generation = 1\n"
        + "}\n"
        + "$spec.Generation = 2\n"
        + "New-VM @spec\n"
        + "Add-VMNetworkAdapter -VMName $spec.Name -IsLegacy $true\n",
        expected: new[] { LegacyOnGeneration2(7, 51, 56, "OR1") });

    [Fact]
    public Task Comments_between_a_table_s_entries_and_an_array_s_items_are_passed_over() => Script(
        "$vm = @{\n"
        + "    Name = 'cm1'   # the web server\n"
        + "    # its generation\n"
        + "    Generation = 2\n"
        + "}\n"
        + "New-VM @vm\n"
        + "Add-VMNetworkAdapter -VMName cm1 -IsLegacy $true\n"
        + "$VMs = @(\n"
        + "    # domain controller\n"
        + "    @{ Name = 'cm2'; Generation = 2 }  <# DC #>\n"
        + ")\n"
        + "foreach ($v in $VMs) { New-VM -Name $v.Name -Generation $v.Generation; Add-VMNetworkAdapter -VMName $v.Name -IsLegacy $true }\n",
        expected: new[] { LegacyOnGeneration2(7, 44, 49, "cm1"), LegacyOnGeneration2(12, 119, 124, "cm2") });

    // The data file's one table, comments and all; other.psd1 writes two tables, and -Force is no parameter of the
    // cmdlet, so neither of the other scripts knows its VMs.
    [Fact]
    public Task Import_PowerShellDataFile_reads_the_table_of_the_data_file_the_script_names() => ScriptWith(
        "$lab = Import-PowerShellDataFile -Path \"$PSScriptRoot\\data\\lab.psd1\"\n"
        + "foreach ($vm in $lab.VMs) {\n"
        + "    New-VM -Name $vm.Name -Generation $vm.Generation -SwitchName $lab.Switch\n"
        + "    Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu\n"
        + "    if ($vm.Pxe) { Set-VMBios -VMName $vm.Name -StartupOrder @('LegacyNetworkAdapter', 'IDE', 'CD', 'Floppy') }\n"
        + "}\n",
        new[]
        {
            ("hvlint/data/lab.psd1",
                "# Lab settings, read by New-LabVMs.ps1\n"
                + "@{\n"
                + "    Switch = 'LabNet'\n"
                + "    VMs = @(\n"
                + "        @{ Name = 'PSD-DC1'; Cpu = 2; Generation = 2 }   # domain controller\n"
                + "        @{ Name = 'PSD-SQL1'; Cpu = 80; Generation = 2 }\n"
                + "        @{\n"
                + "            Name = 'PSD-WDS1'\n"
                + "            Cpu = 2\n"
                + "            Generation = 1\n"
                + "            Pxe = $true\n"
                + "        }\n"
                + "    )\n"
                + "}\n"),
            ("hvlint/data/other.psd1", "@{ VMs = @( @{ Name = 'px1'; Cpu = 99 } ) }\n@{ }\n"),
            ("hvlint/Other.ps1", "$other = Import-PowerShellDataFile .\\data\\other.psd1\nforeach ($vm in $other.VMs) { New-VM -Name $vm.Name -Generation 2; Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n"),
            ("hvlint/Typo.ps1", "$typo = Import-PowerShellDataFile .\\data\\lab.psd1 -Force\nforeach ($vm in $typo.VMs) { New-VM -Name $vm.Name -Generation 2; Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n"),
        },
        null,
        TooManyAt(4, 45, 52, "PSD-SQL1", 80),
        new DiagnosticResult("HV3002", DiagnosticSeverity.Error).WithSpan("hvlint/New-LabVMs.ps1", 5, 62, 5, 110)
            .WithArguments("VM 'PSD-WDS1' is Generation 1 and boots from the network before its disk, but has only synthetic network adapters (1); PXE boot on Generation 1 needs a legacy network adapter"));

    // A variable assigned what a member or another variable holds has it: cp1's name and vCPUs through $VMName and
    // $cpu. Not an expression that starts with one ($old is not cp1), nor a table, which both variables share: cp3's
    // table is made Generation 1 through $t, so $a's is too.
    [Fact]
    public Task A_variable_assigned_a_member_s_text_or_number_holds_it() => Script(
        "$VMs = @(\n"
        + "    @{ Name = 'cp1'; CPU = 70; Generation = 2 }\n"
        + "    @{ Name = 'cp2'; CPU = 2; Generation = 2 }\n"
        + ")\n"
        + "$VMs | ForEach-Object {\n"
        + "    $VMName = $_.Name\n"
        + "    New-VM -Name $VMName -Generation $_.Generation\n"
        + "    Set-VM -Name $VMName -ProcessorCount $_.CPU\n"
        + "}\n"
        + "foreach ($vm in $VMs) {\n"
        + "    $name = $vm.Name\n"
        + "    $cpu = $vm.CPU\n"
        + "    New-VM -Name \"$name-b\" -Generation 2\n"
        + "    Set-VMProcessor -VMName \"$name-b\" -Count $cpu\n"
        + "    $old = $vm.Name + '-old'\n"
        + "    Add-VMNetworkAdapter -VMName $old -IsLegacy $true\n"
        + "}\n"
        + "$t = @{ Name = 'cp3'; Generation = 2 }\n"
        + "$a = $t\n"
        + "$t.Generation = 1\n"
        + "New-VM @a\n"
        + "Add-VMNetworkAdapter -VMName cp3 -IsLegacy $true\n",
        expected: new[] { TooManyAt(8, 42, 48, "cp1", 70), TooManyAt(14, 46, 50, "cp1-b", 70) });

    // A member of the entry a key names ($Lab[$name].Cpu, $Lab['ix-sql01'].Cpu); ix-web02's key is not in the table.
    [Fact]
    public Task A_member_of_a_table_s_entry_by_key_is_that_entry_s_value() => Script(
        "$Lab = @{\n"
        + "    'ix-dc01'  = @{ Cpu = 2 }\n"
        + "    'ix-sql01' = @{ Cpu = 80 }\n"
        + "}\n"
        + "foreach ($name in $Lab.Keys) {\n"
        + "    New-VM -Name $name -Generation 2\n"
        + "    Set-VMProcessor -VMName $name -Count $Lab[$name].Cpu\n"
        + "}\n"
        + "New-VM -Name 'ix-web01' -Generation 2\n"
        + "Set-VMProcessor -VMName 'ix-web01' -Count $Lab['ix-sql01'].Cpu\n"
        + "New-VM -Name 'ix-web02' -Generation 2\n"
        + "Set-VMProcessor -VMName 'ix-web02' -Count $Lab['ix-none'].Cpu\n",
        expected: new[] { TooManyAt(7, 42, 57, "ix-sql01", 80), TooManyAt(10, 43, 63, "ix-web01", 80) });

    // $t.Add('Key', value), a statement of its own, sets the key as $t.Key = value does: ad1 keeps its Generation 2,
    // ad3 gets it. ad2's table has the key already, so Add fails and it stays 2; ad4's is set to a value HvLint does not
    // know, so it is not New-VM's default of 1 either (Set-VMFirmware would fail on Generation 1), nor is ad5's, an
    // expression.
    [Fact]
    public Task Add_on_a_table_sets_the_key_it_names_unless_the_table_has_it() => Script(
        "$p = @{ Name = 'ad1'; Generation = 2 }\n"
        + "$p.Add('SwitchName', 'Lab')\n"
        + "New-VM @p\n"
        + "Add-VMNetworkAdapter -VMName ad1 -IsLegacy $true\n"
        + "$q = @{ Name = 'ad2'; Generation = 2 }\n"
        + "$q.Add('Generation', 1)\n"
        + "New-VM @q\n"
        + "Add-VMNetworkAdapter -VMName ad2 -IsLegacy $true\n"
        + "$r = @{ Name = 'ad3' }\n"
        + "$r.Add('Generation', 2)\n"
        + "New-VM @r\n"
        + "Add-VMNetworkAdapter -VMName ad3 -IsLegacy $true\n"
        + "$t = @{ Name = 'ad4' }\n"
        + "$t.Add('Generation', (Get-LabGeneration))\n"
        + "New-VM @t\n"
        + "Set-VMFirmware -VMName ad4 -EnableSecureBoot Off\n"
        + "$u = @{ Name = 'ad5' }\n"
        + "$u.Add('Generation', 1 + 1)\n"
        + "New-VM @u\n"
        + "Set-VMFirmware -VMName ad5 -EnableSecureBoot Off\n",
        expected: new[] { LegacyOnGeneration2(4, 44, 49, "ad1"), LegacyOnGeneration2(8, 44, 49, "ad2"), LegacyOnGeneration2(12, 44, 49, "ad3") });

    // A module's function reads the module's $p, not the script's, nor the keys the script sets on its own $p.
    [Fact]
    public Task A_module_s_function_reads_its_own_table_not_the_keys_the_script_sets_on_one_of_that_name() => ScriptWith(
        "Import-Module .\\Lab.psm1\n$p = @{ Name = 'md0'; Generation = 2 }\n$p.Generation = 1\nNew-Md -Name 'md1'\n",
        new[] { ("hvlint/Lab.psm1", "$p = @{ Name = 'md1'; Generation = 2 }\nfunction New-Md($Name) { New-VM @p; Add-VMNetworkAdapter -VMName $Name -IsLegacy $true }\n") },
        null,
        LegacyOnGeneration2(2, 82, 87, "md1", "hvlint/Lab.psm1"));

    // $t += @{ ... } adds its keys as Add does: pe1 keeps Generation 2 beside the key added, pe2 gets it in a branch that
    // runs; pe3's table has the key, so the statement fails and it stays 2; pe4's branch may not run, so its Generation
    // is not known (Set-VMFirmware would fail on New-VM's default of 1). pe5's and pe6's tables may have Generation
    // (1) from a branch that may run, so the += and the Add may fail: Generation 2 is not known either.
    [Fact]
    public Task Adding_a_table_to_a_table_adds_its_keys_unless_the_table_has_one() => Script(
        "param($Pxe)\n"
        + "$q = @{ Name = 'pe1'; Generation = 2 }\n"
        + "$q += @{ SwitchName = 'Lab' }\n"
        + "New-VM @q\n"
        + "Add-VMNetworkAdapter -VMName pe1 -IsLegacy $true\n"
        + "$r = @{ Name = 'pe2' }\n"
        + "if ($true) { $r += @{ Generation = 2 } }\n"
        + "New-VM @r\n"
        + "Add-VMNetworkAdapter -VMName pe2 -IsLegacy $true\n"
        + "$t = @{ Name = 'pe3'; Generation = 2 }\n"
        + "$t += @{ Generation = 1 }\n"
        + "New-VM @t\n"
        + "Add-VMNetworkAdapter -VMName pe3 -IsLegacy $true\n"
        + "$u = @{ Name = 'pe4' }\n"
        + "if ($Pxe) { $u += @{ Generation = 2 } }\n"
        + "New-VM @u\n"
        + "Set-VMFirmware -VMName pe4 -EnableSecureBoot Off\n"
        + "$w = @{ Name = 'pe5' }\n"
        + "if ($Pxe) { $w.Generation = 1 }\n"
        + "$w += @{ Generation = 2 }\n"
        + "New-VM @w\n"
        + "Add-VMNetworkAdapter -VMName pe5 -IsLegacy $true\n"
        + "$a = @{ Name = 'pe6' }\n"
        + "if ($Pxe) { $a.Generation = 1 }\n"
        + "$a.Add('Generation', 2)\n"
        + "New-VM @a\n"
        + "Add-VMNetworkAdapter -VMName pe6 -IsLegacy $true\n",
        expected: new[] { LegacyOnGeneration2(5, 44, 49, "pe1"), LegacyOnGeneration2(9, 44, 49, "pe2"), LegacyOnGeneration2(13, 44, 49, "pe3") });

    [Fact]
    public Task A_loop_over_a_list_of_settings_tables_reads_each_entry_the_VM_uses() => Script(
        "$mixed = @('web01', @{ Name = 'web02' })\n"
        + "foreach ($vm in $mixed) { New-VM -Name $vm.Name -Generation 2; Set-VMProcessor -VMName $vm.Name -Count 99 }\n"
        + "$VMs = @(\n"
        + "    @{ Name = 'dc01';  Generation = 2; Cpu = 2 }\n"
        + "    @{ Name = 'sql01'; Generation = 2; Cpu = 80 }\n"
        + "    [PSCustomObject]@{ Name = 'pxe01'; Generation = 1; Cpu = 2 }\n"
        + ")\n"
        + "foreach ($vm in $VMs) {\n"
        + "    New-VM -Name $vm.Name -Generation $vm.Generation -SwitchName 'Lab'\n"
        + "    Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu\n"
        + "}\n",
        // Only sql01's 80: a list of strings and tables is not one a loop reads, so nothing names web01 or web02.
        expected: TooManyAt(10, 45, 52, "sql01", 80));

    [Fact]
    public Task A_hvlint_disable_comment_disables_its_rules_for_the_script_and_a_string_does_not() => Script(
        "# hvlint-disable HV3003, HV6002: the POS vendor's image has only the DEC 21140 driver\n"
        + "New-VM -Name 'pos01' -Generation 2 -SwitchName 'Shop'\n"
        + "Add-VMNetworkAdapter -VMName 'pos01' -IsLegacy $true\n"
        + "Set-VMProcessor -VMName 'pos01' -Count 70\n"
        + "Write-Host '# hvlint-disable HV1001: a string, not a comment'\n",
        expected: TooManyAt(4, 40, 42, "pos01", 70));

    [Fact]
    public Task An_inventory_script_that_only_reads_is_silent() => Script(
        "param([string]$Path = '.')\nGet-VM | ConvertTo-Json -Depth 5 | Set-Content (Join-Path $Path 'vms.json')\n"
        + "Get-VMNetworkAdapter -VMName * | ConvertTo-Json -Depth 5 | Set-Content (Join-Path $Path 'adapters.json')\n");

    [Fact]
    public Task Other_additional_files_are_not_read_as_scripts() => Verify.Analyzer<PowerShellScriptFileAnalyzer>(
        Code,
        // A module manifest (.psd1) is data, whatever it holds; a module (.psm1) is audited, see above.
        additionalFiles: new[] { ("hvlint/build.psd1", "New-VM -Name 'x' -Generation 2\nAdd-VMNetworkAdapter -VMName 'x' -IsLegacy $true\n"), ("hvlint/vms.json", "{ }") });
}
