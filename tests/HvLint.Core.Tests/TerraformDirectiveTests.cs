using HvLint.Engine;
using static HvLint.Tests.Audit;

namespace HvLint.Tests;

/// <summary>
/// `# hvlint-disable HV1001: reason` in a Terraform configuration or Packer template: a comment in a block that makes
/// VMs (a resource, a module call, a Packer source), or just before it, disables those rules for the block's VMs.
/// </summary>
public class TerraformDirectiveTests
{
    private const string VmModule = TerraformModuleTests.TypedVmModule;

    // Before a module call (#), inside one (/* */, two rules), at the end of a resource's line (//), and a resource
    // whose comment says nothing of HvLint.
    private const string Root = """
        # hvlint-disable HV1005: these hosts are being upgraded to 2012 R2 before the VMs go live
        module "web" {
          source = "./modules/vm"
          name   = "web01"
          cpus   = 16
        }

        module "gw" {
          source = "./modules/vm"
          name   = "gw01"
          /* hvlint-disable HV3003, HV1001: the appliance's image needs the DEC adapter */
          nic    = { switch = "DMZ", legacy = true }
          cpus   = 8
        }

        resource "hyperv_machine_instance" "db" {
          name       = "db01"
          generation = 1
          processor_count = 8 // hvlint-disable HV1001: tested on the lab host
        }

        resource "hyperv_machine_instance" "files" { # an ordinary comment
          name            = "files01"
          processor_count = 12
        }
        """;

    private static string Found(Finding f) => f.Descriptor.Id + " " + f.Message.Split('\'')[1];

    private static string Why(Finding f) => Found(f) + " at " + f.Suppression!.Location.Line + ":" + f.Suppression.Location.Column + ": " + f.Suppression.Reason;

    [Fact]
    public void A_comment_in_or_just_before_a_block_disables_its_rules_for_the_block_s_VMs()
    {
        AuditResult result = RunFiles(new[] { ("infra/main.tf", Root), ("infra/modules/vm/main.tf", VmModule) }, "hyperv-2008r2");
        Assert.Equal(
            new[] { "HV1001 files01", "HV1001 web01", "HV1005 gw01" },
            result.Findings.Select(Found).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(
            new[]
            {
                "HV1001 db01 at 19:23: tested on the lab host",
                "HV1001 gw01 at 11:3: the appliance's image needs the DEC adapter",
                "HV1005 web01 at 1:1: these hosts are being upgraded to 2012 R2 before the VMs go live",
                "HV3003 gw01 at 11:3: the appliance's image needs the DEC adapter",
            },
            result.Suppressed.Select(Why).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(result.Suppressed, f => Assert.Equal(SuppressionKind.InSource, f.Suppression!.Kind));
    }

    [Fact]
    public void A_comment_before_another_block_or_after_a_block_s_closing_brace_is_not_the_next_block_s()
    {
        const string root = """
            # hvlint-disable HV1001: written before the locals, not before the VM
            locals {
              cpus = 8
            }

            resource "hyperv_machine_instance" "a" {
              name            = "a01"
              processor_count = local.cpus
            } # hvlint-disable HV1001: a remark on a01, which the line of its closing brace is

            resource "hyperv_machine_instance" "b" {
              name            = "b01"
              processor_count = 8
            }
            """;
        AuditResult result = RunFiles(new[] { ("infra/main.tf", root) }, "hyperv-2008r2");
        Assert.Equal(new[] { "HV1001 a01", "HV1001 b01" }, result.Findings.Select(Found).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public void In_JSON_syntax_the_directive_is_the_block_s_comment_property()
    {
        const string root = """
            {
              "resource": {
                "hyperv_machine_instance": {
                  "a": { "//": "hvlint-disable HV1001: tested on the lab host", "name": "a01", "processor_count": 8 },
                  "b": { "//": "the build agents", "name": "b01", "processor_count": 8 }
                }
              }
            }
            """;
        AuditResult result = RunFiles(new[] { ("infra/main.tf.json", root) }, "hyperv-2008r2");
        Assert.Equal(new[] { "HV1001 b01" }, result.Findings.Select(Found));
        Assert.Equal(new[] { "HV1001 a01 at 4:20: tested on the lab host" }, result.Suppressed.Select(Why));
    }

    [Fact]
    public void A_call_s_directive_holds_in_an_installed_module_whose_own_directives_are_its_author_s()
    {
        const string root = """
            module "sql" {
              # hvlint-disable HV1005: the cluster moves to 2012 R2 first
              source  = "contoso/vm/hyperv"
              version = "1.2.0"
              name    = "sql01"
            }

            module "web" {
              source  = "contoso/vm/hyperv"
              version = "1.2.0"
              name    = "web01"
            }
            """;
        // The module's author disables HV1005 for the module's VMs: not the repository's to decide.
        string installed = VmModule.Replace("resource \"hyperv_machine_instance\"", "# hvlint-disable HV1005: the author's own\nresource \"hyperv_machine_instance\"", StringComparison.Ordinal);
        Assert.Contains("HV1005: the author's own\nresource", installed);
        const string manifest = """
            {"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"sql","Source":"registry.terraform.io/contoso/vm/hyperv","Version":"1.2.0","Dir":".terraform/modules/sql"},{"Key":"web","Source":"registry.terraform.io/contoso/vm/hyperv","Version":"1.2.0","Dir":".terraform/modules/web"}]}
            """;
        AuditResult result = RunFiles(new[] { ("infra/main.tf", root), ("infra/.terraform/modules/sql/main.tf", installed), ("infra/.terraform/modules/web/main.tf", installed), ("infra/.terraform/modules/modules.json", manifest) }, "hyperv-2008r2");
        Assert.Equal(new[] { "HV1005 web01" }, result.Findings.Select(Found));
        Assert.Equal(new[] { "HV1005 sql01 at 2:3: the cluster moves to 2012 R2 first" }, result.Suppressed.Select(Why));
    }

    [Fact]
    public void A_comment_in_a_Packer_source_block_disables_its_rules_for_the_image()
    {
        const string template = """
            source "hyperv-iso" "w2k3" {
              // hvlint-disable HV4002: the image is sysprepped to two processors at first boot
              iso_url = "http://media/en_windows_server_2003_r2_standard_x86_with_sp2_cd1.iso"
              cpus    = 1
            }

            source "hyperv-iso" "xp" {
              iso_url = "http://media/en_windows_server_2003_r2_enterprise_x86_cd1.iso"
              cpus    = 1
            }

            build {
              sources = ["source.hyperv-iso.w2k3", "source.hyperv-iso.xp"]
            }
            """;
        AuditResult result = RunFiles(new[] { ("images/w2k3.pkr.hcl", template) }, "hyperv-2008r2");
        Assert.Equal(new[] { "HV4002 packer-xp" }, result.Of("HV4002").Select(Found));
        Assert.Equal(new[] { "HV4002 packer-w2k3 at 2:3: the image is sysprepped to two processors at first boot" }, result.Suppressed.Select(Why));
    }

    [Fact]
    public void A_next_line_comment_disables_its_rules_on_the_statement_after_it_only()
    {
        // A module call's argument (not the argument after it), a block the comment is just before, an argument over
        // three lines past a blank line and a comment, nothing after the comment but the closing brace, and a nested
        // block whose finding is on a line of its own.
        const string root = """
            module "web" {
              source = "./modules/vm"
              name   = "web01"
              # hvlint-disable-next-line HV1001: the lab host runs 2016, which allows 240
              cpus   = 96
              nic    = { switch = "DMZ", legacy = true }
            }

            # hvlint-disable-next-line HV1001: the whole block: before it
            resource "hyperv_machine_instance" "db" {
              name            = "db01"
              processor_count = 8
            }

            resource "hyperv_machine_instance" "files" {
              name = "files01"
              // hvlint-disable-next-line HV1001: the argument after the blank line and comment

              # another comment
              processor_count = (
                12
              )
              generation = 1
            }

            resource "hyperv_machine_instance" "tail" {
              name            = "tail01"
              processor_count = 9
              # hvlint-disable-next-line HV1001: nothing after it
            }

            resource "hyperv_machine_instance" "pos" {
              name       = "pos01"
              generation = 2
              # hvlint-disable-next-line HV3003: the point-of-sale image needs the DEC adapter
              network_adaptors {
                name      = "lan"
                is_legacy = true
              }
            }
            """;
        AuditResult result = RunFiles(new[] { ("infra/main.tf", root), ("infra/modules/vm/main.tf", VmModule) }, "hyperv-2008r2");
        Assert.Equal(new[] { "HV1001 tail01", "HV1005 pos01", "HV1005 web01", "HV3003 web01" }, result.Findings.Select(Found).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(
            new[]
            {
                "HV1001 db01 at 9:1: the whole block: before it",
                "HV1001 files01 at 17:3: the argument after the blank line and comment",
                "HV1001 web01 at 4:3: the lab host runs 2016, which allows 240",
                "HV3003 pos01 at 35:3: the point-of-sale image needs the DEC adapter",
            },
            result.Suppressed.Select(Why).OrderBy(n => n, StringComparer.Ordinal));
    }
}
