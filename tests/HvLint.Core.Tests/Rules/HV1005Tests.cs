using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV1005 at its boundaries, from hyperv-facts.md §2 (Generation 2 since 2012 R2), and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV1005Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        { Vm("\"generation\": 2", "hyperv-2012"), 1 },
        { Vm("\"generation\": 2", "hyperv-2008r2"), 1 },
        { Vm("\"generation\": 2", "hyperv-2012r2"), 0 },
        { Vm("\"generation\": 2", "hyperv-2025"), 0 },
        { Vm("\"generation\": 1", "hyperv-2008"), 0 },
        { Vm("\"processorCount\": 2", "hyperv-2012"), 0 },
        // With no profile chosen, a VM is checked against the release its host's operating system names.
        { Host("\"os\": \"Windows Server 2012 Datacenter\", \"virtualMachines\": [ { \"name\": \"a\", \"generation\": 2 } ]"), 1 },
        { Host("\"os\": \"Windows Server 2012 R2 Datacenter\", \"virtualMachines\": [ { \"name\": \"a\", \"generation\": 2 } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV1005", json, expected);
}
