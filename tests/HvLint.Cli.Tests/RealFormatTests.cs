using Newtonsoft.Json.Linq;

namespace HvLint.Cli.Tests;

/// <summary>
/// The real-format samples (what PowerShell and Hyper-V write) each carry an expected.json written by hand:
/// owner ("vm:NAME", "host:NAME", "file:PATH") to the rule IDs expected of it. The audit must match exactly.
/// </summary>
public class RealFormatTests
{
    [Theory]
    [InlineData("samples/powershell")]
    [InlineData("samples/vmconfig")]
    [InlineData("samples/cimxml")]
    public void Findings_on_a_real_format_sample_are_exactly_its_expected_json(string folder) => AssertExactly(folder, folder + "/expected.json", _ => true);

    [Fact]
    public void Findings_in_the_provisioning_samples_code_are_exactly_its_expected_json()
    {
        // The whole project, so that the VM files give farm-app01 its guest; their own findings are x-expect in them.
        // The code is Provisioner.cs and the script under hvlint/.
        AssertExactly("samples/provisioning", "samples/provisioning/expected.json", file => file.EndsWith("Provisioner.cs", StringComparison.Ordinal) || file.EndsWith(".ps1", StringComparison.Ordinal));
    }

    private static void AssertExactly(string input, string expectedJson, Func<string, bool> inFile)
    {
        var (exit, stdout, stderr) = Repo.Hvlint("audit", input, "--format", "json");
        Assert.True(exit is 1 or 2, stderr);
        var actual = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (JObject f in JObject.Parse(stdout)["findings"]!)
        {
            if (!inFile((string)f["file"]!)) continue;
            string owner = ((string)f["subject"]!).Split('/')[0];
            if (owner.StartsWith("file:", StringComparison.Ordinal)) owner = "file:" + (string)f["file"]!;
            (actual.TryGetValue(owner, out var list) ? list : actual[owner] = new()).Add((string)f["ruleId"]!);
        }

        JObject expected = JObject.Parse(File.ReadAllText(Repo.PathOf(expectedJson)));
        foreach (string owner in actual.Keys.Union(expected.Properties().Select(p => p.Name).Where(n => !n.StartsWith("x-"))).OrderBy(k => k, StringComparer.Ordinal))
        {
            var want = expected[owner] is JArray ids ? ids.Select(i => (string)i!).OrderBy(x => x).ToList() : null;
            var got = actual.TryGetValue(owner, out var a) ? a.OrderBy(x => x).ToList() : new List<string>();
            Assert.True(want != null, owner + " has findings " + string.Join(",", got) + " but is not in expected.json");
            Assert.True(want!.SequenceEqual(got), owner + ": expected [" + string.Join(",", want!) + "], got [" + string.Join(",", got) + "]");
        }
    }

    [Fact]
    public void A_Generation_1_network_boot_is_found_only_by_joining_the_files()
    {
        // Each file alone says nothing wrong: the boot order is in one, the adapters in another.
        string dir = Repo.TempFolder();
        foreach (string f in new[] { "vms.json", "bios.json", "adapters.json" }) File.Copy(Repo.PathOf("samples/powershell/HV-PS-01/" + f), Path.Combine(dir, f));
        Assert.DoesNotContain("HV3002", Repo.HvlintIn(dir, "audit", "bios.json").Stdout);
        Assert.DoesNotContain("HV3002", Repo.HvlintIn(dir, "audit", "adapters.json").Stdout);
        var joined = Repo.HvlintIn(dir, "audit", "bios.json", "adapters.json", "vms.json");
        Assert.Contains("bios.json(5,13): error HV3002: VM 'deploy-pxe01'", joined.Stdout);
    }

    [Fact]
    public void PowerShell_7_enum_names_read_like_Windows_PowerShell_integers()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "bios.json"), "{ \"VMName\": \"pxe\", \"ComputerName\": \"HV1\", \"StartupOrder\": [\"LegacyNetworkAdapter\", \"IDE\", \"CD\", \"Floppy\"] }");
        File.WriteAllText(Path.Combine(dir, "nics.json"), "[ { \"VMName\": \"pxe\", \"ComputerName\": \"HV1\", \"Name\": \"Network Adapter\", \"IsLegacy\": false, \"SwitchName\": \"s\", \"MacAddressSpoofing\": \"Off\" } ]");
        Assert.Contains("HV3002", Repo.HvlintIn(dir, "audit", ".").Stdout);
    }

    [Fact]
    public void A_configuration_file_with_a_DTD_is_HV9001_and_nothing_it_references_is_opened()
    {
        string dir = Repo.TempFolder();
        string secret = Path.Combine(dir, "secret.txt");
        File.WriteAllText(secret, "do-not-read");
        File.WriteAllText(Path.Combine(dir, "attack.xml"),
            "<?xml version=\"1.0\"?>\n<!DOCTYPE configuration [ <!ENTITY xxe SYSTEM \"file://" + secret.Replace('\\', '/') + "\"> ]>\n<configuration><properties><name type=\"string\">&xxe;</name></properties></configuration>\n");
        File.Copy(Repo.PathOf("samples/vmconfig/7A3E0000-0000-4000-9000-000000000065.xml"), Path.Combine(dir, "good.xml"));
        DateTime before = File.GetLastAccessTimeUtc(secret);
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".");
        Assert.Equal(2, exit);
        Assert.Contains("attack.xml(2,1): error HV9001: the file declares a DTD", stdout);
        Assert.DoesNotContain("do-not-read", stdout);
        Assert.Contains("good.xml", stdout);   // the other input is still audited (HV3002)
        Assert.Contains("HV3002", stdout);
    }

    [Fact]
    public void Malformed_XML_is_HV9001_with_its_position()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "broken.xml"), "<configuration>\n  <properties>\n    <name type=\"string\">x</nme>\n  </properties>\n</configuration>\n");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "broken.xml");
        Assert.Equal(2, exit);
        Assert.Matches(@"broken\.xml\(3,\d+\): error HV9001: malformed XML", stdout);
    }

    [Fact]
    public void XML_that_is_not_a_Hyper_V_file_is_skipped_in_a_walk_and_an_error_when_named()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "web.config.xml"), "<?xml version=\"1.0\"?>\n<appSettings><add key=\"a\" value=\"b\" /></appSettings>\n");
        Assert.Contains("1 skipped", Repo.HvlintIn(dir, "audit", ".").Stdout);
        Assert.Contains("HV9001", Repo.HvlintIn(dir, "audit", "web.config.xml").Stdout);
    }

    [Fact]
    public void A_file_of_objects_no_cmdlet_writes_is_skipped_in_a_walk()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "services.json"), "[ { \"Name\": \"W32Time\", \"Status\": 4, \"StartType\": 2 } ]");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".");
        Assert.Equal(0, exit);
        Assert.Contains("1 skipped", stdout);
    }
}

public class CodeInputTests
{
    [Fact]
    public void Hvlint_audit_reads_CSharp_with_the_analyzers()
    {
        var (exit, stdout, _) = Repo.Hvlint("audit", "samples/provisioning/Provisioner.cs", "samples/provisioning/PowerShellStandIn.cs");
        Assert.Equal(1, exit);
        Assert.Contains("samples/provisioning/Provisioner.cs(14,22): error HV1001: VM 'farm-web01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM", stdout);
        Assert.Contains("samples/provisioning/Provisioner.cs(27,103): error HV3002: VM 'wds-target'", stdout);
        Assert.Contains("2 files read", stdout);
    }

    [Fact]
    public void Hvlint_audit_reads_PowerShell_scripts_in_a_walk_at_their_lines()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "Deploy.ps1"), "# Lab build\r\nNew-VM -Name 'lab01' -Generation 2 -SwitchName 'Lab'\r\nAdd-VMNetworkAdapter -VMName 'lab01' -IsLegacy $true\r\n");
        // Read only: the export script that collects inventories creates nothing.
        File.Copy(Repo.PathOf("samples/export/Export-HvInventory.ps1"), Path.Combine(dir, "Export-HvInventory.ps1"));
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "New-VM -Name 'lab02' -Generation 2");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".", "--format", "sarif");
        Assert.Equal(1, exit);
        var result = Assert.Single((Newtonsoft.Json.Linq.JArray)Newtonsoft.Json.Linq.JObject.Parse(stdout)["runs"]![0]!["results"]!);
        Assert.Equal("HV3003", (string)result["ruleId"]!);
        var location = result["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("Deploy.ps1", (string)location["artifactLocation"]!["uri"]!);
        Assert.Equal(3, (int)location["region"]!["startLine"]!);
        Assert.Equal(48, (int)location["region"]!["startColumn"]!);
        string text = Repo.HvlintIn(dir, "audit", ".").Stdout;
        Assert.Contains("2 files read", text);
        // The script's Generation 2 VM chose 2012 R2 for it, whatever the profile line says of the VM files.
        Assert.Contains("code: each method and script checked against the oldest release it needs", text);
        Assert.DoesNotContain("code: each method", Repo.HvlintIn(dir, "audit", ".", "--profile", "hyperv-2016").Stdout);
    }

    [Fact]
    public void A_script_reads_the_rows_of_the_CSV_file_it_imports_from_its_own_folder()
    {
        // Run from another folder: the CSV is found beside the script, as $PSScriptRoot and .\ name it when the script
        // runs from its own folder. The walk reads no .csv itself; the script's Import-Csv brings it in.
        string dir = Repo.TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, "lab", "data"));
        File.WriteAllText(Path.Combine(dir, "lab", "data", "vms.csv"), "Name,Cpu\r\nweb01,2\r\nweb02,8\r\n");
        File.WriteAllText(Path.Combine(dir, "lab", "New-Lab.ps1"), "foreach ($vm in Import-Csv \"$PSScriptRoot\\data\\vms.csv\") {\r\n    New-VM -Name $vm.Name\r\n    Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu\r\n}\r\n");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "lab", "--profile", "hyperv-2008r2");
        Assert.Equal(1, exit);
        Assert.Contains("lab/New-Lab.ps1(3,45): error HV1001: VM 'web02' has 8 virtual processors; hyperv-2008r2 allows 4 per VM", stdout);
        Assert.DoesNotContain("web01", stdout);
        Assert.Contains("2 files read", stdout); // the script and its CSV

        // Without the file, the rows are unknown and the loop says nothing.
        File.Delete(Path.Combine(dir, "lab", "data", "vms.csv"));
        Assert.Equal(0, Repo.HvlintIn(dir, "audit", "lab", "--profile", "hyperv-2008r2").ExitCode);
    }

    [Fact]
    public void A_script_reads_the_settings_file_it_converts_from_JSON()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "lab.json"), "{ \"VMs\": [ { \"Name\": \"sql01\", \"Cpu\": 8 }, { \"Name\": \"web01\", \"Cpu\": 2 } ] }");
        File.WriteAllText(Path.Combine(dir, "New-Lab.ps1"), "$lab = Get-Content .\\lab.json -Raw | ConvertFrom-Json\nforeach ($vm in $lab.VMs) { New-VM -Name $vm.Name; Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "New-Lab.ps1", "--profile", "hyperv-2008r2");
        Assert.Equal(1, exit);
        Assert.Contains("New-Lab.ps1(2,92): error HV1001: VM 'sql01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM", stdout);
        Assert.DoesNotContain("web01", stdout);

        // Walked, the settings file describes no VM, but the script reads it: read, not skipped.
        string walked = Repo.HvlintIn(dir, "audit", ".", "--profile", "hyperv-2008r2").Stdout;
        Assert.Contains("1 error, 0 warnings, 0 infos; 2 files read; 0 hosts, 0 VMs", walked);
        Assert.DoesNotContain("skipped", walked);
    }

    [Fact]
    public void A_script_reads_the_names_it_lists_in_a_text_file()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "names.txt"), "sql01\r\nsql02\r\n");
        File.WriteAllText(Path.Combine(dir, "New-Lab.ps1"), "Get-Content .\\names.txt | ForEach-Object { New-VM -Name $_; Set-VMProcessor -VMName $_ -Count 8 }\n");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "New-Lab.ps1", "--profile", "hyperv-2008r2");
        Assert.Equal(1, exit);
        Assert.Contains("New-Lab.ps1(1,95): error HV1001: VM 'sql01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM", stdout);
        Assert.Contains("New-Lab.ps1(1,95): error HV1001: VM 'sql02' has 8 virtual processors; hyperv-2008r2 allows 4 per VM", stdout);
        Assert.Contains("2 VMs in code", stdout);
    }

    [Fact]
    public void Code_that_reads_a_script_file_for_AddScript_gives_it_the_code_s_parameters()
    {
        // The script and the code in one audit: the script's own finding (base01) once, and sql01's 72 from the code.
        string dir = Repo.TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, "Scripts"));
        File.WriteAllText(Path.Combine(dir, "Scripts", "New-LabVM.ps1"), "param($Name, $Cpu)\nNew-VM -Name $Name -Generation 2\nSet-VMProcessor -VMName $Name -Count $Cpu\nNew-VM -Name base01 -Generation 2\nAdd-VMNetworkAdapter -VMName base01 -IsLegacy $true\n");
        File.WriteAllText(Path.Combine(dir, "Provisioner.cs"), "using System;\nusing System.IO;\nusing System.Management.Automation;\nclass Provisioner\n{\n    void Create(PowerShell ps) => ps.AddScript(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, \"Scripts\", \"New-LabVM.ps1\"))).AddParameter(\"Name\", \"sql01\").AddParameter(\"Cpu\", 72).Invoke();\n}\n");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".");
        Assert.Equal(1, exit);
        Assert.Contains("Scripts/New-LabVM.ps1(3,38): error HV1001: VM 'sql01' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM", stdout);
        Assert.Single(stdout.Split('\n'), line => line.Contains("HV3003"));
    }

    [Fact]
    public void A_folder_walk_audits_a_module_no_script_imports()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "PosTools.psm1"), "function Add-PosNic { New-VM -Name 'pos01' -Generation 2; Add-VMNetworkAdapter -VMName 'pos01' -IsLegacy $true }\n");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".");
        Assert.Equal(1, exit);
        Assert.Contains("PosTools.psm1(1,106): error HV3003: VM 'pos01' is Generation 2 and has the legacy network adapter", stdout);
        Assert.Contains("1 file read", stdout);
    }

    [Fact]
    public void A_script_brings_in_the_script_it_dot_sources_and_the_module_it_imports()
    {
        // Only New-Lab.ps1 is named: the function library and the module it loads by paths it writes out are read with
        // it, and the findings are where the values meet the cmdlets, in those files.
        string dir = Repo.TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, "lab"));
        File.WriteAllText(Path.Combine(dir, "lab", "LabFunctions.ps1"), "function New-LabVM($Name, $Cpu = 2) {\n    New-VM -Name $Name -Generation 2\n    Set-VMProcessor -VMName $Name -Count $Cpu\n}\n");
        File.WriteAllText(Path.Combine(dir, "lab", "LabTools.psm1"), "function Add-Nic($VMName) { Add-VMNetworkAdapter -VMName $VMName -IsLegacy $true }\n");
        File.WriteAllText(Path.Combine(dir, "lab", "New-Lab.ps1"), ". $PSScriptRoot\\LabFunctions.ps1\nImport-Module (Join-Path $PSScriptRoot 'LabTools.psm1')\nNew-LabVM -Name 'sql01' -Cpu 72\nNew-LabVM -Name 'web01'\nAdd-Nic -VMName 'web01'\n");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "lab/New-Lab.ps1");
        Assert.Equal(1, exit);
        Assert.Contains("lab/LabFunctions.ps1(3,42): error HV1001: VM 'sql01' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM", stdout);
        Assert.Contains("lab/LabTools.psm1(1,76): error HV3003: VM 'web01' is Generation 2 and has the legacy network adapter", stdout);
        // The summary counts the VMs the script creates apart from those of VM files: it read none. The three files are
        // read: the module is audited on its own too (its Add-Nic, on its own, names no VM).
        Assert.Contains("2 errors, 0 warnings, 0 infos; 3 files read; 0 hosts, 0 VMs; 2 VMs in code", stdout);
        var json = Newtonsoft.Json.Linq.JObject.Parse(Repo.HvlintIn(dir, "audit", "lab/New-Lab.ps1", "--format", "json").Stdout);
        Assert.Equal(2, (int)json["summary"]!["codeVirtualMachines"]!);
    }

    [Fact]
    public void A_script_brings_in_the_nested_modules_of_the_module_manifest_it_imports()
    {
        string dir = Repo.TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, "Modules", "Lab", "Private"));
        File.WriteAllText(Path.Combine(dir, "Modules", "Lab", "Lab.psd1"), "@{\n    RootModule = 'Lab.psm1'\n    NestedModules = @('Private\\Nics.psm1')\n}\n");
        File.WriteAllText(Path.Combine(dir, "Modules", "Lab", "Lab.psm1"), "function Get-LabName { 'lab' }\n");
        File.WriteAllText(Path.Combine(dir, "Modules", "Lab", "Private", "Nics.psm1"), "function Add-Nic($VMName) { Add-VMNetworkAdapter -VMName $VMName -IsLegacy $true }\n");
        File.WriteAllText(Path.Combine(dir, "New-Lab.ps1"), "Import-Module $PSScriptRoot\\Modules\\Lab\nNew-VM -Name 'web01' -Generation 2\nAdd-Nic -VMName 'web01'\n");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "New-Lab.ps1");
        Assert.Equal(1, exit);
        Assert.Contains("Modules/Lab/Private/Nics.psm1(1,76): error HV3003: VM 'web01' is Generation 2", stdout);
    }

    [Fact]
    public void A_script_reads_the_data_file_it_imports_with_Import_PowerShellDataFile()
    {
        // The folder walk reads no .psd1 file: the script's Import-PowerShellDataFile brings it in.
        string dir = Repo.FolderWith(
            ("lab/data/lab.psd1", "# The lab's VMs\n@{\n    VMs = @(\n        @{ Name = 'pd01'; Cpu = 8 }  # SQL\n        @{ Name = 'pd02'; Cpu = 2 }\n    )\n}\n"),
            ("lab/New-Lab.ps1", "$lab = Import-PowerShellDataFile -Path \"$PSScriptRoot\\data\\lab.psd1\"\nforeach ($vm in $lab.VMs) { New-VM -Name $vm.Name; Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu }\n"));
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "lab", "--profile", "hyperv-2008r2");
        Assert.Equal(1, exit);
        Assert.Contains("lab/New-Lab.ps1(2,92): error HV1001: VM 'pd01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM", stdout);
        Assert.DoesNotContain("pd02", stdout);
        Assert.Contains("2 files read", stdout); // the script and its data file
    }

    [Fact]
    public void A_script_brings_in_the_scripts_the_module_it_imports_dot_sources()
    {
        // Only the script is named: the module dot-sources a script of its Public folder, which reads the module's $Cpus.
        string dir = Repo.FolderWith(
            ("Modules/Lab/Lab.psm1", "$script:Cpus = 72\n. $PSScriptRoot\\Public\\New-LabVM.ps1\n"),
            ("Modules/Lab/Public/New-LabVM.ps1", "function New-LabVM($Name) { New-VM -Name $Name -Generation 2; Set-VMProcessor -VMName $Name -Count $script:Cpus }\n"),
            ("New-Lab.ps1", "Import-Module .\\Modules\\Lab\nNew-LabVM -Name 'pp01'\n"));
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "New-Lab.ps1", "--profile", "hyperv-2012r2");
        Assert.Equal(1, exit);
        Assert.Contains("Modules/Lab/Public/New-LabVM.ps1(1,100): error HV1001: VM 'pp01' has 72 virtual processors", stdout);
    }

    [Fact]
    public void A_script_brings_in_the_scripts_a_module_lists_and_dot_sources_in_a_loop()
    {
        // Only the script is named: the module dot-sources each script Get-ChildItem lists in Public and Private.
        string dir = Repo.FolderWith(
            ("Modules/Lab/Lab.psm1", "foreach ($import in @(Get-ChildItem $PSScriptRoot\\Public\\*.ps1) + @(Get-ChildItem $PSScriptRoot\\Private\\*.ps1)) { . $import.FullName }\n"),
            ("Modules/Lab/Public/New-LabVM.ps1", "function New-LabVM($Name) { New-VM -Name $Name -Generation 2; Add-LabNic -VMName $Name }\n"),
            ("Modules/Lab/Private/Nics.ps1", "function Add-LabNic($VMName) { Add-VMNetworkAdapter -VMName $VMName -IsLegacy $true }\n"),
            ("New-Lab.ps1", "Import-Module .\\Modules\\Lab\nNew-LabVM -Name 'ls01'\n"));
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "New-Lab.ps1");
        Assert.Equal(1, exit);
        Assert.Contains("Modules/Lab/Private/Nics.ps1(1,79): error HV3003: VM 'ls01' is Generation 2", stdout);
    }

    [Fact]
    public void A_dot_sourced_script_of_another_folder_brings_in_its_relative_paths_from_the_script_s_folder()
    {
        // lib\Settings.ps1's .\defaults.ps1 is relative to where the script runs, its own folder: that defaults.ps1 is read,
        // not lib's.
        string dir = Repo.FolderWith(
            ("lib/Settings.ps1", ". .\\defaults.ps1\n"),
            ("lib/defaults.ps1", "$Cpus = 2\n"),
            ("defaults.ps1", "$Cpus = 72\n"),
            ("New-Lab.ps1", ". .\\lib\\Settings.ps1\nNew-VM -Name 'od01' -Generation 2\nSet-VMProcessor -VMName 'od01' -Count $Cpus\n"));
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "New-Lab.ps1", "--profile", "hyperv-2012r2");
        Assert.Equal(1, exit);
        Assert.Contains("New-Lab.ps1(3,39): error HV1001: VM 'od01' has 72 virtual processors", stdout);
    }

    [Fact]
    public void A_script_brings_in_what_the_script_it_dot_sources_dot_sources()
    {
        // Only the script is named: Settings.ps1 sets $Cpus and dot-sources Functions.ps1, whose New-LabVM it calls.
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "Settings.ps1"), "$Cpus = 72\n. \"$PSScriptRoot\\Functions.ps1\"\n");
        File.WriteAllText(Path.Combine(dir, "Functions.ps1"), "function New-LabVM($Name) { New-VM -Name $Name -Generation 2; Set-VMProcessor -VMName $Name -Count $Cpus }\n");
        File.WriteAllText(Path.Combine(dir, "New-Lab.ps1"), ". .\\Settings.ps1\nNew-LabVM -Name 'n01'\n");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "New-Lab.ps1", "--profile", "hyperv-2012r2");
        Assert.Equal(1, exit);
        Assert.Contains("Functions.ps1(1,100): error HV1001: VM 'n01' has 72 virtual processors", stdout);
    }

    [Theory]
    [InlineData("Import-Module $PSScriptRoot\\Modules\\Lab\\Lab.psd1")]
    [InlineData("using module .\\Modules\\Lab\\Lab.psd1")]
    // A bare name, in the folder the script adds to $env:PSModulePath: Modules\Lab\Lab.psd1 there.
    [InlineData("$env:PSModulePath = \"$PSScriptRoot\\Modules;$env:PSModulePath\"\nImport-Module Lab")]
    public void A_script_brings_in_the_root_module_of_the_module_manifest_it_imports(string import)
    {
        // Only the script is named. Its Import-Module names a manifest, whose RootModule is another file: read that too.
        string dir = Repo.TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, "Modules", "Lab"));
        File.WriteAllText(Path.Combine(dir, "Modules", "Lab", "Lab.psd1"), "@{\n    RootModule = 'LabCore.psm1'\n    ModuleVersion = '1.0.0'\n}\n");
        File.WriteAllText(Path.Combine(dir, "Modules", "Lab", "LabCore.psm1"), "function Add-Nic($VMName) { Add-VMNetworkAdapter -VMName $VMName -IsLegacy $true }\n");
        File.WriteAllText(Path.Combine(dir, "New-Lab.ps1"), import + "\nNew-VM -Name 'web01' -Generation 2\nAdd-Nic -VMName 'web01'\n");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "New-Lab.ps1");
        Assert.Equal(1, exit);
        Assert.Contains("Modules/Lab/LabCore.psm1(1,76): error HV3003: VM 'web01' is Generation 2 and has the legacy network adapter", stdout);
    }

    [Fact]
    public void A_hvlint_disable_comment_in_a_script_is_a_suppression_with_its_reason()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "New-Pos.ps1"), "New-VM -Name 'pos01' -Generation 2\n<# hvlint-disable HV3003: the vendor image needs the DEC adapter #>\nAdd-VMNetworkAdapter -VMName 'pos01' -IsLegacy $true\n");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".");
        Assert.Equal(0, exit);
        Assert.Contains("not reported: 1 suppressed", stdout);
        var sarif = Newtonsoft.Json.Linq.JObject.Parse(Repo.HvlintIn(dir, "audit", ".", "--format", "sarif", "--include-suppressed").Stdout);
        var suppression = sarif["runs"]![0]!["results"]![0]!["suppressions"]![0]!;
        Assert.Equal("inSource", (string)suppression["kind"]!);
        Assert.Equal("the vendor image needs the DEC adapter", (string)suppression["justification"]!);
        Assert.Equal(2, (int)suppression["location"]!["physicalLocation"]!["region"]!["startLine"]!);
    }

    [Fact]
    public void A_hvlint_disable_next_line_comment_is_a_suppression_of_the_statement_after_it()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "New-Pos.ps1"), "foreach ($name in 'pos01', 'pos02') { New-VM -Name $name -Generation 2 }\n"
            + "# hvlint-disable-next-line HV3003: the vendor image needs the DEC adapter\n"
            + "Add-VMNetworkAdapter -VMName 'pos01' -IsLegacy $true\n"
            + "Add-VMNetworkAdapter -VMName 'pos02' -IsLegacy $true\n");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".");
        Assert.Equal(1, exit);
        Assert.Contains("New-Pos.ps1(4,48): error HV3003: VM 'pos02'", stdout);
        Assert.DoesNotContain("'pos01'", stdout);
        Assert.Contains("not reported: 1 suppressed", stdout);
        var sarif = Newtonsoft.Json.Linq.JObject.Parse(Repo.HvlintIn(dir, "audit", ".", "--format", "sarif", "--include-suppressed").Stdout);
        var suppressed = Assert.Single(sarif["runs"]![0]!["results"]!, r => r["suppressions"] != null);
        Assert.Equal(3, (int)suppressed["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!);
        Assert.Equal("the vendor image needs the DEC adapter", (string)suppressed["suppressions"]![0]!["justification"]!);
        Assert.Equal(2, (int)suppressed["suppressions"]![0]!["location"]!["physicalLocation"]!["region"]!["startLine"]!);
    }

    [Fact]
    public void A_script_saved_in_the_ANSI_code_page_is_read_as_Windows_PowerShell_reads_it()
    {
        // Windows PowerShell 5.1 reads a script without a byte order mark as ANSI: "é" is the single byte 0xE9.
        string dir = Repo.TempFolder();
        byte[] script = System.Text.Encoding.Latin1.GetBytes("# Créé par l'équipe infra\nNew-VM -Name 'sql01'\nSet-VMProcessor -VMName 'sql01' -Count 8\n");
        File.WriteAllBytes(Path.Combine(dir, "New-Sql.ps1"), script);
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".", "--profile", "hyperv-2008r2");
        Assert.Equal(1, exit);
        Assert.Contains("New-Sql.ps1(3,40): error HV1001: VM 'sql01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM", stdout);
        Assert.DoesNotContain("HV9001", stdout);
    }

    [Fact]
    public void CSharp_that_is_not_UTF8_is_HV9001_and_the_rest_is_audited()
    {
        string dir = Repo.TempFolder();
        File.WriteAllBytes(Path.Combine(dir, "Broken.cs"), [0x63, 0x6C, 0x61, 0x73, 0x73, 0x20, 0xFF, 0xFE, 0x0A]);
        File.WriteAllText(Path.Combine(dir, "vms.hvlint.json"), "{ \"profile\": \"hyperv-2008r2\", \"virtualMachines\": [ { \"name\": \"sql01\", \"processorCount\": 8 } ] }");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".");
        Assert.Equal(2, exit);
        Assert.Contains("Broken.cs(1,1): error HV9001: the file could not be read as UTF-8 or UTF-16 text", stdout);
        Assert.Contains("error HV1001: VM 'sql01' has 8 virtual processors", stdout);
    }

    [Fact]
    public void Code_without_its_references_is_still_read_and_the_profile_flag_applies()
    {
        // No PowerShell SDK and no stand-in: the types do not resolve, the calls are recognised by name.
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "Deploy.cs"), """
            class Deploy
            {
                void Run(System.Management.Automation.PowerShell ps)
                {
                    ps.AddScript("New-VM -Name lab -Generation 2\nAdd-VMNetworkAdapter -VMName lab -IsLegacy $true\nSet-VMProcessor lab -Count 8");
                }
            }
            """);
        var flagged = Repo.HvlintIn(dir, "audit", ".", "--profile", "hyperv-2008r2");
        Assert.Contains("HV3003", flagged.Stdout);
        Assert.Contains("HV1001", flagged.Stdout);
        var newer = Repo.HvlintIn(dir, "audit", ".", "--profile", "hyperv-2016");
        Assert.Contains("HV3003", newer.Stdout);
        Assert.DoesNotContain("HV1001", newer.Stdout);
    }

    [Fact]
    public void A_helper_is_read_where_it_is_called_in_code_without_its_references()
    {
        // The PowerShell type does not resolve, so the call binds to no method; its one candidate is the helper.
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "Deploy.cs"), """
            using System.Management.Automation;
            class Deploy
            {
                void Run()
                {
                    using var ps = PowerShell.Create();
                    ps.AddCommand("New-VM").AddParameter("Name", "lab").AddParameter("Generation", 2);
                    AddNic(ps, "lab");
                }

                static void AddNic(PowerShell ps, string vm) =>
                    ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", vm).AddParameter("IsLegacy", true);
            }
            """);
        var audit = Repo.HvlintIn(dir, "audit", ".");
        Assert.Contains("Deploy.cs(8,9): error HV3003: VM 'lab' is Generation 2", audit.Stdout);
    }

    [Fact]
    public void Script_sinks_and_command_builders_come_from_hvlint_json()
    {
        string dir = Repo.TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, ".git"));
        File.WriteAllText(Path.Combine(dir, "Deploy.cs"), """
            namespace Contoso.Hv
            {
                public sealed class PsCommandBuilder
                {
                    public static PsCommandBuilder Create() => new PsCommandBuilder();
                    public PsCommandBuilder AddCommand(string command) => this;
                    public PsCommandBuilder AddParameter(string parameter, object value) => this;
                }

                public static class Runner { public static void Run(string script) { } public static void Run(PsCommandBuilder command) { } }

                class Deploy
                {
                    void Create()
                    {
                        Runner.Run("New-VM -Name lab01 -Generation 2; Add-VMNetworkAdapter -VMName lab01 -IsLegacy $true");
                        Runner.Run(PsCommandBuilder.Create().AddCommand("Set-VMProcessor").AddParameter("VMName", "lab02").AddParameter("Count", 65));
                    }
                }
            }
            """);
        var plain = Repo.HvlintIn(dir, "audit", "Deploy.cs");
        Assert.DoesNotContain("HV3003", plain.Stdout);
        Assert.DoesNotContain("HV1001", plain.Stdout);

        File.WriteAllText(Path.Combine(dir, "hvlint.json"), """{ "scriptSinks": ["Contoso.Hv.Runner.Run"], "commandBuilders": ["Contoso.Hv.PsCommandBuilder"] }""");
        var configured = Repo.HvlintIn(dir, "audit", "Deploy.cs");
        Assert.Contains("Deploy.cs(16,104): error HV3003: VM 'lab01'", configured.Stdout); // at $true
        Assert.Contains("error HV1001: VM 'lab02' has 65 virtual processors", configured.Stdout); // 2012 R2: lab01 is Generation 2

        var shown = Repo.HvlintIn(dir, "config");
        Assert.Contains("commandBuilders Contoso.Hv.PsCommandBuilder", shown.Stdout);

        File.WriteAllText(Path.Combine(dir, "hvlint.json"), "{\n  \"commandBuilders\": 42\n}");
        Assert.Matches(@"hvlint\.json\(2,\d+\): error HV9003: 'commandBuilders' is an array", Repo.HvlintIn(dir, "audit", "Deploy.cs").Stdout);
    }

    [Fact]
    public void Code_findings_take_suppressions_and_baselines_by_VM()
    {
        string dir = Repo.TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, ".git"));
        File.Copy(Repo.PathOf("samples/provisioning/Provisioner.cs"), Path.Combine(dir, "Provisioner.cs"));
        File.Copy(Repo.PathOf("samples/provisioning/PowerShellStandIn.cs"), Path.Combine(dir, "PowerShellStandIn.cs"));
        File.WriteAllText(Path.Combine(dir, "hvlint.json"), "{ \"suppressions\": [ { \"rule\": \"HV1001\", \"vms\": [\"farm-*\", \"build-*\"], \"reason\": \"2012 R2 cluster from Q2\" } ] }");
        var audit = Repo.HvlintIn(dir, "audit", ".");
        Assert.DoesNotContain("HV1001", audit.Stdout.Replace("not reported", string.Empty));
        Assert.Contains("4 suppressed", audit.Stdout); // farm-web01, farm-sql01 and farm-sql02 of the loop, and build-agent01 at the helper's call
        Assert.Equal(0, Repo.HvlintIn(dir, "baseline", "create", ".").ExitCode);
        File.WriteAllText(Path.Combine(dir, "Provisioner.cs"), "// moved\n\n" + File.ReadAllText(Path.Combine(dir, "Provisioner.cs")));
        Assert.Equal(0, Repo.HvlintIn(dir, "audit", ".", "--baseline", "hvlint.baseline.json").ExitCode);
    }
}
