using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV6001 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV6001Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV6001-HV6004.
        { Vm("\"environment\": \"production\", \"checkpointCount\": 1"), 1 },
        { Vm("\"environment\": \"test\", \"checkpointCount\": 10"), 0 },
        { Vm("\"environment\": \"test\", \"checkpointCount\": 51"), 1 },
        { Vm("\"roles\": [\"production\"], \"checkpoints\": [ {}, {} ]"), 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV6001", json, expected);

    [Fact]
    public void HV6001_is_an_error_above_the_50_checkpoint_limit_and_a_warning_below()
    {
        Assert.Equal(Severity.Warning, Run(Vm("\"environment\": \"production\", \"checkpointCount\": 50")).Of("HV6001").Single().Severity);
        Assert.Equal(Severity.Error, Run(Vm("\"environment\": \"production\", \"checkpointCount\": 51")).Of("HV6001").Single().Severity);
    }
}
