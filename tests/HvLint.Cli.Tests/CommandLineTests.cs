namespace HvLint.Cli.Tests;

/// <summary>The command-line contract of DESIGN.md: exit codes, paths, options, errors without stack traces.</summary>
public class CommandLineTests
{
    [Fact]
    public void Findings_exit_1_and_fail_on_sets_the_threshold()
    {
        Assert.Equal(1, Repo.Hvlint("audit", "samples/datacenter/templates.json").ExitCode);               // a warning
        Assert.Equal(0, Repo.Hvlint("audit", "samples/datacenter/templates.json", "--fail-on", "error").ExitCode);
        Assert.Equal(0, Repo.Hvlint("audit", "samples", "--fail-on", "never").ExitCode);
    }

    [Fact]
    public void Unreadable_input_exits_2_with_HV9001_at_its_position_and_the_other_files_are_still_audited()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "broken.json"), "{ \"virtualMachines\": [\n  { \"name\": \"a\", \"processorCount\": 8, }\n  { \"name\": \"b\" }\n] }");
        File.Copy(Repo.PathOf("samples/datacenter/templates.json"), Path.Combine(dir, "templates.json"));
        File.WriteAllText(Path.Combine(dir, "package.json"), "{ \"name\": \"not-an-inventory\", \"version\": \"1.0.0\" }");
        var (exit, stdout, stderr) = Repo.HvlintIn(dir, "audit", ".");
        Assert.Equal(2, exit);
        Assert.Matches(@"broken\.json\(\d+,\d+\): error HV9001: ", stdout);
        Assert.Contains("templates.json(18,25): warning HV4002", stdout);
        Assert.Contains("1 skipped", stdout);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public void Invalid_UTF8_is_HV9001_not_replacement_characters()
    {
        string dir = Repo.TempFolder();
        // "café" written in Latin-1 by an old tool: the é byte (0xE9) is not valid UTF-8.
        File.WriteAllBytes(Path.Combine(dir, "latin1.json"), System.Text.Encoding.Latin1.GetBytes("{ \"virtualMachines\": [ { \"name\": \"caf\u00e9\" } ] }"));
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "latin1.json");
        Assert.Equal(2, exit);
        Assert.Contains("HV9001", stdout);
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("audit", "samples", "--format", "xml")]
    [InlineData("audit", "samples", "--profile", "hyperv-2010")]
    [InlineData("audit", "samples", "--bogus")]
    [InlineData("explain", "HV0000")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2_with_a_message_and_no_stack_trace(params string[] args)
    {
        var (exit, stdout, stderr) = Repo.Hvlint(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("hvlint: ", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public void A_missing_path_is_reported_and_the_rest_audited()
    {
        var (exit, stdout, _) = Repo.Hvlint("audit", "samples/clean", "samples/nowhere");
        Assert.Equal(2, exit);
        Assert.Contains("samples/nowhere", stdout);
    }

    [Fact]
    public void Globs_select_files()
    {
        var (_, stdout, _) = Repo.Hvlint("audit", "samples/**/templates.json");
        Assert.Contains("1 file read", stdout);
        Assert.Contains("HV4002", stdout);
    }

    [Fact]
    public void A_folder_walk_reads_tf_files_and_not_the_modules_terraform_init_downloaded()
    {
        string dir = Repo.TempFolder();
        const string vm = "resource \"hyperv_machine_instance\" \"vm\" {\n  name            = \"{0}\"\n  processor_count = 8\n}\n";
        File.WriteAllText(Path.Combine(dir, "main.tf"), vm.Replace("{0}", "ours"));
        Directory.CreateDirectory(Path.Combine(dir, ".terraform", "modules", "vendor"));
        File.WriteAllText(Path.Combine(dir, ".terraform", "modules", "vendor", "main.tf"), vm.Replace("{0}", "vendored"));
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".", "--profile", "hyperv-2008r2");
        Assert.Equal(1, exit);
        Assert.Contains("main.tf(3,21): error HV1001: VM 'ours'", stdout);
        Assert.DoesNotContain("vendored", stdout);
        Assert.Contains("1 file read", stdout);
    }

    [Fact]
    public void A_folder_walk_reads_the_modules_the_manifest_of_terraform_init_lists_and_nothing_else_of_dot_terraform()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "main.tf"), "module \"sql\" {\n  source  = \"contoso/vm/hyperv\"\n  version = \"1.2.0\"\n  name    = \"sql01\"\n}\n");
        const string vm = "resource \"hyperv_machine_instance\" \"vm\" {\n  name            = {0}\n  processor_count = 8\n}\n";
        string installed = Path.Combine(dir, ".terraform", "modules", "sql");
        Directory.CreateDirectory(Path.Combine(installed, "examples", "basic"));
        File.WriteAllText(Path.Combine(installed, "main.tf"), "variable \"name\" {}\n" + vm.Replace("{0}", "var.name"));
        // The module's example is a root module of its own, and the providers are no configuration: neither is read.
        File.WriteAllText(Path.Combine(installed, "examples", "basic", "main.tf"), vm.Replace("{0}", "\"example\""));
        Directory.CreateDirectory(Path.Combine(dir, ".terraform", "providers"));
        File.WriteAllText(Path.Combine(dir, ".terraform", "providers", "main.tf"), vm.Replace("{0}", "\"provider\""));
        File.WriteAllText(Path.Combine(dir, ".terraform", "modules", "modules.json"),
            "{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"},{\"Key\":\"sql\",\"Source\":\"registry.terraform.io/contoso/vm/hyperv\",\"Version\":\"1.2.0\",\"Dir\":\".terraform/modules/sql\"}]}");

        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".", "--profile", "hyperv-2008r2");
        Assert.Equal(1, exit);
        // At the module block's source in main.tf, with the call's name for the VM.
        Assert.Contains("main.tf(2,13): error HV1001: VM 'sql01'", stdout);
        Assert.DoesNotContain("example", stdout);
        Assert.DoesNotContain("provider", stdout);
        Assert.Contains("3 files read", stdout);
        Assert.Contains("1 VM", stdout);

        // Named by itself, the root module's file takes the same installed modules.
        var named = Repo.HvlintIn(dir, "audit", "main.tf", "--profile", "hyperv-2008r2");
        Assert.Contains("main.tf(2,13): error HV1001: VM 'sql01'", named.Stdout);
        Assert.Contains("3 files read", named.Stdout);
    }

    [Fact]
    public void An_audit_of_one_environment_reads_the_local_modules_it_calls_from_outside_it_and_only_those()
    {
        string dir = Repo.TempFolder();
        foreach (string folder in new[] { "envs/prod", "modules/vm/examples/basic", "modules/disk", "modules/unused", "scripts" }) Directory.CreateDirectory(Path.Combine(dir, folder));
        // The unused module's call was taken out by a block comment; a provisioner's source is a folder to copy, not a module.
        File.WriteAllText(Path.Combine(dir, "envs", "prod", "main.tf"),
            "module \"sql\" {\n  source = \"../../modules/vm\"\n  name   = \"sql01\"\n  cpus   = 8\n}\n\n/*\nmodule \"old\" {\n  source = \"../../modules/unused\"\n}\n*/\n"
            + "\nresource \"null_resource\" \"tools\" {\n  provisioner \"file\" {\n    source      = \"../../scripts\"\n    destination = \"C:/tools\"\n  }\n}\n");
        File.WriteAllText(Path.Combine(dir, "modules", "vm", "main.tf"),
            "variable \"name\" {}\nvariable \"cpus\" {}\n\nresource \"hyperv_machine_instance\" \"vm\" {\n  name            = var.name\n  processor_count = var.cpus\n}\n\nmodule \"disk\" {\n  source = \"../disk\"\n}\n");
        File.WriteAllText(Path.Combine(dir, "modules", "disk", "main.tf"), "variable \"size\" {\n  default = 40\n}\n");
        const string vm = "resource \"hyperv_machine_instance\" \"vm\" {\n  name            = \"{0}\"\n  processor_count = 8\n}\n";
        // Neither the module's example (a subfolder) nor a module no one calls is part of the configuration.
        File.WriteAllText(Path.Combine(dir, "modules", "vm", "examples", "basic", "main.tf"), vm.Replace("{0}", "example"));
        File.WriteAllText(Path.Combine(dir, "modules", "unused", "main.tf"), vm.Replace("{0}", "unused"));
        File.WriteAllText(Path.Combine(dir, "scripts", "lab.tf"), vm.Replace("{0}", "scripts-lab"));

        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "envs/prod", "--profile", "hyperv-2008r2");
        Assert.Equal(1, exit);
        // The VM is the module's resource; its 8 is the call's argument, found there.
        Assert.Contains("envs/prod/main.tf(4,12): error HV1001: VM 'sql01' has 8 virtual processors", stdout);
        Assert.DoesNotContain("example", stdout);
        Assert.DoesNotContain("unused", stdout);
        Assert.DoesNotContain("scripts", stdout);
        // envs/prod/main.tf, and the modules vm and disk it calls.
        Assert.Contains("3 files read", stdout);
    }

    [Fact]
    public void The_path_dash_reads_standard_input_under_the_name_stdin_filename_gives_it()
    {
        // Get-VM | ConvertTo-Json -Depth 4 | hvlint audit -: the same findings as the file gives, under the name "stdin".
        byte[] inventory = File.ReadAllBytes(Repo.PathOf("samples/datacenter/inventory.json"));
        var fromFile = Repo.Hvlint("audit", "samples/datacenter/inventory.json");
        var piped = Repo.HvlintWithInput(inventory, Repo.Root, "audit", "-");
        Assert.Equal(fromFile.ExitCode, piped.ExitCode);
        string[] Lines(string stdout, string name) => stdout.Split('\n').Where(l => l.StartsWith(name + "(", StringComparison.Ordinal)).Select(l => l.Substring(name.Length).Replace("(" + name + ":", "(FILE:", StringComparison.Ordinal)).ToArray();
        string[] expected = Lines(fromFile.Stdout, "samples/datacenter/inventory.json");
        Assert.True(expected.Length > 10, fromFile.Stdout);
        Assert.Equal(expected, Lines(piped.Stdout, "stdin"));

        // --stdin-filename names it, and its extension says what it is: a script, audited as a .ps1 file is.
        byte[] script = System.Text.Encoding.UTF8.GetBytes("New-VM -Name lab01 -Generation 2\nAdd-VMNetworkAdapter -VMName lab01 -IsLegacy $true\n");
        var named = Repo.HvlintWithInput(script, Repo.Root, "audit", "-", "--stdin-filename", "New-Lab.ps1");
        Assert.Equal(1, named.ExitCode);
        Assert.Contains("New-Lab.ps1(2,46): error HV3003: VM 'lab01' is Generation 2", named.Stdout);

        // Not UTF-8: HV9001 for that input, as for a file.
        var binary = Repo.HvlintWithInput(new byte[] { 0x7B, 0xFF, 0xFE, 0x7D }, Repo.Root, "audit", "-");
        Assert.Equal(2, binary.ExitCode);
        Assert.Contains("stdin(1,1): error HV9001: the file is not valid text", binary.Stdout);
    }

    [Fact]
    public void A_folder_walk_reads_each_folder_once_however_many_symbolic_links_lead_to_it()
    {
        // A link back to a folder above (a loop) made the walk audit the same inventory again at every level, until the
        // path grew too long; a second name for a folder audited it twice. A link to a folder elsewhere is still walked.
        string dir = Repo.TempFolder(), elsewhere = Repo.TempFolder();
        const string vm = "{ \"virtualMachines\": [ { \"name\": \"{0}\", \"processorCount\": 8 } ] }";
        Directory.CreateDirectory(Path.Combine(dir, "inventories"));
        File.WriteAllText(Path.Combine(dir, "inventories", "lab.json"), vm.Replace("{0}", "lab01"));
        File.WriteAllText(Path.Combine(elsewhere, "branch.json"), vm.Replace("{0}", "branch01"));
        Directory.CreateSymbolicLink(Path.Combine(dir, "inventories", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(dir, "current"), Path.Combine(dir, "inventories"));
        Directory.CreateSymbolicLink(Path.Combine(dir, "shared"), elsewhere);
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".", "--profile", "hyperv-2008r2");
        Assert.Equal(1, exit);
        string[] findings = stdout.Split('\n').Where(l => l.Contains(": error HV", StringComparison.Ordinal)).Select(l => l.Substring(0, l.IndexOf(':', StringComparison.Ordinal))).ToArray();
        Assert.Equal(new[] { "inventories/lab.json(1,61)", "shared/branch.json(1,64)" }, findings);
        Assert.Contains("2 files read; 0 hosts, 2 VMs", stdout);
    }

    [Fact]
    public void A_folder_walk_reads_packer_templates_and_their_variables_but_not_the_packer_cache()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "image.pkr.hcl"), "source \"hyperv-iso\" \"img\" {\n  vm_name = \"img01\"\n  cpus    = var.cpus\n}\n");
        File.WriteAllText(Path.Combine(dir, "variables.pkr.hcl"), "variable \"cpus\" {\n  default = 8\n}\n");
        // A variables file is only NAME = value lines: nothing to recognise it by, so it is skipped, not an error.
        File.WriteAllText(Path.Combine(dir, "lab.pkrvars.hcl"), "cpus = 2\n");
        Directory.CreateDirectory(Path.Combine(dir, "packer_cache"));
        File.WriteAllText(Path.Combine(dir, "packer_cache", "cached.pkr.hcl"), "source \"hyperv-iso\" \"cached\" {\n  cpus = 64\n}\n");
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".", "--profile", "hyperv-2008r2");
        Assert.Equal(1, exit);
        Assert.Contains("image.pkr.hcl(3,13): error HV1001: VM 'img01' has 8 virtual processors", stdout);
        Assert.DoesNotContain("cached", stdout);
        Assert.Contains("2 files read", stdout);
        Assert.Contains("1 skipped", stdout);
    }

    [Fact]
    public void A_folder_walk_takes_the_variable_files_terraform_and_packer_load_and_a_named_one_after_them()
    {
        string dir = Repo.TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, "infra"));
        File.WriteAllText(Path.Combine(dir, "infra", "main.tf"), "variable \"cpus\" {\n  default = 2\n}\n\nresource \"hyperv_machine_instance\" \"vm\" {\n  name            = \"app01\"\n  processor_count = var.cpus\n}\n");
        File.WriteAllText(Path.Combine(dir, "infra", "terraform.tfvars"), "cpus = 6\n");
        File.WriteAllText(Path.Combine(dir, "infra", "prod.tfvars"), "cpus = 12\n");
        Directory.CreateDirectory(Path.Combine(dir, "images"));
        File.WriteAllText(Path.Combine(dir, "images", "image.pkr.hcl"), "variable \"cpus\" {\n  default = 2\n}\n\nsource \"hyperv-iso\" \"img\" {\n  vm_name = \"img01\"\n  cpus    = var.cpus\n}\n");
        File.WriteAllText(Path.Combine(dir, "images", "big.auto.pkrvars.hcl"), "cpus = 8\n");

        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".", "--profile", "hyperv-2008r2");
        Assert.Equal(1, exit);
        Assert.Contains("infra/main.tf(7,21): error HV1001: VM 'app01' has 6 virtual processors", stdout);
        Assert.Contains("images/image.pkr.hcl(7,13): error HV1001: VM 'img01' has 8 virtual processors", stdout);
        Assert.Contains("4 files read", stdout);
        Assert.Contains("1 skipped", stdout); // prod.tfvars, which only -var-file loads

        var named = Repo.HvlintIn(dir, "audit", ".", "infra/prod.tfvars", "--profile", "hyperv-2008r2");
        Assert.Contains("infra/main.tf(7,21): error HV1001: VM 'app01' has 12 virtual processors", named.Stdout);
        Assert.Contains("5 files read", named.Stdout);

        // The environment comes below the files: TF_VAR_ and PKR_VAR_ show only where no file sets the variable.
        File.Delete(Path.Combine(dir, "infra", "terraform.tfvars"));
        File.Delete(Path.Combine(dir, "images", "big.auto.pkrvars.hcl"));
        var environment = Repo.HvlintWith([("TF_VAR_cpus", "16"), ("PKR_VAR_cpus", "10")], dir, "audit", ".", "--profile", "hyperv-2008r2");
        Assert.Contains("infra/main.tf(7,21): error HV1001: VM 'app01' has 16 virtual processors", environment.Stdout);
        Assert.Contains("images/image.pkr.hcl(7,13): error HV1001: VM 'img01' has 10 virtual processors", environment.Stdout);

        // --var is -var: above the environment and the files, in every root module that declares the name.
        var flag = Repo.HvlintWith([("TF_VAR_cpus", "16")], dir, "audit", ".", "--profile", "hyperv-2008r2", "--var", "cpus=6", "--var", "cpus=5");
        Assert.Contains("infra/main.tf(7,21): error HV1001: VM 'app01' has 5 virtual processors", flag.Stdout);
        Assert.Contains("images/image.pkr.hcl(7,13): error HV1001: VM 'img01' has 5 virtual processors", flag.Stdout);
        var bad = Repo.HvlintIn(dir, "audit", ".", "--var", "cpus");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--var takes NAME=VALUE", bad.Stderr);
    }

    [Fact]
    public void The_summary_states_the_profile_and_why()
    {
        var (_, stdout, _) = Repo.Hvlint("audit", "samples/datacenter/inventory.json");
        // The newest host OS is evidence for the run's profile; each host is still checked against its own release.
        Assert.Contains("profile: hyperv-2016 (oldest release consistent with the input: a host runs Windows Server 2016 Datacenter at samples/datacenter/inventory.json(", stdout);
        Assert.Contains("hosts checked against the release their OS names: HV-2012-02 hyperv-2012, HV-2012R2-01 hyperv-2012r2, HV-BRANCH-07 hyperv-2008r2, HV-LAB-OLD hyperv-2008r2, HV-R2-01 hyperv-2008r2", stdout);
        Assert.Contains("HV1001", stdout);

        var flagged = Repo.Hvlint("audit", "samples/datacenter/inventory.json", "--profile", "hyperv-2012r2");
        Assert.Contains("profile: hyperv-2012r2 (set by --profile)", flagged.Stdout);
        Assert.DoesNotContain("HV1001", flagged.Stdout);
    }

    [Fact]
    public void A_configuration_file_sets_severities_and_a_bad_one_is_HV9003_at_its_position()
    {
        string dir = Repo.TempFolder();
        File.Copy(Repo.PathOf("samples/datacenter/templates.json"), Path.Combine(dir, "templates.json"));
        File.WriteAllText(Path.Combine(dir, "hvlint.json"), "{ \"rules\": { \"HV4002\": \"off\" } }");
        var quiet = Repo.HvlintIn(dir, "audit", "templates.json", "--config", "hvlint.json");
        Assert.Equal(0, quiet.ExitCode);
        Assert.DoesNotContain("HV4002", quiet.Stdout);

        File.WriteAllText(Path.Combine(dir, "bad.json"), "{\n  \"rules\": { \"HV4002\": \"loud\" }\n}");
        var bad = Repo.HvlintIn(dir, "audit", "templates.json", "--config", "bad.json");
        Assert.Equal(2, bad.ExitCode);
        Assert.Matches(@"bad\.json\(2,\d+\): error HV9003: ", bad.Stdout);
        Assert.Contains("HV4002", bad.Stdout.Replace("bad.json", string.Empty));
    }

    [Fact]
    public void Output_goes_to_a_file_and_the_summary_to_standard_error()
    {
        string dir = Repo.TempFolder();
        string sarif = Path.Combine(dir, "out.sarif");
        var (exit, stdout, stderr) = Repo.Hvlint("audit", "samples/clean", "--format", "sarif", "--output", sarif);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("0 errors", stderr);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(sarif));
    }

    [Fact]
    public void Rules_and_explain_print_the_catalog_and_the_pages()
    {
        var rules = Repo.Hvlint("rules");
        Assert.Equal(0, rules.ExitCode);
        Assert.Equal(HvLint.Rules.RuleCatalog.Descriptors.Count, rules.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var explain = Repo.Hvlint("explain", "hv3002");
        Assert.Equal(0, explain.ExitCode);
        Assert.StartsWith("# HV3002: Generation 1 VM boots from the network but has no legacy network adapter", explain.Stdout);
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        var (exit, stdout, _) = Repo.Hvlint("--version");
        Assert.Equal(0, exit);
        Assert.Matches(@"^HvLint \d+\.\d+\.\d+", stdout);
    }
}
