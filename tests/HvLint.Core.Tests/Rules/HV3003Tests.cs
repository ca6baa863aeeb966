using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV3003 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV3003Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV3003.
        { Vm("\"generation\": 2, \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true } ]", "hyperv-2012r2"), 1 },
        { Vm("\"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true } ]", "hyperv-2012r2"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV3003", json, expected);
}
