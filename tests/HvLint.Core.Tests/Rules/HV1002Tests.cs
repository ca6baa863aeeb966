using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV1002 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV1002Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV1002: per-guest caps (BPA 500-506, GUESTOS).
        { Vm("\"guestOperatingSystem\": \"Windows Server 2003\", \"processorCount\": 2"), 0 },
        { Vm("\"guestOperatingSystem\": \"Windows Server 2003\", \"processorCount\": 3"), 1 },
        { Vm("\"guestOperatingSystem\": { \"name\": \"Windows XP Professional\", \"architecture\": \"x86\", \"servicePack\": 2 }, \"processorCount\": 2"), 1 },
        { Vm("\"guestOperatingSystem\": { \"name\": \"Windows XP Professional\", \"architecture\": \"x86\", \"servicePack\": 3 }, \"processorCount\": 2"), 0 },
        { Vm("\"guestOperatingSystem\": \"Windows Vista Business\", \"processorCount\": 3"), 1 },
        { Vm("\"guestOperatingSystem\": \"Windows 7 Enterprise\", \"processorCount\": 4"), 0 },
        { Vm("\"guestOperatingSystem\": \"Windows 7 Enterprise\", \"processorCount\": 5", "hyperv-2012r2"), 1 },
        { Vm("\"guestOperatingSystem\": \"Some Unknown OS 3.1\", \"processorCount\": 4"), 0 },
        { Vm("\"guestOperatingSystem\": \"Windows Server 2003\""), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV1002", json, expected);
}
