using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV4004 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV4004Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV4004: VSS goes to HV6002; GSI off by default; Time Synchronization off on a DC is advice, not a defect.
        { Vm("\"integrationServices\": { \"services\": { \"Shutdown\": false, \"Key-Value Pair Exchange\": false } }"), 2 },
        { Vm("\"integrationServices\": { \"services\": { \"VSS\": false, \"Guest Service Interface\": false } }"), 0 },
        { Vm("\"roles\": [\"domain-controller\"], \"integrationServices\": { \"services\": { \"Time Synchronization\": false } }"), 0 },
        { Vm("\"integrationServices\": { \"services\": { \"Microsoft Time Synchronization Component\": false } }"), 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV4004", json, expected);
}
