using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV5004 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV5004Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV5004-HV5007: host scale and hardware against the host's own release.
        { Host("\"os\": \"Windows Server 2012 R2 Datacenter\", \"logicalProcessorCount\": 320"), 0 },
        { Host("\"os\": \"Windows Server 2012 R2 Datacenter\", \"logicalProcessorCount\": 321"), 1 },
        { Host("\"os\": \"Windows Server 2008\", \"logicalProcessorCount\": 24"), 0 },
        { Host("\"os\": \"Windows Server 2008\", \"logicalProcessorCount\": 25"), 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV5004", json, expected);
}
