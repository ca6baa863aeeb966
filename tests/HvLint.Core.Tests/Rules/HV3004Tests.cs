using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV3004 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV3004Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV3004: 8 synthetic + 4 legacy up to 2016, 64 + 4 from 2019.
        { Vm("\"networkAdapters\": [" + RuleCase.Adapters(4, legacy: true) + "]"), 0 },
        { Vm("\"networkAdapters\": [" + RuleCase.Adapters(5, legacy: true) + "]"), 1 },
        { Vm("\"generation\": 2, \"networkAdapters\": [" + RuleCase.Adapters(64, legacy: false) + "]", "hyperv-2019"), 0 },
        { Vm("\"generation\": 2, \"networkAdapters\": [" + RuleCase.Adapters(9, legacy: false) + "]", "hyperv-2016"), 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV3004", json, expected);
}
