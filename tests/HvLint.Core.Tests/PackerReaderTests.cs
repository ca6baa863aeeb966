using HvLint.Engine;
using HvLint.Model;
using HvLint.Readers;
using static HvLint.Tests.Audit;

namespace HvLint.Tests;

/// <summary>
/// Packer templates of the Hyper-V builders (hashicorp/packer-plugin-hyperv): HCL sources, their JSON syntax and
/// legacy JSON builders, with the builders' defaults where a template leaves a setting out.
/// </summary>
public class PackerReaderTests
{
    /// <summary>A template with one hyperv-iso source "base" holding these settings.</summary>
    private static string Iso(string settings) => "source \"hyperv-iso\" \"base\" {\n" + settings + "\n}\n";

    private static AuditResult Audit(string hcl, string? profile = "hyperv-2016") => RunFiles(new[] { ("images/base.pkr.hcl", hcl) }, profile);

    private const string Windows2019 = "iso_url = \"D:/iso/en_windows_server_2019_x64_dvd_4cb967d8.iso\"\n";

    private const string Ubuntu = "iso_url = \"https://releases.ubuntu.com/22.04/ubuntu-22.04.4-live-server-amd64.iso\"\n";

    private const string Windows2003 = "iso_url = \"http://media/en_windows_server_2003_r2_standard_x86_with_sp2_cd1.iso\"\n";

    [Fact]
    public void A_source_that_says_little_gets_the_builder_s_defaults()
    {
        VirtualMachine vm = Collect(("t.pkr.hcl", Iso("iso_url = \"x.iso\"")));
        Assert.Equal("packer-base", vm.Name.Value);
        Assert.True(vm.IsTemplate.Value);
        Assert.Equal(1, vm.Generation.Value);
        Assert.Equal(1, vm.ProcessorCount.Value);
        Assert.Equal(1024L * 1024 * 1024, vm.MemoryStartupBytes.Value);
        Assert.False(vm.DynamicMemoryEnabled.Value);
        Assert.False(vm.GuestOperatingSystem.IsKnown); // "x.iso" names no product

        NetworkAdapter adapter = Assert.Single(vm.NetworkAdapters.Items);
        Assert.False(adapter.IsLegacy.Value);
        Assert.False(adapter.SwitchName.IsKnown); // Packer chooses or makes a switch at build time

        Drive disk = Assert.Single(vm.Drives.Items, d => d.IsHardDisk);
        Assert.Equal((ControllerType.Ide, 0, 0), (disk.ControllerType.Value, disk.ControllerNumber.Value, disk.ControllerLocation.Value));
        Assert.Equal((VirtualHardDiskFormat.Vhdx, VirtualHardDiskType.Dynamic, 40L * 1024 * 1024 * 1024), (disk.Format.Value, disk.VhdType.Value, disk.SizeBytes.Value));
        Assert.Single(vm.Drives.Items, d => d.Kind.Value == DriveKind.DvdDrive); // the installation ISO

        // The defaults are reported at the source block, which is where they would be written.
        Assert.Equal((1, 28), (vm.ProcessorCount.Location.Line, vm.ProcessorCount.Location.Column));
    }

    public static TheoryData<string, string, int> Cases => new()
    {
        // A legacy adapter on Generation 2 (the builder refuses it too).
        { "generation = 2\nuse_legacy_network_adapter = true", "HV3003", 1 },
        { "generation = 1\nuse_legacy_network_adapter = true", "HV3003", 0 },
        // Floppy files: a floppy disk on Generation 2 has no drive.
        { "generation = 2\nfloppy_files = [\"a/Autounattend.xml\"]", "HV2006", 1 },
        { "generation = 1\nfloppy_files = [\"a/Autounattend.xml\"]", "HV2006", 0 },
        // first_boot_device NET on Generation 1 boots the BIOS from a legacy adapter that must be there.
        { "first_boot_device = \"NET\"", "HV3002", 1 },
        { "first_boot_device = \"NET\"\nuse_legacy_network_adapter = true", "HV3002", 0 },
        { "first_boot_device = \"DVD\"", "HV3002", 0 },
        { "generation = 2\nfirst_boot_device = \"NET\"", "HV3002", 0 },
        // Secure Boot: off unless enabled, on the MicrosoftWindows template unless another is named.
        { "generation = 2\n" + Windows2019, "HV7002", 1 },
        { "generation = 2\nenable_secure_boot = true\n" + Windows2019, "HV7002", 0 },
        { "generation = 2\nenable_secure_boot = true\n" + Ubuntu, "HV4006", 1 },
        { "generation = 2\nenable_secure_boot = true\nsecure_boot_template = \"MicrosoftUEFICertificateAuthority\"\n" + Ubuntu, "HV4006", 0 },
        // Nested virtualization without MAC address spoofing (the builder warns of it too).
        { "enable_virtualization_extensions = true", "HV3008", 1 },
        { "enable_virtualization_extensions = true\nenable_mac_spoofing = true", "HV3008", 0 },
        // vlan_id is a string in the builder's schema.
        { "vlan_id = \"4095\"", "HV3007", 1 },
        { "vlan_id = \"20\"", "HV3007", 0 },
        // A Windows Server 2003 template with the builder's one vCPU, or two.
        { Windows2003, "HV4002", 1 },
        { "cpus = 2\n" + Windows2003, "HV4002", 0 },
        // A fixed VHD (Generation 1) of more than 2040 GB; a differencing disk on a .vhd given as iso_url.
        { "use_fixed_vhd_format = true\nskip_compaction = true\ndisk_size = 2097152", "HV2003", 1 },
        { "use_fixed_vhd_format = true\nskip_compaction = true\ndisk_size = 2088960", "HV2003", 0 },
        { "iso_url = \"D:/base/w2k8r2.vhd\"\ndifferencing_disk = true", "HV2008", 1 },
        { "iso_url = \"D:/base/w2k8r2.vhd\"", "HV2008", 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rules_fire_on_the_builder_s_settings(string settings, string rule, int expected) =>
        Assert.Equal(expected, Audit(Iso(settings)).Of(rule).Length);

    [Fact]
    public void Variables_and_locals_of_the_template_s_folder_are_resolved()
    {
        string variables = "variable \"cpus\" {\n  type    = number\n  default = 8\n}\nlocals {\n  switch = \"Build\"\n}\n";
        string template = Iso("vm_name = \"base-${var.cpus}\"\ncpus = var.cpus\nswitch_name = local.switch\nmemory = var.memory_gb * 1024");
        AuditResult result = RunFiles(new[] { ("img/variables.pkr.hcl", variables), ("img/base.pkr.hcl", template) }, "hyperv-2008r2");
        Finding cpus = Assert.Single(result.Of("HV1001"));
        Assert.Contains("'base-8'", cpus.Message);
        Assert.Equal(("img/base.pkr.hcl", 3, 8), (cpus.Location.Path, cpus.Location.Line, cpus.Location.Column));

        // memory refers to a variable the folder does not declare: unknown, never an error.
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "HV9001" or "HV1003" or "HV1006");
    }

    [Fact]
    public void A_template_in_JSON_syntax_is_read_as_its_HCL_would_be()
    {
        string json = """
            {
              "source": { "hyperv-iso": { "pxe": { "vm_name": "pxe01", "generation": 1, "first_boot_device": "NET" } } },
              "build": [ { "sources": ["source.hyperv-iso.pxe"] } ]
            }
            """;
        Finding pxe = Assert.Single(RunFiles(new[] { ("pxe.pkr.json", json) }, "hyperv-2016").Of("HV3002"));
        Assert.Equal((2, 98), (pxe.Location.Line, pxe.Location.Column));
    }

    [Fact]
    public void A_legacy_template_takes_its_user_variables_and_leaves_other_functions_unknown()
    {
        string json = """
            {
              "variables": { "cpus": "6", "legacy": "true", "switch": "{{env `SWITCH`}}" },
              "builders": [
                { "type": "hyperv-iso", "name": "one", "cpus": "{{user `cpus`}}", "generation": 2, "use_legacy_network_adapter": "{{user `legacy`}}",
                  "switch_name": "{{user `switch`}}", "vm_name": "img-{{user `cpus`}}-{{timestamp}}" },
                { "type": "virtualbox-iso", "cpus": 64 }
              ]
            }
            """;
        AuditResult result = RunFiles(new[] { ("packer.json", json) }, "hyperv-2008r2");
        Assert.Equal(1, result.VirtualMachines); // the VirtualBox builder is not Hyper-V's
        Finding cpus = Assert.Single(result.Of("HV1001"));
        Assert.Equal((4, 52), (cpus.Location.Line, cpus.Location.Column));
        Assert.Single(result.Of("HV3003"));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "HV9001");

        // The name mixes a function Packer evaluates at build time: unknown, so the build's name stands in.
        VirtualMachine vm = Collect(("packer.json", json));
        Assert.False(vm.Name.IsKnown);
        Assert.False(Assert.Single(vm.NetworkAdapters.Items).SwitchName.IsKnown);
    }

    [Fact]
    public void A_vmcx_clone_keeps_what_the_template_does_not_set()
    {
        // The clone's generation, adapters and drives are the source VM's: unknown. Its vCPUs are the builder's.
        VirtualMachine vm = Collect(("c.pkr.hcl", "source \"hyperv-vmcx\" \"clone\" {\n  clone_from_vm_name = \"golden\"\n  cpus = 8\n}\n"));
        Assert.False(vm.Generation.IsKnown);
        Assert.False(vm.NetworkAdapters.IsKnown);
        Assert.False(vm.Drives.IsKnown);
        Assert.False(vm.DynamicMemoryEnabled.IsKnown);
        Assert.Equal(8, vm.ProcessorCount.Value);
        Assert.Single(RunFiles(new[] { ("c.pkr.hcl", "source \"hyperv-vmcx\" \"clone\" {\n  cpus = 8\n}\n") }, "hyperv-2008r2").Of("HV1001"));
    }

    [Fact]
    public void A_setting_of_the_wrong_type_is_HV9001_where_it_is_written_and_the_rest_is_audited()
    {
        AuditResult result = RunFiles(new[] { ("t.pkr.hcl", Iso("cpus = \"many\"\ngeneration = 2\nuse_legacy_network_adapter = true")) }, "hyperv-2016");
        Finding bad = Assert.Single(result.Of("HV9001"));
        Assert.Equal((2, 8), (bad.Location.Line, bad.Location.Column));
        Assert.Contains("'cpus'", bad.Message);
        Assert.Single(result.Of("HV3003"));
    }

    [Theory]
    [InlineData("hyperv-2012r2", "generation = 2\nuse_fixed_vhd_format = false")]
    [InlineData("hyperv-2012", "generation = 1")]
    [InlineData("hyperv-2008r2", "use_fixed_vhd_format = true")]
    [InlineData("hyperv-2016", "generation = 2\nsecure_boot_template = \"MicrosoftUEFICertificateAuthority\"")]
    public void Generation_2_a_VHDX_disk_and_a_Secure_Boot_template_are_evidence_of_the_release(string profile, string settings) =>
        Assert.Equal(profile, Audit(Iso(settings), profile: null).Profile.Profile.Id);

    [Theory]
    [InlineData("source \"hyperv-iso\" \"w\" {", InputFormat.Packer)]
    [InlineData("# image\nbuild {\n", InputFormat.Packer)]
    [InlineData("packer {\n  required_version = \">= 1.9\"\n}", InputFormat.Packer)]
    [InlineData("{ \"builders\": [ { \"type\": \"hyperv-iso\" } ], \"_comment\": \"x\" }", InputFormat.Packer)]
    [InlineData("{ \"source\": { \"hyperv-iso\": {} }, \"variable\": {} }", InputFormat.Packer)]
    [InlineData("{ \"builders\": [], \"hosts\": [] }", InputFormat.Unknown)]
    [InlineData("{ \"variable\": { \"a\": {} } }", InputFormat.Terraform)]
    public void Packer_is_told_by_its_blocks_and_keys(string head, InputFormat format) =>
        Assert.Equal(format, InputFormatDetector.Detect(head).Format);

    private const string Sources = """
        source "hyperv-iso" "w2k3" {
          iso_url = "iso/en_windows_server_2003_r2_standard_x86.iso"
          memory  = 2048
        }

        source "hyperv-iso" "lab" {
          iso_url = "iso/en_windows_server_2003_r2_standard_x86.iso"
          cpus    = 2
        }

        source "hyperv-iso" "unused" {
          iso_url = "iso/en_windows_server_2003_r2_standard_x86.iso"
        }
        """;

    [Fact]
    public void A_build_level_source_block_fills_in_its_source_and_is_an_image_of_its_own()
    {
        // The w2k3 source leaves cpus out so that each build sets it: only the builds are images, never the bare source.
        const string builds = """
            build {
              source "source.hyperv-iso.w2k3" {
                name    = "w2k3-smp"
                vm_name = "w2k3-smp"
                cpus    = 2
              }
              source "hyperv-iso.w2k3" {
                name    = "w2k3-up"
                vm_name = "w2k3-up"
              }
              sources = ["source.hyperv-iso.lab"]
            }
            """;
        var files = new[] { ("img/sources.pkr.hcl", Sources), ("img/build.pkr.hcl", builds) };
        var vms = TerraformReaderTests.CollectFiles(files);
        Assert.Equal(new[] { "packer-lab", "packer-unused", "w2k3-smp", "w2k3-up" }, vms.Select(v => v.Name.Value).OrderBy(n => n, StringComparer.Ordinal));
        VirtualMachine smp = vms.Single(v => v.Name.Value == "w2k3-smp");
        Assert.Equal(2, smp.ProcessorCount.Value);
        Assert.Equal(2048L * 1024 * 1024, smp.MemoryStartupBytes.Value);
        // A field a build fills in is reported in the build's file, the source's own in the source's file.
        Assert.Equal(("img/build.pkr.hcl", 5, 15), (smp.ProcessorCount.Location.Path, smp.ProcessorCount.Location.Line, smp.ProcessorCount.Location.Column));
        Assert.Equal("img/sources.pkr.hcl", smp.MemoryStartupBytes.Location.Path);

        // The uniprocessor build and the unused source (audited as written) are HV4002; the SMP build and lab are not.
        AuditResult result = RunFiles(files, "hyperv-2008r2");
        Assert.Equal(new[] { "'packer-unused'", "'w2k3-up'" }, result.Of("HV4002").Select(f => f.Message.Split(' ')[1]).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Empty(result.Of("HV9001"));
    }

    [Fact]
    public void A_build_that_sets_a_field_its_source_sets_is_HV9001_as_Packer_refuses_it()
    {
        const string builds = """
            build {
              source "hyperv-iso.lab" {
                cpus = 8
              }
            }
            """;
        AuditResult result = RunFiles(new[] { ("img/sources.pkr.hcl", Sources), ("img/build.pkr.hcl", builds) }, "hyperv-2008r2");
        Finding twice = Assert.Single(result.Of("HV9001"));
        Assert.Equal(("img/build.pkr.hcl", 3, 12), (twice.Location.Path, twice.Location.Line, twice.Location.Column));
        Assert.Contains("'cpus' is set by source \"hyperv-iso\" \"lab\" already (img/sources.pkr.hcl(8,13))", twice.Message);
        // The build is still audited, with the source's value.
        Assert.Empty(result.Of("HV1001"));
        Assert.Equal(3, result.VirtualMachines);
    }

    [Fact]
    public void Builds_in_JSON_syntax_and_builds_of_other_builders()
    {
        const string json = """
            {
              "source": { "hyperv-iso": { "w2k3": { "iso_url": "iso/en_windows_server_2003_r2_standard_x86.iso" } } },
              "build": [ { "source": { "source.hyperv-iso.w2k3": { "name": "smp", "cpus": 2 }, "source.virtualbox-iso.w2k3": { "cpus": 1 } } } ]
            }
            """;
        VirtualMachine vm = Assert.Single(TerraformReaderTests.CollectFiles(new[] { ("img/template.pkr.json", json) }));
        Assert.Equal("packer-smp", vm.Name.Value);
        Assert.Equal(2, vm.ProcessorCount.Value);
    }

    private static VirtualMachine Collect((string Path, string Text) file) => Assert.Single(TerraformReaderTests.CollectAll(file.Text, file.Path));
}
