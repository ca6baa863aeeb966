using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV1003 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV1003Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV1003: 64 GB on 2008 R2; 1 TB on 2012 R2; the Dynamic Memory maximum counts too.
        { Vm("\"memoryStartup\": \"64GB\""), 0 },
        { Vm("\"memoryStartup\": 68719476737"), 1 },
        { Vm("\"memoryStartup\": \"8GB\", \"dynamicMemoryEnabled\": true, \"memoryMaximum\": \"128GB\""), 1 },
        { Vm("\"memoryStartup\": \"8GB\", \"dynamicMemoryEnabled\": false, \"memoryMaximum\": \"128GB\""), 0 },
        { Vm("\"memoryStartup\": \"1TB\"", "hyperv-2012r2"), 0 },
        { Vm("\"memoryStartup\": \"2TB\"", "hyperv-2012r2"), 1 },
        { Vm("\"generation\": 2, \"memoryStartup\": \"2TB\"", "hyperv-2016"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV1003", json, expected);

    [Fact]
    public void HV1003_uses_32_GB_when_the_host_runs_a_Standard_edition_of_2008_R2()
    {
        string Vm48(string os) => Host("\"os\": \"" + os + "\", \"virtualMachines\": [ { \"name\": \"a\", \"memoryStartup\": \"48GB\" } ]");
        Assert.Single(Run(Vm48("Windows Server 2008 R2 Standard")).Of("HV1003"));
        Assert.Empty(Run(Vm48("Windows Server 2008 R2 Enterprise")).Of("HV1003"));
    }
}
