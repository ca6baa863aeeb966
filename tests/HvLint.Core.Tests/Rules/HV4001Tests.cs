using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV4001 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV4001Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV4001.
        { Vm("\"integrationServices\": { \"installed\": false }"), 1 },
        { Vm("\"integrationServices\": { \"state\": \"Update required\", \"version\": \"6.0.6001.18016\" }"), 1 },
        { Vm("\"integrationServices\": { \"state\": \"Up to date\" }"), 0 },
        { Vm("\"integrationServices\": null"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV4001", json, expected);
}
