using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV3008 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV3008Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV3008.
        { Vm("\"roles\": [\"nlb\"], \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"s\", \"macAddressSpoofing\": 1 } ]"), 1 },
        { Vm("\"roles\": [\"nlb\"], \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"s\", \"macAddressSpoofing\": 0 } ]"), 0 },
        { Vm("\"roles\": [\"nlb\"], \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"s\" } ]"), 0 },
        { Vm("\"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"s\", \"macAddressSpoofing\": \"Off\" } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV3008", json, expected);
}
