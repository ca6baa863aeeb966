using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV6002 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV6002Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        { Vm("\"integrationServices\": { \"services\": { \"Backup (volume shadow copy)\": false } }"), 1 },
        { Vm("\"integrationServices\": { \"services\": { \"Heartbeat\": false } }"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV6002", json, expected);
}
