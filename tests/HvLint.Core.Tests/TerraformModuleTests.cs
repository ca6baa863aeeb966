using HvLint.Engine;
using static HvLint.Tests.Audit;

namespace HvLint.Tests;

/// <summary>
/// Local modules (`module "NAME" { source = "./modules/vm" ... }`): a called module's VMs are its calls' instances,
/// each with the block's arguments for its variables, on the root module's host.
/// </summary>
public class TerraformModuleTests
{
    private const string VmModule = """
        variable "name" {}
        variable "cpus" {
          default = 8
        }

        resource "hyperv_machine_instance" "vm" {
          name            = var.name
          generation      = 1
          processor_count = var.cpus
        }
        """;

    // A module of typed variables (a number, an object with an optional attribute) whose VM is Generation 2.
    internal const string TypedVmModule = """
        variable "name" {
          type = string
        }

        variable "cpus" {
          type    = number
          default = 2
        }

        variable "nic" {
          type    = object({ switch = string, legacy = optional(bool, false) })
          default = { switch = "LAN" }
        }

        resource "hyperv_machine_instance" "vm" {
          name            = var.name
          generation      = 2
          processor_count = var.cpus

          network_adaptors {
            name        = "nic"
            switch_name = var.nic.switch
            is_legacy   = var.nic.legacy
          }
        }
        """;

    private const string Root = """
        provider "hyperv" {
          host = "HV-MOD-01"
        }

        module "web" {
          source = "./modules/vm"
          name   = "web01"
          cpus   = 2
        }

        module "sql" {
          source = "./modules/vm"
          name   = "sql01"
        }

        module "registry" {
          source  = "example/vm/hyperv"
          version = "1.0.0"
          name    = "remote01"
        }
        """;

    /// <summary>A finding's VM and where it is: "sql01 infra/main.tf:2:13".</summary>
    private static string VmAt(Finding f) => f.Message.Split('\'')[1] + " " + f.Location.Path + ":" + f.Location.Line + ":" + f.Location.Column;

    [Fact]
    public void Each_call_of_a_local_module_is_its_VMs_with_the_call_s_arguments_and_the_module_is_not_read_alone()
    {
        var files = new[] { ("infra/main.tf", Root), ("infra/modules/vm/main.tf", VmModule) };
        var consumer = new CollectingConsumer();
        var vms = TerraformReaderTests.CollectFiles(files, consumer);
        // Not a third VM with the module's defaults (and no name), and nothing of the registry module, which is not in the input.
        Assert.Equal(new[] { "sql01:8", "web01:2" }, vms.Select(v => v.Name.Value + ":" + v.ProcessorCount.Value).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("HV-MOD-01", Assert.Single(consumer.Hosts).Name.Value);

        AuditResult result = RunFiles(files, "hyperv-2008r2");
        Finding cpus = Assert.Single(result.Of("HV1001"));
        Assert.Contains("'sql01'", cpus.Message);
        Assert.Equal(("infra/modules/vm/main.tf", 9, 21), (cpus.Location.Path, cpus.Location.Line, cpus.Location.Column));
    }

    [Fact]
    public void A_value_a_call_passes_is_found_at_the_call_s_argument_and_the_module_s_own_values_in_the_module()
    {
        // The module is written once and each call passes its own values: the argument is the line that makes this VM
        // what it is. A literal inside an object argument is found where it is written, text converted to the
        // variable's number type at the text, a value passed on unchanged (app -> vm) at the first call, and one a
        // call computes (var.cpus * 2) at that call's expression.
        const string root = """
            module "web" {
              source = "./modules/vm"
              name   = "web01"
              cpus   = "16"
            }

            module "gw" {
              source = "./modules/vm"
              name   = "gw01"
              nic    = { switch = "DMZ", legacy = true }
            }

            module "app" {
              source = "./modules/app"
              name   = "app01"
              cpus   = 12
            }
            """;
        const string app = """
            variable "name" {}
            variable "cpus" {}

            module "vm" {
              source = "../vm"
              name   = var.name
              cpus   = var.cpus
            }

            module "big" {
              source = "../vm"
              name   = "${var.name}-big"
              cpus   = var.cpus * 2
            }
            """;
        AuditResult result = RunFiles(new[] { ("r/main.tf", root), ("r/modules/vm/main.tf", TypedVmModule), ("r/modules/app/main.tf", app) }, "hyperv-2008r2");
        Assert.Equal(
            new[] { "HV1001 app01 r/main.tf:16:12", "HV1001 app01-big r/modules/app/main.tf:13:12", "HV1001 web01 r/main.tf:4:12", "HV3003 gw01 r/main.tf:10:39" },
            result.Findings.Where(f => f.Descriptor.Id != "HV1005").Select(f => f.Descriptor.Id + " " + VmAt(f)).OrderBy(n => n, StringComparer.Ordinal));
        // generation = 2 is the module's own: found in the module, for every call.
        Assert.Equal(4, result.Of("HV1005").Count(f => (f.Location.Path, f.Location.Line, f.Location.Column) == ("r/modules/vm/main.tf", 17, 21)));
    }

    [Fact]
    public void An_instance_s_value_from_a_for_each_written_out_in_its_block_is_found_at_its_entry()
    {
        // each.value is one line for every instance; the entry is the line that makes this one differ: in a resource, in
        // an object entry's attribute, and in a module call (whose argument passes it on).
        const string root = """
            resource "hyperv_machine_instance" "farm" {
              for_each        = { web01 = 2, sql01 = 96 }
              name            = each.key
              processor_count = each.value
            }

            resource "hyperv_machine_instance" "apps" {
              for_each = {
                app01 = { cpus = 2 }
                app02 = { cpus = 80 }
              }
              name            = each.key
              processor_count = each.value.cpus
            }

            module "pool" {
              source   = "./modules/vm"
              for_each = { pool01 = 4, pool02 = 70 }
              name     = each.key
              cpus     = each.value
            }

            variable "vms" {
              default = { var01 = 99 }
            }

            # From a variable: the entry is written elsewhere (a default, a variable file), so the value is found where it is used.
            resource "hyperv_machine_instance" "from_var" {
              for_each        = var.vms
              name            = each.key
              processor_count = each.value
            }
            """;
        AuditResult result = RunFiles(new[] { ("r/main.tf", root), ("r/modules/vm/main.tf", TypedVmModule) }, "hyperv-2012r2");
        Assert.Equal(
            new[] { "app02 r/main.tf:10:22", "pool02 r/main.tf:18:37", "sql01 r/main.tf:2:42", "var01 r/main.tf:31:21" },
            result.Of("HV1001").Select(VmAt).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void A_module_block_s_count_and_for_each_make_one_instance_each()
    {
        const string root = """
            module "farm" {
              source   = "./vm"
              for_each = { app01 = 2, app02 = 6 }
              name     = each.key
              cpus     = each.value
            }

            module "pool" {
              source = "./vm"
              count  = 2
              name   = "pool-${count.index}"
            }
            """;
        var vms = TerraformReaderTests.CollectFiles(new[] { ("root/main.tf", root), ("root/vm/main.tf", VmModule) });
        Assert.Equal(new[] { "app01:2", "app02:6", "pool-0:8", "pool-1:8" }, vms.Select(v => v.Name.Value + ":" + v.ProcessorCount.Value).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void An_argument_HvLint_cannot_evaluate_leaves_the_variable_unknown_not_at_its_default()
    {
        const string root = """
            variable "cpus" {}

            module "web" {
              source = "./vm"
              name   = "web01"
              cpus   = var.cpus
            }
            """;
        var vm = Assert.Single(TerraformReaderTests.CollectFiles(new[] { ("r/main.tf", root), ("r/vm/main.tf", VmModule) }));
        Assert.Equal("web01", vm.Name.Value);
        Assert.False(vm.ProcessorCount.IsKnown);
    }

    [Fact]
    public void Modules_call_modules_by_relative_paths_and_a_cycle_is_not_followed()
    {
        const string root = """
            module "a" {
              source = "./a"
            }
            """;
        const string a = """
            module "b" {
              source = "../shared/b/"
              name   = "from-a"
            }
            """;
        // b calls a back: Terraform refuses the cycle; HvLint reads each module once on the way down.
        const string b = VmModule + """

            module "back" {
              source = "../../a"
            }
            """;
        var files = new[] { ("env\\prod\\main.tf", root), ("env\\prod\\a\\main.tf", a), ("env\\prod\\shared\\b\\main.tf", b) };
        var vm = Assert.Single(TerraformReaderTests.CollectFiles(files));
        Assert.Equal("from-a", vm.Name.Value);
        Assert.Equal(8, vm.ProcessorCount.Value);
    }

    [Fact]
    public void A_module_whose_callers_are_not_in_the_input_is_read_alone_with_its_defaults()
    {
        var vm = Assert.Single(TerraformReaderTests.CollectFiles(new[] { ("modules/vm/main.tf", VmModule) }));
        Assert.False(vm.Name.IsKnown);
        Assert.Equal(8, vm.ProcessorCount.Value);
    }

    [Fact]
    public void A_called_module_takes_no_variable_definitions_file_of_its_own_folder()
    {
        // Terraform loads terraform.tfvars only for the root module.
        var files = new[] { ("infra/main.tf", Root), ("infra/modules/vm/main.tf", VmModule), ("infra/modules/vm/terraform.tfvars", "cpus = 1\n"), ("infra/terraform.tfvars", "cpus = 64\n") };
        var vms = TerraformReaderTests.CollectFiles(files);
        Assert.Equal(new[] { "sql01:8", "web01:2" }, vms.Select(v => v.Name.Value + ":" + v.ProcessorCount.Value).OrderBy(n => n, StringComparer.Ordinal));
    }

    // A root module that calls a registry module and a Git module, as terraform init leaves it: the modules installed
    // under .terraform/modules, the app module calling a registry module and a local module of its own.
    private const string InstalledRoot = """
        module "sql" {
          source  = "contoso/vm/hyperv"
          version = "1.2.0"
          name    = "sql01"
        }

        module "app" {
          source = "git::https://git.example.com/infra/app.git?ref=v2"
          name   = "app01"
        }
        """;

    private const string AppModule = """
        variable "name" {}

        module "vm" {
          source  = "contoso/vm/hyperv"
          version = "1.2.0"
          name    = var.name
          cpus    = 6
        }

        module "extra" {
          source = "./modules/extra"
          name   = "${var.name}-x"
        }
        """;

    private const string Manifest = """
        {"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"sql","Source":"registry.terraform.io/contoso/vm/hyperv","Version":"1.2.0","Dir":".terraform/modules/sql"},{"Key":"app","Source":"git::https://git.example.com/infra/app.git?ref=v2","Dir":".terraform/modules/app"},{"Key":"app.vm","Source":"registry.terraform.io/contoso/vm/hyperv","Version":"1.2.0","Dir":".terraform/modules/app.vm"},{"Key":"app.extra","Source":"./modules/extra","Dir":".terraform/modules/app/modules/extra"}]}
        """;

    private static (string, string)[] Installed(bool withManifest, string root = InstalledRoot)
    {
        var files = new List<(string, string)>
        {
            ("infra/main.tf", root),
            ("infra/.terraform/modules/sql/main.tf", VmModule),
            ("infra/.terraform/modules/app/main.tf", AppModule),
            ("infra/.terraform/modules/app.vm/main.tf", VmModule),
            ("infra/.terraform/modules/app/modules/extra/main.tf", VmModule),
        };
        if (withManifest) files.Add(("infra/.terraform/modules/modules.json", Manifest));
        return files.ToArray();
    }

    [Fact]
    public void A_module_terraform_init_installed_is_read_through_its_call_by_the_manifest_and_reported_at_the_call()
    {
        var vms = TerraformReaderTests.CollectFiles(Installed(withManifest: true));
        // Each call's arguments, down the module addresses (app.vm, app.extra); no installed module read alone with its defaults.
        Assert.Equal(new[] { "app01-x:8", "app01:6", "sql01:8" }, vms.Select(v => v.Name.Value + ":" + v.ProcessorCount.Value).OrderBy(n => n, StringComparer.Ordinal));

        AuditResult result = RunFiles(Installed(withManifest: true), "hyperv-2008r2");
        Assert.Empty(result.Of("HV9001"));
        // Found where the configuration calls the module, not in the installed files, which are no file of the repository.
        Assert.Equal(
            new[] { "app01 infra/main.tf:8:12", "app01-x infra/main.tf:8:12", "sql01 infra/main.tf:2:13" },
            result.Of("HV1001").Select(VmAt).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void A_value_the_configuration_passes_to_an_installed_module_is_found_at_its_argument()
    {
        // The repository's call passes sql01's 32; app.vm's 6 is written inside the installed app module, no file of
        // the repository, so it is found at the call of app, as app01-x's default is.
        const string root = """
            module "sql" {
              source  = "contoso/vm/hyperv"
              version = "1.2.0"
              name    = "sql01"
              cpus    = 32
            }

            module "app" {
              source = "git::https://git.example.com/infra/app.git?ref=v2"
              name   = "app01"
            }
            """;
        AuditResult result = RunFiles(Installed(withManifest: true, root), "hyperv-2008r2");
        Assert.Equal(
            new[] { "app01 infra/main.tf:9:12", "app01-x infra/main.tf:9:12", "sql01 infra/main.tf:5:13" },
            result.Of("HV1001").Select(VmAt).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Without_the_manifest_a_registry_or_Git_call_is_not_followed()
    {
        // The installed files alone (named on the command line, say) are modules of their own, read with their defaults;
        // the root's calls give them nothing.
        var vms = TerraformReaderTests.CollectFiles(Installed(withManifest: false));
        Assert.DoesNotContain(vms, v => v.Name.IsKnown && v.Name.Value is "sql01" or "app01");
    }

    [Fact]
    public void A_manifest_record_without_a_Dir_or_recorded_twice_is_HV9001_and_its_call_is_not_followed()
    {
        const string manifest = """
            {
              "Modules": [
                { "Key": "sql" },
                { "Key": "app", "Dir": ".terraform/modules/app" },
                { "Key": "app", "Dir": ".terraform/modules/app2" }
              ]
            }
            """;
        var files = Installed(withManifest: false).Append(("infra/.terraform/modules/modules.json", manifest)).ToArray();
        AuditResult result = RunFiles(files, "hyperv-2008r2");
        Assert.Equal(
            new[] { "infra/.terraform/modules/modules.json:3:5", "infra/.terraform/modules/modules.json:5:14" },
            result.Of("HV9001").Select(f => f.Location.Path + ":" + f.Location.Line + ":" + f.Location.Column));
        Assert.Contains("recorded twice", result.Of("HV9001")[1].Message);
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains("'sql01'") || f.Message.Contains("'app01"));
    }
}
