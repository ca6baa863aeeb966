using HvLint.Engine;
using HvLint.Readers;
using HvLint.Readers.Terraform;
using static HvLint.Tests.Audit;

namespace HvLint.Tests;

/// <summary>
/// Variable definitions files (terraform.tfvars, *.auto.tfvars, *.auto.pkrvars.hcl, and those -var-file names):
/// the values Terraform and Packer give a module's variables before any resource or source uses them.
/// </summary>
public class VariableFileTests
{
    private const string Main = """
        provider "hyperv" {
          host = var.hyperv_host
        }

        resource "hyperv_machine_instance" "web" {
          name            = "web01"
          generation      = 1
          processor_count = var.cpus
        }
        """;

    private const string Variables = """
        variable "hyperv_host" {
          default = "HV-LAB-01"
        }
        variable "cpus" {
          type    = number
          default = 2
        }
        """;

    [Theory]
    [InlineData("terraform.tfvars", InputFormat.Terraform, true)]
    [InlineData("terraform.tfvars.json", InputFormat.Terraform, true)]
    [InlineData("infra/lab.auto.tfvars", InputFormat.Terraform, true)]
    [InlineData("infra\\lab.auto.tfvars.json", InputFormat.Terraform, true)]
    [InlineData("infra/prod.tfvars", InputFormat.Terraform, false)]
    [InlineData("prod.tfvars.json", InputFormat.Terraform, false)]
    [InlineData("images/w2k3.auto.pkrvars.hcl", InputFormat.Packer, true)]
    [InlineData("images/w2k3.auto.pkrvars.json", InputFormat.Packer, true)]
    [InlineData("images/lab.pkrvars.hcl", InputFormat.Packer, false)]
    [InlineData("terraform.tfvars/main.tf", null, false)]
    [InlineData("variables.tf", null, false)]
    [InlineData("template.pkr.hcl", null, false)]
    [InlineData("Terraform.tfvars.bak", null, false)]
    public void Variable_files_are_known_by_name_and_those_the_tools_load_themselves_told_apart(string path, InputFormat? format, bool loaded)
    {
        Assert.Equal(format, VariableFiles.Format(path));
        Assert.Equal(loaded, VariableFiles.IsLoadedByTheTool(path));
    }

    [Fact]
    public void Terraform_tfvars_overrides_the_defaults_and_a_variable_without_one_takes_its_value()
    {
        const string variables = """
            variable "hyperv_host" {
              default = "HV-LAB-01"
            }
            variable "cpus" {}
            """;
        var files = new[] { ("lab/main.tf", Main), ("lab/variables.tf", variables), ("lab/terraform.tfvars", "hyperv_host = \"HV-LAB-07\"\ncpus        = 8\n") };
        AuditResult result = RunFiles(files, "hyperv-2008r2");
        Finding cpus = Assert.Single(result.Of("HV1001"));
        // Reported where the value is used, as for a default.
        Assert.Equal(("lab/main.tf", 8, 21), (cpus.Location.Path, cpus.Location.Line, cpus.Location.Column));
        Assert.Contains("8 virtual processors", cpus.Message);
        var consumer = new CollectingConsumer();
        Read(files, consumer);
        Assert.Equal("HV-LAB-07", Assert.Single(consumer.Hosts).Name.Value);
        Assert.Empty(result.Of("HV9001"));
    }

    [Fact]
    public void Files_are_taken_in_Terraform_s_order_whatever_order_they_are_read_in()
    {
        // terraform.tfvars, then terraform.tfvars.json, then the *.auto files by name: b.auto.tfvars.json's 6 wins.
        var files = new[]
        {
            ("lab/b.auto.tfvars.json", """{ "cpus": 6 }"""),
            ("lab/terraform.tfvars.json", """{ "cpus": 3 }"""),
            ("lab/a.auto.tfvars", "cpus = 16\n"),
            ("lab/terraform.tfvars", "cpus = 1\n"),
            ("lab/main.tf", Main),
            ("lab/variables.tf", Variables),
        };
        Assert.Equal(6, Assert.Single(Read(files)).ProcessorCount.Value);
        Assert.Equal(6, Assert.Single(Read(files.Reverse())).ProcessorCount.Value);
        Assert.Equal(16, Assert.Single(Read(files.Where(f => !f.Item1.Contains("b.auto")))).ProcessorCount.Value);
        Assert.Equal(3, Assert.Single(Read(files.Where(f => !f.Item1.Contains(".auto")))).ProcessorCount.Value);
    }

    [Fact]
    public void A_file_only_var_file_loads_is_read_when_named_and_skipped_by_a_walk()
    {
        var inputs = new List<InputDocument>
        {
            InputDocument.FromText("lab/main.tf", Main, namedExplicitly: false),
            InputDocument.FromText("lab/variables.tf", Variables, namedExplicitly: false),
            InputDocument.FromText("lab/terraform.tfvars", "cpus = 4\n", namedExplicitly: false),
        };
        var walked = inputs.Concat(new[] { InputDocument.FromText("lab/prod.tfvars", "cpus = 8\n", namedExplicitly: false) }).ToList();
        AuditResult walk = Auditor.Run(walked, new AuditOptions { Profile = HvLint.Profiles.ProfileCatalog.Find("hyperv-2008r2") });
        Assert.Empty(walk.Of("HV1001"));
        Assert.Equal(new[] { "lab/prod.tfvars" }, walk.SkippedFiles);
        Assert.Equal(3, walk.FilesRead);

        // Named, it comes after terraform.tfvars, as -var-file does.
        var named = inputs.Concat(new[] { InputDocument.FromText("lab/prod.tfvars", "cpus = 8\n", namedExplicitly: true) }).ToList();
        AuditResult run = Auditor.Run(named, new AuditOptions { Profile = HvLint.Profiles.ProfileCatalog.Find("hyperv-2008r2") });
        Assert.Contains("8 virtual processors", Assert.Single(run.Of("HV1001")).Message);
        Assert.Empty(run.SkippedFiles);
    }

    [Fact]
    public void A_variable_file_sets_only_its_own_folder_s_module_and_only_declared_variables()
    {
        var files = new[]
        {
            ("lab/main.tf", Main),
            ("lab/variables.tf", Variables),
            ("other/terraform.tfvars", "cpus = 8\n"),
            // Terraform only warns of a value for a variable the module does not declare, and it changes nothing.
            ("lab/terraform.tfvars", "processor_count = 8\nweb_cpus = 8\n"),
        };
        Assert.Equal(2, Assert.Single(Read(files)).ProcessorCount.Value);
        AuditResult result = RunFiles(files, "hyperv-2008r2");
        Assert.Empty(result.Of("HV1001"));
        Assert.Empty(result.Of("HV9001"));
    }

    [Theory]
    [InlineData("lab/terraform.tfvars.json", """{ "cpus": "8" }""", 8L)] // a number variable converts a string of a number
    [InlineData("lab/terraform.tfvars.json", """{ "cpus": "eight" }""", null)] // which Terraform refuses: unknown, never the default
    [InlineData("lab/terraform.tfvars", "cpus = \"8\"\n", 8L)]
    [InlineData("lab/terraform.tfvars", "cpus = null\n", null)]
    public void Values_are_converted_to_the_variable_s_type(string path, string text, long? cpus)
    {
        var vm = Assert.Single(Read(new[] { ("lab/main.tf", Main), ("lab/variables.tf", Variables), (path, text) }));
        Assert.Equal(cpus, vm.ProcessorCount.IsKnown ? vm.ProcessorCount.Value : null);
    }

    [Theory]
    [InlineData("cpus = max(4, 8)\n", 1, 8, "not a literal value")]
    [InlineData("cpus = var.base\n", 1, 8, "not a literal value")]
    [InlineData("hyperv_host = \"HV-${var.site}\"\n", 1, 15, "not a literal value")]
    [InlineData("cpus = \n", 1, 8, "")]
    [InlineData("cpus = 8\n}\n", 2, 1, "")]
    public void A_variable_file_Terraform_would_refuse_is_HV9001_at_its_position_and_the_rest_is_still_audited(string tfvars, int line, int column, string says)
    {
        AuditResult result = RunFiles(new[] { ("lab/main.tf", Main), ("lab/variables.tf", Variables), ("lab/terraform.tfvars", tfvars), ("other/main.tf", Main.Replace("web01", "web02").Replace("var.cpus", "8")) }, "hyperv-2008r2");
        Finding problem = Assert.Single(result.Of("HV9001"));
        Assert.Equal(("lab/terraform.tfvars", line, column), (problem.Location.Path, problem.Location.Line, problem.Location.Column));
        Assert.Contains(says, problem.Message);
        // The other module is still audited, and the variable is never taken as its default of 2.
        Assert.Contains("'web02'", Assert.Single(result.Of("HV1001")).Message);
        Assert.Equal(2, result.VirtualMachines);
    }

    [Fact]
    public void A_JSON_variable_file_that_is_not_an_object_is_HV9001()
    {
        AuditResult result = RunFiles(new[] { ("lab/main.tf", Main), ("lab/variables.tf", Variables), ("lab/terraform.tfvars.json", """[ { "cpus": 8 } ]""") }, "hyperv-2008r2");
        Finding problem = Assert.Single(result.Of("HV9001"));
        Assert.Equal(("lab/terraform.tfvars.json", 1, 1), (problem.Location.Path, problem.Location.Line, problem.Location.Column));
        Assert.Equal(1, result.VirtualMachines);
    }

    [Fact]
    public void A_variable_file_s_string_that_escapes_a_template_is_the_escaped_text()
    {
        const string main = "variable \"prefix\" {}\n\nresource \"hyperv_machine_instance\" \"vm\" {\n  name = \"${var.prefix}01\"\n}\n";
        var vm = Assert.Single(Read(new[] { ("lab/main.tf", main), ("lab/terraform.tfvars", "prefix = \"web-$${env}-\"\n") }));
        Assert.Equal("web-${env}-01", vm.Name.Value);
    }

    [Fact]
    public void Packer_s_auto_pkrvars_files_set_a_template_s_variables()
    {
        const string template = """
            variable "cpus" {
              type    = number
              default = 1
            }

            source "hyperv-iso" "w2k3" {
              vm_name  = "w2k3-base"
              iso_url  = "iso/en_windows_server_2003_r2_standard_x86.iso"
              cpus     = var.cpus
            }
            """;
        var alone = Assert.Single(Read(new[] { ("images/w2k3.pkr.hcl", template) }));
        Assert.Equal(1, alone.ProcessorCount.Value);
        var set = Assert.Single(Read(new[] { ("images/w2k3.pkr.hcl", template), ("images/smp.auto.pkrvars.hcl", "cpus = 2\n") }));
        Assert.Equal(2, set.ProcessorCount.Value);

        // A uniprocessor Windows Server 2003 image is HV4002; the variables file that gives it two vCPUs mends it.
        Assert.Single(RunFiles(new[] { ("images/w2k3.pkr.hcl", template) }, "hyperv-2008r2").Of("HV4002"));
        Assert.Empty(RunFiles(new[] { ("images/w2k3.pkr.hcl", template), ("images/smp.auto.pkrvars.json", """{ "cpus": 2 }""") }, "hyperv-2008r2").Of("HV4002"));
    }

    /// <summary>An audit under hyperv-2008r2 with <paramref name="environment"/> as the environment's TF_VAR_ and PKR_VAR_ variables.</summary>
    private static AuditResult RunWith(IEnumerable<(string Path, string Text)> files, params (string Name, string Value)[] environment)
    {
        var options = new AuditOptions { Profile = HvLint.Profiles.ProfileCatalog.Find("hyperv-2008r2") };
        foreach ((string name, string value) in environment) options.EnvironmentVariables[name] = value;
        return Run(files, options);
    }

    private static AuditResult Run(IEnumerable<(string Path, string Text)> files, AuditOptions options) =>
        Auditor.Run(files.Select(f => InputDocument.FromText(f.Path, f.Text)).ToList(), options);

    [Fact]
    public void TF_VAR_sets_a_root_module_s_variable_below_its_variable_files()
    {
        var module = new[] { ("lab/main.tf", Main), ("lab/variables.tf", Variables) };
        Assert.Empty(RunWith(module).Of("HV1001"));
        Assert.Contains("8 virtual processors", Assert.Single(RunWith(module, ("TF_VAR_cpus", "8")).Of("HV1001")).Message);
        // terraform.tfvars comes after the environment, as in Terraform's precedence.
        Assert.Empty(RunWith(module.Append(("lab/terraform.tfvars", "cpus = 3\n")), ("TF_VAR_cpus", "8")).Of("HV1001"));
        Assert.Contains("8 virtual processors", Assert.Single(RunWith(module.Append(("lab/terraform.tfvars", "cpus = 8\n")), ("TF_VAR_cpus", "3")).Of("HV1001")).Message);
        // Names are as written (Terraform's are case-sensitive), and Packer's prefix is Packer's.
        Assert.Empty(RunWith(module, ("TF_VAR_CPUS", "8"), ("PKR_VAR_cpus", "8")).Of("HV1001"));
    }

    [Fact]
    public void A_var_on_the_command_line_is_above_the_variable_files_and_the_environment()
    {
        (string Path, string Text)[] files = [("lab/main.tf", Main), ("lab/variables.tf", Variables), ("lab/terraform.tfvars", "cpus = 3\n")];
        var options = new AuditOptions { Profile = HvLint.Profiles.ProfileCatalog.Find("hyperv-2008r2") };
        options.EnvironmentVariables["TF_VAR_cpus"] = "1";
        options.CommandLineVariables["cpus"] = "12";
        AuditResult result = Run(files, options);
        Assert.Contains("12 virtual processors", Assert.Single(result.Of("HV1001")).Message);
        // A -var for a variable the module does not declare changes nothing, as in Terraform (which refuses it).
        options.CommandLineVariables.Remove("cpus");
        options.CommandLineVariables["processor_count"] = "12";
        Assert.Empty(Run(files, options).Of("HV1001"));
    }

    [Fact]
    public void A_var_on_the_command_line_sets_a_legacy_Packer_template_s_user_variable()
    {
        const string legacy = """
            {
              "variables": { "cpus": "8", "mem": "{{env `MEM`}}" },
              "builders": [ { "type": "hyperv-iso", "vm_name": "img", "cpus": "{{user `cpus`}}", "memory": "{{user `mem`}}" } ]
            }
            """;
        (string Path, string Text)[] files = [("images/legacy.json", legacy)];
        var options = new AuditOptions { Profile = HvLint.Profiles.ProfileCatalog.Find("hyperv-2008r2") };
        Assert.Contains("8 virtual processors", Assert.Single(Run(files, options).Of("HV1001")).Message);
        options.CommandLineVariables["cpus"] = "2";
        Assert.Empty(Run(files, options).Of("HV1001"));
        options.CommandLineVariables["cpus"] = "16";
        Assert.Contains("16 virtual processors", Assert.Single(Run(files, options).Of("HV1001")).Message);
    }

    [Fact]
    public void TF_VAR_is_text_for_a_primitive_type_and_HCL_for_any_other()
    {
        const string main = """
            variable "sizes" {
              type    = list(number)
              default = [2]
            }
            variable "name" {
              default = "web01"
            }
            resource "hyperv_machine_instance" "web" {
              name            = var.name
              processor_count = var.sizes[0]
            }
            """;
        var module = new[] { ("lab/main.tf", main) };
        Finding eight = Assert.Single(RunWith(module, ("TF_VAR_sizes", "[8, 2]"), ("TF_VAR_name", "[web02]")).Of("HV1001"));
        Assert.Contains("VM '[web02]' has 8 virtual processors", eight.Message);
        // A list the type refuses, or HCL that is not a literal, leaves the variable unknown: not its default, no finding.
        Assert.Empty(RunWith(module, ("TF_VAR_sizes", "[\"eight\"]")).Of("HV1001"));
        Assert.Empty(RunWith(module, ("TF_VAR_sizes", "[var.x]")).Of("HV1001"));
    }

    [Fact]
    public void PKR_VAR_sets_a_Packer_template_s_variable()
    {
        const string template = """
            variable "cpus" {
              type    = number
              default = 2
            }

            source "hyperv-iso" "w2k3" {
              vm_name  = "w2k3-base"
              iso_url  = "iso/en_windows_server_2003_r2_standard_x86.iso"
              cpus     = var.cpus
            }
            """;
        var files = new[] { ("images/w2k3.pkr.hcl", template) };
        Assert.Empty(RunWith(files).Of("HV4002"));
        Assert.Single(RunWith(files, ("PKR_VAR_cpus", "1")).Of("HV4002"));
        Assert.Empty(RunWith(files, ("TF_VAR_cpus", "1")).Of("HV4002"));
    }

    private static List<HvLint.Model.VirtualMachine> Read(IEnumerable<(string Path, string Text)> files, CollectingConsumer? consumer = null) => TerraformReaderTests.CollectFiles(files, consumer);
}
