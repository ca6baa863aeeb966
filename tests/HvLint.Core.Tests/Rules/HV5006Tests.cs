using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV5006 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV5006Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        { Host("\"os\": \"Windows Server 2012 R2 Datacenter\", \"memoryCapacity\": \"4TB\""), 0 },
        { Host("\"os\": \"Windows Server 2012 R2 Datacenter\", \"memoryCapacity\": \"5TB\""), 1 },
        { Host("\"os\": \"Windows Server 2008 R2 Enterprise\", \"memoryCapacity\": \"1TB\""), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV5006", json, expected);
}
