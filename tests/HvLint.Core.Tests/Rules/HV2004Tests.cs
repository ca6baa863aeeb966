using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV2004 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV2004Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV2004: pass-through disk.
        { Vm("\"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 0, \"controllerLocation\": 0, \"diskNumber\": 2 } ]"), 1 },
        { Vm("\"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 0, \"controllerLocation\": 0, \"diskNumber\": null, \"path\": \"a.vhdx\" } ]", "hyperv-2012r2"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV2004", json, expected);

    [Fact]
    public void The_message_names_the_slot_when_one_is_known_and_leaves_it_out_when_none_is()
    {
        Finding placed = Assert.Single(Run(Vm("\"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 0, \"controllerLocation\": 1, \"diskNumber\": 3 } ]")).Of("HV2004"));
        Assert.Contains("passes physical disk 3 through at SCSI 0:1;", placed.Message);

        // As provisioning code says it (Add-VMHardDiskDrive -DiskNumber 3 leaves the controller to Hyper-V): no "controller ?:?".
        Finding unplaced = Assert.Single(Run(Vm("\"hardDrives\": [ { \"diskNumber\": 3 } ]")).Of("HV2004"));
        Assert.Contains("passes physical disk 3 through;", unplaced.Message);
    }
}
