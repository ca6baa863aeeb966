using HvLint.Engine;
using static HvLint.Tests.Audit;

namespace HvLint.Tests;

/// <summary>
/// Rules through `terraform show -json` of plans and states of the Hyper-V provider (taliesins/hyperv): each case
/// is a hyperv_machine_instance's values as the JSON output format carries them.
/// </summary>
public class TerraformReaderTests
{
    /// <summary>A plan whose root module has one hyperv_machine_instance with these values.</summary>
    private static string Plan(string values, string formatVersion = "1.2") =>
        "{\n  \"format_version\": \"" + formatVersion + "\",\n  \"terraform_version\": \"1.9.8\",\n  \"planned_values\": {\n    \"root_module\": {\n      \"resources\": [\n        { \"address\": \"hyperv_machine_instance.vm\", \"mode\": \"managed\", \"type\": \"hyperv_machine_instance\", \"name\": \"vm\",\n          \"provider_name\": \"registry.terraform.io/taliesins/hyperv\", \"schema_version\": 0,\n          \"values\": { \"name\": \"tf-vm\", " + values + " } }\n      ]\n    }\n  }\n}";

    private static AuditResult Audit(string json, string? profile = "hyperv-2016") => Run(json, profile);

    [Fact]
    public void A_plan_is_read_and_each_fact_is_where_the_plan_writes_it()
    {
        // Generation 2 with a legacy adapter; 8 vCPUs on hyperv-2008r2's 4.
        string json = Plan("\"generation\": 2,\n\"processor_count\": 8, \"network_adaptors\": [ { \"name\": \"lan\", \"switch_name\": \"LAN\", \"is_legacy\": true } ]");
        AuditResult result = Audit(json, "hyperv-2008r2");
        Finding legacy = Assert.Single(result.Of("HV3003"));
        Assert.Equal((10, 97), (legacy.Location.Line, legacy.Location.Column));
        Finding cpus = Assert.Single(result.Of("HV1001"));
        Assert.Equal((10, 20), (cpus.Location.Line, cpus.Location.Column));
        Assert.Equal(1, result.VirtualMachines);
    }

    public static TheoryData<string, string, int> Cases => new()
    {
        // Pass-through disk: any disk_number but the provider's 4294967295 for "none".
        { "\"generation\": 1, \"hard_disk_drives\": [ { \"controller_type\": \"Ide\", \"controller_number\": 0, \"controller_location\": 0, \"path\": \"\", \"disk_number\": 3 } ]", "HV2004", 1 },
        { "\"generation\": 1, \"hard_disk_drives\": [ { \"controller_type\": \"Ide\", \"controller_number\": 0, \"controller_location\": 0, \"path\": \"D:\\\\os.vhdx\", \"disk_number\": 4294967295 } ]", "HV2004", 0 },
        // A Generation 1 VM whose only disk is on SCSI; a DVD drive there is on IDE by the generation.
        { "\"generation\": 1, \"hard_disk_drives\": [ { \"controller_type\": \"Scsi\", \"controller_number\": 0, \"controller_location\": 0, \"path\": \"D:\\\\os.vhdx\" } ], \"dvd_drives\": [ { \"controller_number\": 1, \"controller_location\": 0, \"path\": \"\" } ]", "HV2002", 1 },
        { "\"generation\": 1, \"hard_disk_drives\": [ { \"controller_type\": \"Ide\", \"controller_number\": 0, \"controller_location\": 0, \"path\": \"D:\\\\os.vhdx\" } ]", "HV2002", 0 },
        // An empty switch_name is connected to nothing; management_os configures a host vNIC, not the VM's adapter.
        { "\"network_adaptors\": [ { \"name\": \"lan\", \"switch_name\": \"\" } ]", "HV3006", 1 },
        { "\"network_adaptors\": [ { \"name\": \"host\", \"switch_name\": \"\", \"management_os\": true } ]", "HV3006", 0 },
        // VLAN: vlan_id counts only with vlan_access.
        { "\"network_adaptors\": [ { \"name\": \"lan\", \"switch_name\": \"LAN\", \"vlan_access\": true, \"vlan_id\": 0 } ]", "HV3007", 1 },
        { "\"network_adaptors\": [ { \"name\": \"lan\", \"switch_name\": \"LAN\", \"vlan_access\": false, \"vlan_id\": 0 } ]", "HV3007", 0 },
        // Nested virtualization without MAC address spoofing.
        { "\"vm_processor\": [ { \"expose_virtualization_extensions\": true } ], \"network_adaptors\": [ { \"name\": \"lan\", \"switch_name\": \"LAN\", \"mac_address_spoofing\": \"Off\" } ]", "HV3008", 1 },
        { "\"vm_processor\": [ { \"expose_virtualization_extensions\": true } ], \"network_adaptors\": [ { \"name\": \"lan\", \"switch_name\": \"LAN\", \"mac_address_spoofing\": \"On\" } ]", "HV3008", 0 },
        // Integration services by their Get-VMIntegrationService names.
        { "\"integration_services\": { \"VSS\": false, \"Guest Service Interface\": false }", "HV6002", 1 },
        { "\"integration_services\": { \"Heartbeat\": false }", "HV4004", 1 },
        // Memory: the Dynamic Memory maximum counts only with dynamic_memory (or without static_memory).
        { "\"generation\": 1, \"dynamic_memory\": true, \"memory_startup_bytes\": 1073741824, \"memory_minimum_bytes\": 536870912, \"memory_maximum_bytes\": 2199023255552", "HV1003", 1 },
        { "\"generation\": 1, \"static_memory\": false, \"memory_startup_bytes\": 1073741824, \"memory_minimum_bytes\": 536870912, \"memory_maximum_bytes\": 2199023255552", "HV1003", 1 },
        { "\"generation\": 1, \"static_memory\": true, \"dynamic_memory\": false, \"memory_startup_bytes\": 1073741824, \"memory_maximum_bytes\": 2199023255552", "HV1003", 0 },
        // Standard checkpoints, and the Smart Paging file kept where a host's system drive would be is the host's call.
        { "\"checkpoint_type\": \"Standard\"", "HV6005", 1 },
        { "\"checkpoint_type\": \"Production\"", "HV6005", 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rules_fire_on_the_provider_s_attributes(string values, string rule, int expected) =>
        Assert.Equal(expected, Audit(Plan(values)).Of(rule).Length);

    [Fact]
    public void Firmware_values_the_provider_leaves_empty_are_unknown()
    {
        // "" is the provider's "leave it to Hyper-V": no Secure Boot fact, so nothing is said of it.
        string empty = Plan("\"generation\": 2, \"vm_firmware\": [ { \"enable_secure_boot\": \"\", \"secure_boot_template\": \"\" } ]");
        Assert.DoesNotContain(Audit(empty).Findings, f => f.RuleId is "HV7002" or "HV4006" or "HV9001");

        // Set, they are read (the template by name or by its ID).
        var vm = Collect(Plan("\"generation\": 2, \"vm_firmware\": [ { \"enable_secure_boot\": \"Off\", \"secure_boot_template_id\": \"272e7447-90a4-4563-a4b9-8e4ab00526ce\" } ]"));
        Assert.False(vm.SecureBootEnabled.Value);
        Assert.Equal("MicrosoftUEFICertificateAuthority", vm.SecureBootTemplate.Value);
    }

    [Fact]
    public void A_state_and_child_modules_are_read_and_data_sources_are_not()
    {
        const string state = """
            { "format_version": "1.0", "terraform_version": "1.9.8",
              "values": { "root_module": {
                "resources": [
                  { "address": "data.hyperv_machine_instance.existing", "mode": "data", "type": "hyperv_machine_instance", "name": "existing", "values": { "name": "old", "processor_count": 64 } }
                ],
                "child_modules": [
                  { "address": "module.lab", "resources": [
                      { "address": "module.lab.hyperv_machine_instance.vm", "mode": "managed", "type": "hyperv_machine_instance", "name": "vm", "values": { "name": "lab01", "generation": 1, "processor_count": 8 } },
                      { "address": "module.lab.hyperv_network_switch.lab", "mode": "managed", "type": "hyperv_network_switch", "name": "lab", "values": { "name": "Lab", "switch_type": "Internal" } }
                    ],
                    "child_modules": [ { "address": "module.lab.module.inner", "resources": [
                      { "address": "module.lab.module.inner.hyperv_machine_instance.vm", "mode": "managed", "type": "hyperv_machine_instance", "name": "vm", "values": { "name": "lab02", "generation": 1, "processor_count": 2 } } ] } ] }
                ] } } }
            """;
        AuditResult result = Audit(state, "hyperv-2008r2");
        Assert.Equal(2, result.VirtualMachines);
        Finding cpus = Assert.Single(result.Of("HV1001"));
        Assert.Contains("lab01", cpus.Message);
        Assert.Empty(result.Of("HV9001"));
    }

    [Fact]
    public void A_plan_of_other_providers_is_read_and_holds_no_VM()
    {
        const string aws = """{ "format_version": "1.2", "terraform_version": "1.9.8", "planned_values": { "root_module": { "resources": [ { "address": "aws_instance.web", "mode": "managed", "type": "aws_instance", "name": "web", "values": { "instance_type": "t3.micro" } } ] } } }""";
        AuditResult result = Audit(aws);
        Assert.Equal(1, result.FilesRead);
        Assert.Equal(0, result.VirtualMachines);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Bad_values_are_HV9001_at_their_position_and_the_rest_is_still_audited()
    {
        string json = Plan("\"generation\": 2,\n\"processor_count\": \"four\", \"network_adaptors\": [ { \"name\": \"lan\", \"switch_name\": \"LAN\", \"is_legacy\": true, \"mac_address_spoofing\": \"Maybe\" } ]");
        AuditResult result = Audit(json);
        Finding[] problems = result.Of("HV9001");
        Assert.Equal(2, problems.Length);
        Assert.Contains(problems, p => p.Location.Line == 10 && p.Location.Column == 20 && p.Message.Contains("'processor_count': expected a whole number, found \"four\""));
        Assert.Contains(problems, p => p.Message.Contains("'mac_address_spoofing': expected On or Off, found 'Maybe'"));
        Assert.Single(result.Of("HV3003"));

        // An unknown major version of the format is refused, at format_version; another input is still audited.
        AuditResult two = RunFiles(new[] { ("plan.json", Plan("\"generation\": 2, \"network_adaptors\": [ { \"name\": \"lan\", \"is_legacy\": true } ]", "2.0")), ("other.json", Vm("\"processorCount\": 8")) });
        Finding refused = Assert.Single(two.Of("HV9001"));
        Assert.Equal(("plan.json", 2, 21), (refused.Location.Path, refused.Location.Line, refused.Location.Column));
        Assert.Empty(two.Of("HV3003"));
        Assert.Single(two.Of("HV1001"));
    }

    /// <summary>A plan with an Internal switch and a VM on it (or on a switch the plan does not create), for these provider configurations.</summary>
    private static string WithSwitch(string vmSwitch, string providerConfig) => """
        { "format_version": "1.2", "terraform_version": "1.9.8",
          "planned_values": { "root_module": { "resources": [
            { "address": "hyperv_network_switch.lab", "mode": "managed", "type": "hyperv_network_switch", "name": "lab", "values": { "name": "Lab-Internal", "switch_type": "Internal", "allow_management_os": true } },
            { "address": "hyperv_machine_instance.lab", "mode": "managed", "type": "hyperv_machine_instance", "name": "lab", "values": { "name": "lab01", "network_adaptors": [ { "name": "lan", "switch_name": "
        """ + vmSwitch + """
        " } ] } } ] } },
          "configuration": { "provider_config": {
        """ + providerConfig + " } } }";

    private const string OneProvider = """ "hyperv": { "name": "hyperv", "full_name": "registry.terraform.io/taliesins/hyperv", "expressions": { "host": { "constant_value": "HV-TF-01" } } } """;

    [Fact]
    public void The_plan_s_switches_are_on_the_host_its_provider_names()
    {
        // A VM on an Internal switch the plan creates: HV7001, naming the provider's host.
        AuditResult result = Audit(WithSwitch("Lab-Internal", OneProvider));
        Finding internalSwitch = Assert.Single(result.Of("HV7001"));
        Assert.Contains("host 'HV-TF-01'", internalSwitch.Message);
        Assert.Equal(1, result.Hosts);

        // A switch the plan does not create may exist on the host already: nothing is said of it.
        Assert.Empty(Audit(WithSwitch("Existing", OneProvider)).Findings);

        // Two configurations of the provider (aliases for two hosts): which switch is where is unknown.
        string two = OneProvider + """, "hyperv.b": { "name": "hyperv", "alias": "b", "expressions": { "host": { "constant_value": "HV-TF-02" } } } """;
        AuditResult aliased = Audit(WithSwitch("Lab-Internal", two));
        Assert.Empty(aliased.Of("HV7001"));
        Assert.Equal(0, aliased.Hosts);

        // Unless the plan's configuration says which configuration each root module resource uses.
        string keyed = WithSwitch("Lab-Internal", two).Replace("\"configuration\": { \"provider_config\": {", """
            "configuration": { "root_module": { "resources": [
                { "address": "hyperv_network_switch.lab", "provider_config_key": "hyperv.b" },
                { "address": "hyperv_machine_instance.lab", "provider_config_key": "hyperv.b" } ] },
              "provider_config": {
            """);
        AuditResult placed = Audit(keyed);
        Assert.Contains("host 'HV-TF-02'", Assert.Single(placed.Of("HV7001")).Message);
        Assert.Equal(1, placed.Hosts);
    }

    [Fact]
    public void Provider_aliases_put_each_resource_on_the_host_of_the_configuration_it_uses()
    {
        const string tf = """
            provider "hyperv" {
              host = "HV-A"
            }
            provider "hyperv" {
              alias = "b"
              host  = "HV-B"
            }

            resource "hyperv_network_switch" "lab" {
              name        = "Lab-Internal"
              switch_type = "Internal"
            }

            resource "hyperv_machine_instance" "on_a" {
              name = "vm-a"
              network_adaptors {
                name        = "lan"
                switch_name = "Lab-Internal"
              }
            }

            resource "hyperv_machine_instance" "on_b" {
              provider = hyperv.b
              name     = "vm-b"
              network_adaptors {
                name        = "lan"
                switch_name = "Lab-Internal"
              }
            }

            module "web" {
              source    = "./web"
              providers = { hyperv = hyperv.b }
            }

            module "app" {
              source = "./web"
            }
            """;
        const string web = """
            resource "hyperv_machine_instance" "vm" {
              name = "web-${path.module}"
            }
            """;
        var consumer = new CollectingConsumer();
        CollectFiles(new[] { ("hv/main.tf", tf), ("hv/web/main.tf", web) }, consumer);
        var hosts = consumer.Hosts.ToDictionary(h => h.Name.Value, h => h.VirtualMachines.Items.Select(v => v.Name.IsKnown ? v.Name.Value : "(module)").OrderBy(n => n, StringComparer.Ordinal).ToArray());
        Assert.Equal(new[] { "(module)", "vm-a" }, hosts["HV-A"]);
        Assert.Equal(new[] { "(module)", "vm-b" }, hosts["HV-B"]);

        // The Internal switch is on HV-A, so only vm-a reaches HV-A's management OS through it.
        Finding internalSwitch = Assert.Single(RunFiles(new[] { ("hv/main.tf", tf) }, "hyperv-2016").Of("HV7001"));
        Assert.Contains("'vm-a'", internalSwitch.Message);
        Assert.Contains("host 'HV-A'", internalSwitch.Message);
    }

    [Theory]
    [InlineData("""{ "format_version": "1.2", "terraform_version": "1.9.8", "planned_values": [ 1, 2 ] }""")]
    [InlineData("""{ "format_version": "1.2", "terraform_version": "1.9.8", "planned_values": { "root_module": { "resources": { "type": "hyperv_machine_instance" }, "child_modules": [ "x", 3, null ] } } }""")]
    [InlineData("""{ "format_version": "1.2", "terraform_version": "1.9.8", "planned_values": { "root_module": { "resources": [ { "type": [ "hyperv_machine_instance" ], "values": {} }, { "type": "hyperv_machine_instance", "mode": 1, "values": {} } ] } } }""")]
    [InlineData("""{ "format_version": 1.2, "terraform_version": "1.9.8" }""")]
    public void A_document_of_another_shape_holds_no_VM_and_never_throws(string json)
    {
        AuditResult result = Audit(json);
        Assert.Equal(0, result.VirtualMachines);
        Assert.All(result.Findings, f => Assert.Equal("HV9001", f.RuleId));
    }

    [Fact]
    public void A_number_too_large_for_any_attribute_is_HV9001()
    {
        AuditResult result = Audit(Plan("\"generation\": 123456789012345678901234567890, \"processor_count\": 99999999999999999999"));
        Assert.Equal(2, result.Of("HV9001").Length);
        Assert.Equal(1, result.VirtualMachines);
    }

    [Theory]
    [InlineData("\"generation\": 2", "hyperv-2012r2")]
    [InlineData("\"generation\": 2, \"vm_firmware\": [ { \"secure_boot_template\": \"MicrosoftUEFICertificateAuthority\" } ]", "hyperv-2016")]
    [InlineData("\"generation\": 1", "hyperv-2008r2")]
    public void Generation_2_and_a_Secure_Boot_template_are_evidence_for_the_profile(string values, string inferred) =>
        Assert.Equal(inferred, Run(Plan(values)).Profile.Profile.Id);

    /// <summary>A configuration in Terraform's JSON syntax, as CDK for Terraform synthesizes it.</summary>
    private const string Configuration = """
        {
          "//": { "metadata": { "backend": "local", "stackName": "lab" } },
          "terraform": { "required_providers": { "hyperv": { "source": "taliesins/hyperv", "version": "1.2.1" } } },
          "provider": { "hyperv": [ { "host": "${var.host}", "user": "admin" } ] },
          "variable": { "host": { "type": "string", "default": "HV-LAB-01" }, "cpus": { "type": "number", "default": 8 } },
          "resource": {
            "hyperv_network_switch": { "lab": { "name": "Lab-Internal", "switch_type": "Internal", "allow_management_os": true } },
            "hyperv_machine_instance": {
              "web": { "count": 2, "name": "web-${count.index}", "generation": 1, "processor_count": "${var.cpus}",
                "network_adaptors": [ { "name": "lan", "switch_name": "${hyperv_network_switch.lab.name}", "dynamic_mac_address": false, "static_mac_address": "00155D0A1B09" } ] },
              "app": { "name": "app-$${literal}", "generation": 1, "processor_count": "${local.cpus}", "memory_startup_bytes": "${var.memory}" }
            }
          }
        }
        """;

    [Fact]
    public void A_configuration_in_JSON_syntax_is_read_with_its_literal_references()
    {
        AuditResult result = Audit(Configuration, "hyperv-2008r2");
        Assert.Equal(3, result.VirtualMachines);
        Assert.Empty(result.Of("HV9001"));

        // ${var.cpus} is the variable's default, found where the template is written.
        Finding[] cpus = result.Of("HV1001");
        Assert.Equal(2, cpus.Length);
        Assert.Contains(cpus, f => f.Message.Contains("'web-0'"));
        Assert.Contains(cpus, f => f.Message.Contains("'web-1'"));
        Assert.All(cpus, f => Assert.Equal((9, 94), (f.Location.Line, f.Location.Column)));

        // ${hyperv_network_switch.lab.name} is the switch's literal name, on the host ${var.host} names.
        Finding[] internalSwitch = result.Of("HV7001");
        Assert.Equal(2, internalSwitch.Length);
        Assert.All(internalSwitch, f => Assert.Contains("host 'HV-LAB-01'", f.Message));

        // count = 2 makes two VMs with the same static MAC address.
        Assert.Single(result.Of("HV3005"));

        // ${local.cpus} and an undeclared variable are unknown; $${ is a literal.
        Assert.DoesNotContain(cpus, f => f.Message.Contains("app-"));
        var vm = CollectAll(Configuration).Single(v => v.Name.Value.StartsWith("app", StringComparison.Ordinal));
        Assert.Equal("app-${literal}", vm.Name.Value);
        Assert.False(vm.ProcessorCount.IsKnown);
        Assert.False(vm.MemoryStartupBytes.IsKnown);
    }

    [Fact]
    public void A_folder_s_files_are_one_module_and_locals_are_read()
    {
        // Variables in one file, locals and resources in another, as Terraform reads a folder; another folder is
        // another module, whose variables these resources cannot see.
        const string variables = """{ "variable": { "cpus": { "default": 8 } }, "locals": [ { "vlan": 4095, "name": "${var.prefix}-x" } ] }""";
        const string main = """{ "resource": { "hyperv_machine_instance": { "vm": { "name": "vm1", "processor_count": "${var.cpus}", "network_adaptors": [ { "name": "lan", "switch_name": "LAN", "vlan_access": true, "vlan_id": "${local.vlan}" } ] } } } }""";
        const string other = """{ "resource": { "hyperv_machine_instance": { "vm": { "name": "vm2", "processor_count": "${var.cpus}" } } } }""";
        AuditResult result = RunFiles(new[] { ("infra/variables.tf.json", variables), ("infra/main.tf.json", main), ("other/main.tf.json", other) }, "hyperv-2008r2");
        Assert.Equal(2, result.VirtualMachines);
        Finding cpus = Assert.Single(result.Of("HV1001"));
        Assert.Equal("infra/main.tf.json", cpus.Location.Path);
        Assert.Contains("'vm1'", cpus.Message);
        Assert.Single(result.Of("HV3007"));
        Assert.Empty(result.Of("HV9001"));
    }

    [Theory]
    [InlineData("""{ "resource": { "hyperv_machine_instance": { "vm": { "name": "a", "processor_count": 8 } } } }""", 1, 1)]
    [InlineData("""{ "variable": { "cpus": { "default": 8 } } }""", 1, 0)]
    [InlineData("""{ "resource": { "hyperv_machine_instance": { "vm": { "name": "a", "processor_count": 8 } } }, "kind": "other" }""", 0, 0)]
    [InlineData("""{ "resources": [ { "type": "Microsoft.Compute/virtualMachines" } ] }""", 0, 0)]
    [InlineData("""{ "data": { "items": [] }, "output": 1 }""", 0, 0)]
    public void A_configuration_is_told_by_its_top_level_keys(string json, int filesRead, int vms)
    {
        AuditResult result = RunFiles(new[] { ("main.tf.json", json) }, "hyperv-2008r2");
        Assert.Equal(filesRead, result.FilesRead);
        Assert.Equal(vms, result.VirtualMachines);
        Assert.Equal(vms, result.Of("HV1001").Length);
    }

    private const string HclMain = """
        # Lab VMs.
        provider "hyperv" {
          host = var.hyperv_host
        }

        resource "hyperv_network_switch" "internal" {
          switch_type         = "Internal"
          name                = "Test-Internal"
        }

        locals { bad_vlan = 0 }

        resource "hyperv_machine_instance" "web" {
          count                = 2
          name                 = "web-${count.index}"
          generation           = 1
          processor_count      = var.cpus
          memory_startup_bytes = 4 * 1024 * 1024 * 1024
          integration_services = { VSS = false, "Heartbeat" = true }

          network_adaptors {
            name        = "lan"
            switch_name = hyperv_network_switch.internal.name
            vlan_access = true
            vlan_id     = local.bad_vlan
          }
          network_adaptors { name = "none"
            switch_name = "" }

          /* disks */
          hard_disk_drives {
            controller_type     = "Scsi"
            controller_number   = "0"
            controller_location = "0"
            path                = "D:/Hyper-V/web-${count.index}/os.vhd"
          }

          notes = <<-EOT
            Rebuilt nightly: "${var.image}".
            EOT
        }
        """;

    private const string HclVariables = """
        variable "hyperv_host" {
          default = "HV-LAB-01"
        }
        variable "cpus" {
          type    = number
          default = 8 // more than 2008 R2 allows
        }
        variable "image" {}
        """;

    [Fact]
    public void A_module_in_HCL_is_read_as_its_JSON_form_with_positions_in_the_tf_files()
    {
        AuditResult result = RunFiles(new[] { ("lab/main.tf", HclMain), ("lab/variables.tf", HclVariables) }, "hyperv-2008r2");
        Assert.Equal(2, result.VirtualMachines);
        Assert.Empty(result.Of("HV9001"));
        Assert.All(result.Of("HV1001"), f => Assert.Equal(("lab/main.tf", 17, 26), (f.Location.Path, f.Location.Line, f.Location.Column)));
        Assert.Equal(2, result.Of("HV1001").Length);
        Assert.All(result.Of("HV7001"), f => Assert.Contains("host 'HV-LAB-01'", f.Message));
        Assert.Equal(2, result.Of("HV7001").Length);
        Assert.Equal(2, result.Of("HV3007").Length); // local.bad_vlan, in a one-line block
        Assert.Equal(2, result.Of("HV3006").Length); // switch_name = "" in a one-line-opened block
        Assert.Equal(2, result.Of("HV2002").Length); // the only disk on SCSI
        Assert.Equal(2, result.Of("HV6002").Length); // VSS = false in an object with an unquoted key
        Assert.Contains(result.Findings, f => f.Message.Contains("'web-1'"));

        // Sizes written as arithmetic are evaluated.
        var vm = CollectAll(HclMain).First();
        Assert.Equal(4294967296L, vm.MemoryStartupBytes.Value);
        Assert.Equal(4, vm.IntegrationServices.Services.Count + 2);
    }

    [Theory]
    [InlineData("resource \"hyperv_machine_instance\" \"vm\" {\n  name = \"vm\n}\n", 2, 10, "unterminated string")]
    [InlineData("resource \"hyperv_machine_instance\" \"vm\" {\n  name = \"vm\"\n", 1, 41, "is not closed")]
    [InlineData("resource \"hyperv_machine_instance\" \"vm\" {\n  name = \"vm\" processor_count = 2\n}\n", 2, 15, "expected a new line before the argument 'processor_count'")]
    public void HCL_that_is_not_well_formed_is_HV9001_at_its_position(string tf, int line, int column, string says)
    {
        AuditResult result = RunFiles(new[] { ("bad/main.tf", tf), ("other.json", Vm("\"processorCount\": 8")) }, "hyperv-2008r2");
        Finding problem = Assert.Single(result.Of("HV9001"));
        Assert.Equal(("bad/main.tf", line, column), (problem.Location.Path, problem.Location.Line, problem.Location.Column));
        Assert.Contains(says, problem.Message);
        Assert.Single(result.Of("HV1001"));
    }

    [Fact]
    public void HCL_expressions_HvLint_does_not_evaluate_are_unknown_and_never_errors()
    {
        const string tf = """
            resource "hyperv_machine_instance" "vm" {
              name            = var.prefix != "" ? "${var.prefix}-vm" : "vm"
              processor_count = max(2, var.cpus)
              generation      = try(var.generation, 2)
              tags            = { for k, v in var.tags : k => upper(v) }
              list            = [for n in range(3) : n * 2]
              computed        = { (var.key) = "x" }
              network_adaptors { name = "lan" }
              dynamic "network_adaptors" {
                for_each = var.extra_networks
                content {
                  name        = network_adaptors.value
                  switch_name = network_adaptors.value
                }
              }
              dvd_drives {
                controller_number   = 1
                controller_location = 0
                path                = "$${literal}"
              }
            }
            """;
        AuditResult result = RunFiles(new[] { ("m/main.tf", tf) }, "hyperv-2016");
        Assert.Empty(result.Of("HV9001"));
        var vm = CollectAll(tf).Single();
        Assert.False(vm.Name.IsKnown);
        Assert.False(vm.ProcessorCount.IsKnown);
        Assert.False(vm.Generation.IsKnown);
        Assert.Equal("${literal}", vm.Drives.Items.Single().Path.Value);

        // A dynamic block adds adapters only evaluation knows: the list is unknown, not the one static adapter.
        Assert.False(vm.NetworkAdapters.IsKnown);
    }

    [Fact]
    public void HCL_cut_off_or_missing_a_character_anywhere_reads_without_an_exception()
    {
        // As an editor or a failed checkout leaves a file, cut short or with a character lost: each is well-formed HCL
        // or an HV9001, never a crash.
        for (int at = 0; at <= HclMain.Length; at++)
        {
            foreach (string text in new[] { HclMain.Substring(0, at), at < HclMain.Length ? HclMain.Remove(at, 1) : HclMain })
            {
                AuditResult result = RunFiles(new[] { ("cut/main.tf", text) }, "hyperv-2016");
                Assert.All(result.Findings.Where(f => f.RuleId.StartsWith("HV9", StringComparison.Ordinal)), f => Assert.Equal("HV9001", f.RuleId));
            }
        }
    }

    [Fact]
    public void For_each_over_a_literal_map_or_set_makes_one_VM_per_entry()
    {
        const string tf = """
            variable "vms" {
              default = {
                sql01 = { cpus = 8, memory_gb = 16 }
                app01 = {
                  cpus      = 2
                  memory_gb = 4
                }
              }
            }

            resource "hyperv_machine_instance" "vm" {
              for_each             = var.vms
              name                 = each.key
              processor_count      = each.value.cpus
              memory_startup_bytes = each.value.memory_gb * 1024 * 1024 * 1024
              notes                = "${each.key} (${each.value.cpus} vCPUs)"
            }

            resource "hyperv_machine_instance" "web" {
              for_each        = toset(["web01", "web02", "web01"])
              name            = "farm-${each.key}"
              processor_count = 8
            }

            resource "hyperv_machine_instance" "other" {
              for_each        = { for k, v in var.vms : k => v if v.cpus > 4 }
              name            = "x-${each.key}"
              processor_count = 8
            }
            """;
        var vms = CollectAll(tf).ToDictionary(v => v.Name.IsKnown ? v.Name.Value : "(unknown)");
        Assert.Equal(new[] { "app01", "farm-web01", "farm-web02", "sql01", "x-sql01" }, vms.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal((8L, 17179869184L, "sql01 (8 vCPUs)"), (vms["sql01"].ProcessorCount.Value, vms["sql01"].MemoryStartupBytes.Value, vms["sql01"].Notes.Value));
        Assert.Equal((2L, 4294967296L), (vms["app01"].ProcessorCount.Value, vms["app01"].MemoryStartupBytes.Value));

        // A for expression filters the map: only sql01 has more than 4 vCPUs.
        Assert.Equal(8L, vms["x-sql01"].ProcessorCount.Value);
        Assert.Equal(4, RunFiles(new[] { ("m/main.tf", tf) }, "hyperv-2008r2").Of("HV1001").Length);
    }

    [Fact]
    public void For_each_in_JSON_syntax()
    {
        const string json = """{ "resource": { "hyperv_machine_instance": { "vm": { "for_each": { "a": { "n": 8 }, "b": { "n": 2 } }, "name": "vm-${each.key}", "processor_count": "${each.value.n}" } } } }""";
        Finding cpus = Assert.Single(RunFiles(new[] { ("m/main.tf.json", json) }, "hyperv-2008r2").Of("HV1001"));
        Assert.Contains("'vm-a'", cpus.Message);
    }

    [Theory]
    [InlineData("4 * 1024 * 1024 * 1024", 4294967296L)]
    [InlineData("var.memory_gb * 1024 * 1024 * 1024", 8589934592L)]
    [InlineData("(local.base + 1) * 512 * 1024 * 1024 - 0", 1610612736L)]
    [InlineData("-(-2) * 3 % 4", 2L)]
    [InlineData("6 / 4", null)]
    [InlineData("9223372036854775807 * 2", null)]
    [InlineData("var.memory_gb * var.unknown", null)]
    [InlineData("6 / 4 * 2", 3L)]
    [InlineData("max(1, 2) * 1024", 2048L)]
    [InlineData("4 * 1024 +", null)]
    public void Whole_number_arithmetic_over_literals_and_literal_values_is_evaluated(string expression, long? expected)
    {
        string tf = "variable \"memory_gb\" {\n  default = 8\n}\nlocals {\n  base = 2\n}\nresource \"hyperv_machine_instance\" \"vm\" {\n  memory_startup_bytes = " + expression + "\n}\n";
        var vm = CollectAll(tf).Single();
        Assert.Equal(expected, vm.MemoryStartupBytes.IsKnown ? vm.MemoryStartupBytes.Value : null);
    }

    [Theory]
    [InlineData("# comment\n/* block */\nresource \"hyperv_machine_instance\" \"x\" {}", true)]
    [InlineData("terraform {\n}", true)]
    [InlineData("variable cpus {}", true)]
    [InlineData("resources: []", false)]
    [InlineData("hello world", false)]
    public void HCL_is_told_by_its_first_block(string head, bool terraform) =>
        Assert.Equal(terraform, HvLint.Readers.InputFormatDetector.Detect(head).Format == HvLint.Readers.InputFormat.Terraform);

    private static HvLint.Model.VirtualMachine Collect(string json) => Assert.Single(CollectAll(json));

    /// <summary>The VMs the Terraform reader (which also reads Packer templates) makes of one file.</summary>
    internal static List<HvLint.Model.VirtualMachine> CollectAll(string text, string path = "plan.json") => CollectFiles(new[] { (path, text) });

    /// <summary>The VMs the reader makes of several files (a folder's module, its variable files), read in the order given.</summary>
    internal static List<HvLint.Model.VirtualMachine> CollectFiles(IEnumerable<(string Path, string Text)> files, CollectingConsumer? consumer = null)
    {
        var reader = new HvLint.Readers.Terraform.TerraformReader();
        foreach (var (path, text) in files) reader.Read(path, new StringReader(text));
        consumer ??= new CollectingConsumer();
        reader.Complete(consumer);
        return consumer.Vms;
    }
}
