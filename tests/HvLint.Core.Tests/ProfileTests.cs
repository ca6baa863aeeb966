using HvLint.Profiles;
using static HvLint.Tests.Audit;

namespace HvLint.Tests;

public class ProfileTests
{
    // hyperv-facts.md §1.1, row by row. A change here is a change of fact and needs its source.
    [Theory]
    [InlineData("hyperv-2008", 4, null, 24, 192, 2040L, null)]
    [InlineData("hyperv-2008r2", 4, null, 64, 384, 2040L, null)]
    [InlineData("hyperv-2012", 64, null, 320, 1024, 2040L, 64L)]
    [InlineData("hyperv-2012r2", 64, 64, 320, 1024, 2040L, 64L)]
    [InlineData("hyperv-2016", 64, 240, 512, 1024, 2040L, 64L)]
    [InlineData("hyperv-2019", 64, 240, 512, 1024, 2040L, 64L)]
    [InlineData("hyperv-2022", 64, 1024, 1024, 1024, 2040L, 64L)]
    [InlineData("hyperv-2025", 64, 2048, 2048, 1024, 2040L, 64L)]
    public void Profiles_hold_the_published_limits(string id, int gen1Vcpus, int? gen2Vcpus, int hostLps, int runningVms, long vhdGb, long? vhdxTb)
    {
        HyperVProfile p = ProfileCatalog.Find(id)!;
        Assert.Equal(gen1Vcpus, p.MaxVirtualProcessorsGeneration1);
        Assert.Equal(gen2Vcpus, p.MaxVirtualProcessorsGeneration2);
        Assert.Equal(hostLps, p.MaxHostLogicalProcessors);
        Assert.Equal(runningVms, p.MaxRunningVirtualMachines);
        Assert.Equal(vhdGb << 30, p.MaxVhdBytes);
        Assert.Equal(vhdxTb.HasValue ? vhdxTb.Value << 40 : (long?)null, p.MaxVhdxBytes);
        Assert.Equal(50, p.MaxCheckpoints);
        Assert.Equal((2, 2, 4, 64), (p.IdeControllers, p.DrivesPerIdeController, p.ScsiControllers, p.DisksPerScsiController));
    }

    [Fact]
    public void Profile_ids_are_the_eight_releases()
    {
        Assert.Equal(
            new[] { "hyperv-2008", "hyperv-2008r2", "hyperv-2012", "hyperv-2012r2", "hyperv-2016", "hyperv-2019", "hyperv-2022", "hyperv-2025" },
            ProfileCatalog.All.Select(p => p.Id));
        Assert.Null(ProfileCatalog.Find("hyperv-2010"));
    }

    [Theory]
    [InlineData("Windows Server 2008 R2 Enterprise SP1", "hyperv-2008r2")]
    [InlineData("Microsoft Windows Server 2008 R2 Datacenter", "hyperv-2008r2")]
    [InlineData("Windows Server 2008 Enterprise", "hyperv-2008")]
    [InlineData("Microsoft Hyper-V Server 2012 R2", "hyperv-2012r2")]
    [InlineData("Windows Server 2012 Datacenter", "hyperv-2012")]
    [InlineData("Windows Server 2016 Datacenter", "hyperv-2016")]
    [InlineData("Windows Server 2025 Datacenter", "hyperv-2025")]
    public void A_host_operating_system_names_its_release(string os, string expected)
    {
        Assert.Equal(expected, ProfileCatalog.Get(ProfileCatalog.VersionOfHostOperatingSystem(os)!.Value).Id);
    }

    [Fact]
    public void The_profile_flag_wins_over_the_declaration()
    {
        var result = Run(Vm("\"processorCount\": 8", "hyperv-2008r2"), profile: "hyperv-2012r2");
        Assert.Equal("hyperv-2012r2", result.Profile.Profile.Id);
        Assert.Equal("set by --profile", result.Profile.Reason);
        Assert.Empty(result.Of("HV1001"));
    }

    [Fact]
    public void A_declaration_is_used_and_cited_with_its_position()
    {
        var result = Run("{\n\"profile\": \"hyperv-2012\",\n\"virtualMachines\": []\n}");
        Assert.Equal("hyperv-2012", result.Profile.Profile.Id);
        Assert.Equal("declared by inventory.json(2,12)", result.Profile.Reason);
    }

    [Fact]
    public void Conflicting_declarations_pick_the_newest_and_say_so()
    {
        var result = RunFiles(new[] { ("a.json", "{ \"profile\": \"hyperv-2008r2\" }"), ("b.json", "{ \"profile\": \"hyperv-2016\" }") });
        Assert.Equal("hyperv-2016", result.Profile.Profile.Id);
        Assert.Contains("different profiles", result.Profile.Reason);
    }

    [Fact]
    public void Without_a_declaration_a_Generation_2_VM_means_at_least_2012_R2()
    {
        var result = Run("{ \"virtualMachines\": [ { \"name\": \"a\", \"generation\": 2 } ] }");
        Assert.Equal("hyperv-2012r2", result.Profile.Profile.Id);
        Assert.StartsWith("oldest release consistent with the input", result.Profile.Reason);
    }

    [Theory]
    [InlineData("5.0", "hyperv-2012r2")]
    [InlineData("8.0", "hyperv-2016")]
    [InlineData("9.0", "hyperv-2019")]
    [InlineData("10.0", "hyperv-2022")]
    public void Without_a_declaration_the_configuration_version_names_the_oldest_release(string version, string expected)
    {
        var result = Run("{ \"virtualMachines\": [ { \"name\": \"a\", \"configurationVersion\": \"" + version + "\" } ] }");
        Assert.Equal(expected, result.Profile.Profile.Id);
    }

    [Fact]
    public void With_no_evidence_the_default_is_2008_R2_and_the_reason_says_so()
    {
        var result = Run("{ \"virtualMachines\": [ { \"name\": \"a\", \"processorCount\": 5 } ] }");
        Assert.Equal("hyperv-2008r2", result.Profile.Profile.Id);
        Assert.StartsWith("default", result.Profile.Reason);
        Assert.Single(result.Of("HV1001"));
    }

    [Fact]
    public void A_host_is_checked_against_the_release_its_operating_system_names()
    {
        string json = "{ \"profile\": \"hyperv-2008r2\", \"hosts\": [ { \"name\": \"new\", \"os\": \"Windows Server 2012 R2 Datacenter\", \"logicalProcessorCount\": 64, \"virtualMachines\": [ { \"name\": \"big\", \"processorCount\": 16 } ] } ] }";
        var result = Run(json);
        Assert.Empty(result.Of("HV1001"));
        Assert.Equal("hyperv-2012r2", result.HostProfiles["new"].Id);

        // --profile is the user's word for every host.
        Assert.Single(Run(json, profile: "hyperv-2008r2").Of("HV1001"));
    }

    [Fact]
    public void A_VM_is_checked_against_the_release_its_configuration_version_needs_unless_the_user_chose_one()
    {
        string json = "{ \"profile\": \"hyperv-2008r2\", \"virtualMachines\": [ { \"name\": \"new\", \"configurationVersion\": \"5.0\", \"processorCount\": 8 }, { \"name\": \"old\", \"processorCount\": 8 } ] }";
        var result = Run(json);
        Assert.Equal(new[] { "vm:old" }, result.Of("HV1001").Select(f => f.Subject));
        Assert.Equal("hyperv-2012r2", result.VirtualMachineProfiles["new"].Id);

        Assert.Equal(2, Run(json, profile: "hyperv-2008r2").Of("HV1001").Length);
    }

    [Theory]
    [InlineData("Windows Server 2003", "hyperv-2008r2", 2)]
    [InlineData("Windows 7", "hyperv-2008r2", 4)]
    [InlineData("Windows Server 2008", "hyperv-2008r2", 4)]
    [InlineData("Windows Server 2008", "hyperv-2016", 8)]
    [InlineData("Windows 10 Enterprise", "hyperv-2016", 32)]
    public void Guest_caps_follow_the_supported_guest_lists(string guest, string profile, int cap)
    {
        var g = HvLint.Model.GuestOperatingSystem.Parse(guest, null, null)!;
        Assert.Equal(cap, ProfileCatalog.GuestVirtualProcessorCap(ProfileCatalog.Find(profile)!, g));
    }
}
