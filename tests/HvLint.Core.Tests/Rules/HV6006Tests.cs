using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV6006 from the Best Practices Analyzer's rule 7 (hyperv-facts.md §5) and Get-VM's VMState numbers (§6a: Paused 9, the critical states 32785–32796). The page's own examples run in DocumentationTests.</summary>
public class HV6006Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        { Vm("\"state\": \"Paused\""), 1 },
        { Vm("\"state\": 9"), 1 },
        { Vm("\"state\": \"Running\""), 0 },
        { Vm("\"state\": \"Saved\""), 0 },
        { Vm("\"state\": 3"), 0 },
        // A critical state Hyper-V entered by itself is not a pause someone left.
        { Vm("\"state\": 32785"), 0 },
        { Vm("\"processorCount\": 2"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV6006", json, expected);

    [Fact]
    public void From_Get_VM_State() =>
        Assert.Single(RunFiles(new[] { ("vms.json", "[ { \"Name\": \"report01\", \"Id\": \"6c1b2f0e-0000-4000-8000-0000000000d1\", \"VMId\": \"6c1b2f0e-0000-4000-8000-0000000000d1\", \"ComputerName\": \"HV1\", \"Generation\": 1, \"State\": 9, \"ProcessorCount\": 2 } ]") }).Of("HV6006"));
}
