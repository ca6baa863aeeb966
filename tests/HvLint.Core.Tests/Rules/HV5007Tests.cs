using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV5007 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV5007Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        { Host("\"os\": \"Windows Server 2016 Datacenter\", \"secondLevelAddressTranslation\": false"), 1 },
        { Host("\"os\": \"Windows Server 2012 R2 Datacenter\", \"secondLevelAddressTranslation\": false"), 0 },
        { Host("\"os\": \"Windows Server 2008 R2\", \"dataExecutionPrevention\": false"), 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV5007", json, expected);
}
