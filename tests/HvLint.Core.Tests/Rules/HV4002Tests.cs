using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV4002 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV4002Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV4002.
        { Vm("\"isTemplate\": true, \"guestOperatingSystem\": \"Windows Server 2003 R2\", \"processorCount\": 1"), 1 },
        { Vm("\"isTemplate\": false, \"guestOperatingSystem\": \"Windows Server 2003 R2\", \"processorCount\": 1"), 0 },
        { Vm("\"isTemplate\": true, \"guestOperatingSystem\": \"Windows Server 2008 R2\", \"processorCount\": 1"), 0 },
        { Vm("\"isTemplate\": true, \"guestOperatingSystem\": { \"name\": \"Windows XP Professional\", \"architecture\": \"x86\", \"servicePack\": 2 }, \"processorCount\": 1"), 0 },
        { Vm("\"isTemplate\": true, \"guestOperatingSystem\": \"Windows Server 2003 R2\""), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV4002", json, expected);
}
