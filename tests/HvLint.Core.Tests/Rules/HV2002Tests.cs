using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV2002 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV2002Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV2002: Gen1 boot disk on SCSI.
        { Vm("\"generation\": 1, \"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 0, \"controllerLocation\": 0 } ]"), 1 },
        { Vm("\"generation\": 1, \"hardDrives\": [ { \"controllerType\": \"IDE\", \"controllerNumber\": 0, \"controllerLocation\": 0 }, { \"controllerType\": \"SCSI\", \"controllerNumber\": 0, \"controllerLocation\": 0 } ]"), 0 },
        { Vm("\"generation\": 1, \"bootOrder\": [\"LegacyNetworkAdapter\", \"CD\"], \"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 0, \"controllerLocation\": 0 } ]"), 0 },
        { Vm("\"generation\": 2, \"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 0, \"controllerLocation\": 0 } ]", "hyperv-2012r2"), 0 },
        { Vm("\"generation\": 1, \"hardDrives\": [ { \"controllerNumber\": 0, \"controllerLocation\": 0 } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV2002", json, expected);
}
