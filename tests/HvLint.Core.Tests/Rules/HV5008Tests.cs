using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV5008 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV5008Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV5008: 8:1 on 2008 R2, 12:1 when every running guest is Windows 7; only running VMs count.
        { Host("\"os\": \"Windows Server 2008 R2\", \"logicalProcessorCount\": 1, \"virtualMachines\": [" + RuleCase.RunningVms(9, "\"processorCount\": 1, \"guestOperatingSystem\": \"Windows 7\"") + "]"), 0 },
        { Host("\"os\": \"Windows Server 2008 R2\", \"logicalProcessorCount\": 1, \"virtualMachines\": [" + RuleCase.RunningVms(9, "\"processorCount\": 1, \"guestOperatingSystem\": \"Windows Server 2008 R2\"") + "]"), 1 },
        { Host("\"os\": \"Windows Server 2008 R2\", \"logicalProcessorCount\": 1, \"virtualMachines\": [" + RuleCase.RunningVms(13, "\"processorCount\": 1, \"guestOperatingSystem\": \"Windows 7\"") + "]"), 1 },
        { Host("\"os\": \"Windows Server 2012 R2\", \"logicalProcessorCount\": 1, \"virtualMachines\": [" + RuleCase.RunningVms(20, "\"processorCount\": 1") + "]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV5008", json, expected);
}
