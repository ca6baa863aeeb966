using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV6003 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV6003Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        { Vm("\"checkpointCount\": 1, \"hardDrives\": [ { \"diskNumber\": 1 } ]"), 1 },
        { Vm("\"hardDrives\": [ { \"diskNumber\": 1 } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV6003", json, expected);
}
