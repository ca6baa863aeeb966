using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV2001 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV2001Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV2001: IDE 2x2 on Gen1, SCSI 4x64, no IDE on Gen2.
        { Vm("\"hardDrives\": [ { \"controllerType\": \"IDE\", \"controllerNumber\": 1, \"controllerLocation\": 1 } ]"), 0 },
        { Vm("\"hardDrives\": [ { \"controllerType\": \"IDE\", \"controllerNumber\": 2, \"controllerLocation\": 0 } ]"), 1 },
        { Vm("\"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 3, \"controllerLocation\": 63 } ]"), 0 },
        { Vm("\"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 4, \"controllerLocation\": 64 } ]"), 2 },
        { Vm("\"generation\": 2, \"hardDrives\": [ { \"controllerType\": \"IDE\", \"controllerNumber\": 0, \"controllerLocation\": 0 } ]", "hyperv-2012r2"), 1 },
        { Vm("\"hardDrives\": [ { \"controllerNumber\": 7, \"controllerLocation\": 0 } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV2001", json, expected);
}
