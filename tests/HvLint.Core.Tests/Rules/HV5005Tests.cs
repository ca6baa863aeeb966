using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV5005 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV5005Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        { Host("\"os\": \"Windows Server 2008 R2\", \"virtualMachines\": [" + RuleCase.RunningVms(385) + "]"), 1 },
        { Host("\"os\": \"Windows Server 2008 R2\", \"virtualMachines\": [" + RuleCase.RunningVms(384) + "]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV5005", json, expected);
}
