using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV1004 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV1004Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV1004 needs the host's logical processors.
        { Host("\"logicalProcessorCount\": 2, \"virtualMachines\": [ { \"name\": \"a\", \"processorCount\": 4 } ]", "hyperv-2012r2"), 1 },
        { Host("\"virtualMachines\": [ { \"name\": \"a\", \"processorCount\": 4 } ]", "hyperv-2012r2"), 0 },
        { Vm("\"processorCount\": 4", "hyperv-2012r2"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV1004", json, expected);
}
