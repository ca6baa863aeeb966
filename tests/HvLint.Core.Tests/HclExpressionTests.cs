using HvLint.Engine;
using Newtonsoft.Json.Linq;
using static HvLint.Tests.Audit;

namespace HvLint.Tests;

/// <summary>
/// Expressions in Terraform configurations and Packer templates: what they evaluate to where everything they use
/// is known (HCL's operators and the functions VMs are sized with), and unknown, never a guess, otherwise.
/// </summary>
public class HclExpressionTests
{
    private const string Variables = """
        variable "env" {
          default = "prod"
        }
        variable "cpus" {
          default = 6
        }
        variable "size" {
          default = "large"
        }
        variable "sizes" {
          default = { small = 2, large = 8 }
        }
        variable "cpu_list" {
          default = [1, 2, 4]
        }
        variable "override" {
          default = null
        }
        variable "flag" {
          default = true
        }
        variable "unset" {}
        """;

    [Theory]
    [InlineData("var.env == \"prod\" ? 8 : 2", 8L)]
    [InlineData("var.env != \"prod\" ? 8 : 2", 2L)]
    [InlineData("var.unset == \"prod\" ? 8 : 2", null)] // the condition is unknown
    [InlineData("var.unset ? 4 : 4", 4L)] // but both ways give 4
    [InlineData("var.flag && var.cpus > 4 ? var.cpus : 4", 6L)]
    [InlineData("!var.flag || var.cpus <= 4 ? 1 : 2", 2L)]
    [InlineData("false && var.unset ? 1 : 3", 3L)]
    [InlineData("max(2, var.cpus)", 6L)]
    [InlineData("min(var.cpus, 4)", 4L)]
    [InlineData("max(var.cpu_list...)", 4L)]
    [InlineData("max(2, var.unset)", null)]
    [InlineData("lookup(var.sizes, var.size, 2)", 8L)]
    [InlineData("lookup(var.sizes, \"huge\", 2)", 2L)]
    [InlineData("lookup(var.sizes, \"huge\")", null)] // Terraform refuses a missing key without a default
    [InlineData("var.sizes[var.size]", 8L)]
    [InlineData("var.sizes.small", 2L)]
    [InlineData("var.sizes[\"huge\"]", null)]
    [InlineData("lookup({ small = 2, large = 16 }, \"large\", 1)", 16L)]
    [InlineData("var.cpu_list[2]", 4L)]
    [InlineData("var.cpu_list[3]", null)]
    [InlineData("element(var.cpu_list, 4)", 2L)] // element wraps around
    [InlineData("length(var.cpu_list) * 2", 6L)]
    [InlineData("coalesce(var.override, 4)", 4L)]
    [InlineData("coalesce(var.unset, 4)", null)]
    [InlineData("tonumber(\"6\") + 1", 7L)]
    [InlineData("\"2\" * 3", 6L)] // arithmetic converts a string of a number, as Terraform does
    [InlineData("2 == \"2\" ? 1 : 4", 4L)] // equality does not: values of two types are never equal
    [InlineData("abs(-3) + ceil(1.2) + floor(1.8)", 6L)]
    [InlineData("var.cpus / 4", null)] // 1.5 is no vCPU count: unknown, not rounded
    [InlineData("contains([\"prod\", \"dr\"], var.env) ? 8 : 2", 8L)]
    [InlineData("upper(var.env) == \"PROD\" ? 8 : 2", 8L)]
    [InlineData("format(\"%d\", 8)", null)] // a function HvLint does not evaluate
    [InlineData("[for c in var.cpu_list : c * 2][0]", 2L)]
    [InlineData("[for i, c in var.cpu_list : i + c][2]", 6L)]
    [InlineData("length([for c in var.cpu_list : c if c > 1])", 2L)]
    [InlineData("max([for c in var.cpu_list : c * 3]...)", 12L)]
    [InlineData("{ for k, v in var.sizes : k => v * 2 }[\"large\"]", 16L)]
    [InlineData("{ for c in var.cpu_list : \"all\" => c... }[\"all\"][2]", 4L)]
    [InlineData("{ for c in var.cpu_list : \"all\" => c }[\"all\"]", null)] // a key made twice without ... is refused
    [InlineData("[for c in var.unset : c][0]", null)]
    [InlineData("[for c in var.cpu_list : var.unset][0]", null)]
    [InlineData("var.cpu_list[*]", null)]
    [InlineData("try(var.unset, 4)", null)] // the first value is unknown, so whether it is refused is too
    [InlineData("try(var.sizes[\"huge\"], 3)", 3L)] // a missing key is refused: try takes the next
    [InlineData("try(var.sizes.large, 3)", 8L)]
    [InlineData("try(var.cpu_list[5], var.cpu_list[9])", null)] // every argument refused
    [InlineData("try(lookup(var.sizes, \"x\"), \"${var.env}\" == \"prod\" ? 6 : 5)", 6L)]
    [InlineData("can(var.sizes[\"huge\"]) ? 1 : 2", 2L)]
    [InlineData("can(var.sizes.large) ? 1 : 2", 1L)]
    [InlineData("try(var.cpu_list[*], 2)", null)] // what HvLint cannot read is not a refusal
    [InlineData("var.sizes.large +", null)]
    [InlineData("1 / 0", null)]
    public void An_expression_is_evaluated_where_everything_it_uses_is_known(string expression, long? cpus)
    {
        string main = "resource \"hyperv_machine_instance\" \"vm\" {\n  name            = \"vm1\"\n  processor_count = " + expression + "\n}\n";
        var vm = Assert.Single(Read(("m/main.tf", main), ("m/variables.tf", Variables)));
        Assert.Equal(cpus, vm.ProcessorCount.IsKnown ? vm.ProcessorCount.Value : null);
    }

    [Fact]
    public void Locals_written_as_expressions_are_evaluated_in_any_order()
    {
        const string main = """
            locals {
              web_cpus = local.base_cpus * 2
              base_cpus = var.env == "prod" ? 4 : 1
              name      = "${var.env}-web"
              unknown   = var.unset * 2
            }

            resource "hyperv_machine_instance" "vm" {
              name            = var.env != "" ? "${local.name}01" : "web01"
              processor_count = local.web_cpus
              memory_startup_bytes = local.unknown
            }
            """;
        var vm = Assert.Single(Read(("m/main.tf", main), ("m/variables.tf", Variables)));
        Assert.Equal(8, vm.ProcessorCount.Value);
        Assert.Equal("prod-web01", vm.Name.Value);
        Assert.False(vm.MemoryStartupBytes.IsKnown);
    }

    [Fact]
    public void A_count_or_for_each_that_an_expression_gives_makes_that_many_VMs()
    {
        const string main = """
            variable "create" {
              default = false
            }
            variable "names" {
              default = ["a", "b", "c"]
            }
            variable "prod_vms" {
              default = { sql = 8, web = 4 }
            }

            resource "hyperv_machine_instance" "optional" {
              count = var.create ? 1 : 0
              name  = "optional"
            }

            resource "hyperv_machine_instance" "named" {
              count = length(var.names)
              name  = "vm-${var.names[count.index]}"
            }

            resource "hyperv_machine_instance" "per_env" {
              for_each        = var.create ? {} : var.prod_vms
              name            = each.key
              processor_count = each.value
            }
            """;
        var vms = Read(("m/main.tf", main));
        Assert.Equal(new[] { "sql", "vm-a", "vm-b", "vm-c", "web" }, vms.Select(v => v.Name.Value).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(8, vms.Single(v => v.Name.Value == "sql").ProcessorCount.Value);
    }

    [Fact]
    public void For_each_over_a_for_expression_that_keys_a_list_of_objects_makes_one_VM_per_object()
    {
        // The usual way to give for_each a list: turn it into a map by a unique attribute.
        const string main = """
            variable "vms" {
              default = [
                { name = "web01", cpus = 2, enabled = true },
                { name = "sql01", cpus = 8, enabled = true },
                { name = "old01", cpus = 1, enabled = false },
              ]
            }

            resource "hyperv_machine_instance" "vm" {
              for_each        = { for vm in var.vms : vm.name => vm if vm.enabled }
              name            = each.key
              generation      = 1
              processor_count = each.value.cpus
            }
            """;
        var vms = Read(("m/main.tf", main));
        Assert.Equal(new[] { "sql01:8", "web01:2" }, vms.Select(v => v.Name.Value + ":" + v.ProcessorCount.Value).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Contains("'sql01'", Assert.Single(RunFiles(new[] { ("m/main.tf", main) }, "hyperv-2008r2").Of("HV1001")).Message);
    }

    [Fact]
    public void Expressions_in_JSON_syntax_and_in_Packer_templates_are_evaluated_the_same_way()
    {
        const string json = """{ "variable": { "env": { "default": "prod" } }, "resource": { "hyperv_machine_instance": { "vm": { "name": "vm1", "processor_count": "${var.env == \"prod\" ? 8 : 2}" } } } }""";
        Assert.Equal(8, Assert.Single(Read(("j/main.tf.json", json))).ProcessorCount.Value);

        const string packer = """
            variable "smp" {
              default = false
            }
            source "hyperv-iso" "w2k3" {
              vm_name = "w2k3-base"
              iso_url = "iso/en_windows_server_2003_r2_standard_x86.iso"
              cpus    = var.smp ? 2 : 1
            }
            """;
        AuditResult result = RunFiles(new[] { ("p/w2k3.pkr.hcl", packer) }, "hyperv-2008r2");
        Finding up = Assert.Single(result.Of("HV4002"));
        Assert.Equal(("p/w2k3.pkr.hcl", 7, 13), (up.Location.Path, up.Location.Line, up.Location.Column));
    }

    [Fact]
    public void A_list_an_expression_gives_is_read_as_the_list_and_found_where_the_expression_is()
    {
        const string template = """
            variable "iso_name" {
              default = "en_windows_server_2003_r2_standard_x86.iso"
            }
            locals {
              iso_urls = ["iso/${var.iso_name}", "https://media.example/${var.iso_name}"]
            }
            source "hyperv-iso" "w2k3" {
              vm_name  = "w2k3-base"
              iso_urls = local.iso_urls
            }
            """;
        var vm = Assert.Single(Read(("p/w2k3.pkr.hcl", template)));
        Assert.True(vm.GuestOperatingSystem.IsKnown);
        Assert.Equal(("p/w2k3.pkr.hcl", 9, 14), (vm.GuestOperatingSystem.Location.Path, vm.GuestOperatingSystem.Location.Line, vm.GuestOperatingSystem.Location.Column));
        Assert.Single(RunFiles(new[] { ("p/w2k3.pkr.hcl", template) }, "hyperv-2008r2").Of("HV4002"));
    }

    [Fact]
    public void A_dynamic_block_over_a_known_collection_makes_its_blocks_after_the_written_ones()
    {
        const string main = """
            variable "nics" {
              default = [
                { name = "lan", switch = "LAN", legacy = false },
                { name = "pxe", switch = "Deploy", legacy = true },
              ]
            }
            variable "disks" {
              default = { data = 1, logs = 2 }
            }

            resource "hyperv_machine_instance" "vm" {
              name       = "gen2-vm"
              generation = 2

              network_adaptors {
                name        = "mgmt"
                switch_name = "Management"
              }
              dynamic "network_adaptors" {
                for_each = var.nics
                iterator = nic
                content {
                  name        = nic.value.name
                  switch_name = nic.value.switch
                  is_legacy   = nic.value.legacy
                }
              }
              dynamic "hard_disk_drives" {
                for_each = var.disks
                content {
                  controller_type     = "Scsi"
                  controller_number   = 0
                  controller_location = hard_disk_drives.value
                  path                = "D:/VMs/gen2-vm/${hard_disk_drives.key}.vhdx"
                }
              }
            }
            """;
        var vm = Assert.Single(Read(("m/main.tf", main)));
        Assert.Equal(new[] { "mgmt", "lan", "pxe" }, vm.NetworkAdapters.Items.Select(a => a.Name.Value));
        Assert.Equal(new[] { "D:/VMs/gen2-vm/data.vhdx", "D:/VMs/gen2-vm/logs.vhdx" }, vm.Drives.Items.Select(d => d.Path.Value));

        // A legacy adapter on Generation 2 (HV3003), found in the dynamic block's content.
        Finding legacy = Assert.Single(RunFiles(new[] { ("m/main.tf", main) }, "hyperv-2016").Of("HV3003"));
        Assert.Contains("'pxe'", legacy.Message);
        Assert.Equal("m/main.tf", legacy.Location.Path);
        Assert.InRange(legacy.Location.Line, 23, 28);

        // Over something unknown, the adapters stay unknown, the written ones included.
        var unknown = Assert.Single(Read(("m/main.tf", main.Replace("for_each = var.nics", "for_each = var.unset"))));
        Assert.False(unknown.NetworkAdapters.IsKnown);
        Assert.Equal(2, unknown.Drives.Items.Count());
    }

    [Fact]
    public void An_object_attribute_left_out_takes_its_optional_default_from_the_variable_s_type()
    {
        // Terraform 1.3's optional(): each VM says only what differs from the module's defaults.
        const string main = """
            variable "vms" {
              type = map(object({
                cpus   = optional(number, 2)
                memory = optional(number, 4096)
                legacy = optional(bool)
                switch = string
              }))
              default = {
                web01 = { switch = "LAN" }
                sql01 = { switch = "LAN", cpus = "8", memory = 16384 }
              }
            }

            resource "hyperv_machine_instance" "vm" {
              for_each             = var.vms
              name                 = each.key
              processor_count      = each.value.cpus
              memory_startup_bytes = each.value.memory * 1024 * 1024
              network_adaptors {
                name        = "lan"
                switch_name = each.value.switch
                is_legacy   = try(each.value.legacy, false)
              }
            }
            """;
        var vms = Read(("m/main.tf", main)).ToDictionary(v => v.Name.Value);
        Assert.Equal((2L, 4096L * 1024 * 1024), (vms["web01"].ProcessorCount.Value, vms["web01"].MemoryStartupBytes.Value));
        Assert.Equal((8L, 16384L * 1024 * 1024), (vms["sql01"].ProcessorCount.Value, vms["sql01"].MemoryStartupBytes.Value));
        // legacy is null, not missing: try does not fall back, and is_legacy = null is left to the provider.
        Assert.False(vms["web01"].NetworkAdapters.Items.Single().IsLegacy.IsKnown);

        // A value without a required attribute is refused by Terraform: the variable is unknown.
        var refused = Read(("m/main.tf", main.Replace("web01 = { switch = \"LAN\" }", "web01 = { cpus = 4 }")));
        Assert.Single(refused);
        Assert.False(refused.Single().Name.IsKnown);
    }

    [Fact]
    public void A_local_or_default_that_escapes_a_template_is_the_escaped_text()
    {
        // "$${" is a literal "${" wherever HCL reads a string: in a local and a default as in a resource's argument.
        const string main = """
            variable "notes" {
              default = "built by $${packer}"
            }
            locals {
              name = "web-$${x}"
            }
            resource "hyperv_machine_instance" "vm" {
              name  = local.name
              notes = var.notes
            }
            """;
        var vm = Assert.Single(Read(("m/main.tf", main)));
        Assert.Equal("web-${x}", vm.Name.Value);
        Assert.Equal("built by ${packer}", vm.Notes.Value);
    }

    [Fact]
    public void A_finding_on_an_evaluated_value_is_where_the_expression_is_written()
    {
        string main = "resource \"hyperv_machine_instance\" \"vm\" {\n  name            = \"vm1\"\n  processor_count = var.env == \"prod\" ? 8 : 2\n}\n";
        Finding cpus = Assert.Single(RunFiles(new[] { ("m/main.tf", main), ("m/variables.tf", Variables) }, "hyperv-2008r2").Of("HV1001"));
        Assert.Equal(("m/main.tf", 3, 21), (cpus.Location.Path, cpus.Location.Line, cpus.Location.Column));
        Assert.Contains("8 virtual processors", cpus.Message);
    }

    private static List<HvLint.Model.VirtualMachine> Read(params (string Path, string Text)[] files) => TerraformReaderTests.CollectFiles(files);
}

/// <summary>The evaluator on text no configuration would hold: unknown at worst, never an exception.</summary>
public class HclExpressionRobustnessTests
{
    private static readonly string[] Pieces =
    {
        "var.a", "var.m", "var.l", "local.x", "1", "0", "-", "+", "*", "/", "%", "==", "!=", "<", ">=", "&&", "||", "!", "?", ":",
        "(", ")", "[", "]", "{", "}", ",", ".", "...", "\"s\"", "\"${var.a}\"", "max(", "lookup(", "element(", "length(",
        "coalesce(", "toset(", "for", "in", "if", "=>", "[for x in var.l : x]", "{for k, v in var.m : k => v...}", "try(", "can(", "=", "1e400", "99999999999999999999999999999999", "2.5", "true", "null", "*]",
    };

    [Fact]
    public void Nesting_deeper_than_any_configuration_is_HV9001_or_unknown_never_a_stack_overflow()
    {
        string brackets = "resource \"hyperv_machine_instance\" \"vm\" {\n  name = \"a\"\n  tags = " + new string('[', 50000) + new string(']', 50000) + "\n}\n";
        Finding deep = Assert.Single(RunFiles(new[] { ("m/main.tf", brackets) }).Of("HV9001"));
        Assert.Contains("nested more than 100 levels deep", deep.Message);

        string operators = "resource \"hyperv_machine_instance\" \"vm\" {\n  name = \"a\"\n  processor_count = " + new string('-', 50000) + "2\n"
            + "  memory_startup_bytes = \"${" + new string('(', 5000) + "1" + new string(')', 5000) + "}\"\n}\n";
        AuditResult result = RunFiles(new[] { ("m/main.tf", operators) });
        Assert.Empty(result.Of("HV9001"));
        Assert.Equal(1, result.VirtualMachines);
        var vm = Assert.Single(TerraformReaderTests.CollectAll(operators, "m/main.tf"));
        Assert.Equal(2, vm.ProcessorCount.Value); // an even number of minus signs
        Assert.False(vm.MemoryStartupBytes.IsKnown);
    }

    [Fact]
    public void Any_sequence_of_pieces_evaluates_without_an_exception()
    {
        var values = new Dictionary<string, JToken>
        {
            ["var.a"] = new JValue(3L),
            ["var.m"] = JObject.Parse("""{ "k": 1, "big": 1e300 }"""),
            ["var.l"] = JArray.Parse("[1, 2, 99999999999999999999999999999]"),
            ["local.x"] = new JValue("1.5"),
        };
        var random = new Random(20261128);
        for (int n = 0; n < 20000; n++)
        {
            string text = string.Join(" ", Enumerable.Range(0, random.Next(1, 9)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            HvLint.Readers.Terraform.HclExpression.Evaluate(text, name => values.TryGetValue(name, out JToken? v) ? v : null, t => new JValue(t));
            HvLint.Readers.Terraform.HclExpression.Interpolate("x-${" + text + "}-y", e => HvLint.Readers.Terraform.HclExpression.Evaluate(e, name => values.TryGetValue(name, out JToken? v) ? v : null, t => new JValue(t)));
        }
    }

    [Fact]
    public void Any_cut_of_a_type_constraint_parses_and_converts_without_an_exception()
    {
        const string type = "map(object({ cpus = optional(number, 2), tags = optional(list(string), [\"a\", \"b,c\"]), nic = optional(object({ legacy = optional(bool, false) }), {}), pair = tuple([string, set(number)]), x = optional(any) }))";
        var values = new JToken[] { JToken.Parse("{ \"a\": { \"cpus\": \"4\", \"pair\": [\"x\", [1, 2]] } }"), JToken.Parse("{ \"a\": { \"pair\": [1] } }"), JToken.Parse("[1, 2]"), new JValue("s"), JValue.CreateNull() };
        for (int length = 0; length <= type.Length; length++)
        {
            foreach (string text in new[] { type.Substring(0, length), length < type.Length ? type.Remove(length, 1) : type })
            {
                var parsed = HvLint.Readers.Terraform.HclType.Parse(text);
                foreach (JToken value in values) parsed?.Convert(value.DeepClone());
            }
        }

        var whole = HvLint.Readers.Terraform.HclType.Parse(type)!;
        JToken converted = whole.Convert(values[0])!;
        Assert.Equal(4L, (long)converted["a"]!["cpus"]!);
        Assert.Equal(new[] { "a", "b,c" }, converted["a"]!["tags"]!.Select(t => (string)t!));
        Assert.False((bool)converted["a"]!["nic"]!["legacy"]!);
        Assert.Null(whole.Convert(values[1]));
    }
}
