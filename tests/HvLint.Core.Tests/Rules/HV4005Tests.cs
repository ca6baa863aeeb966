using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV4005 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV4005Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV4005.
        { Vm("\"generation\": 2, \"guestOperatingSystem\": \"Windows 7 Enterprise\"", "hyperv-2012r2"), 1 },
        { Vm("\"generation\": 2, \"guestOperatingSystem\": { \"name\": \"Windows 10 Enterprise\", \"architecture\": \"x86\" }", "hyperv-2016"), 1 },
        { Vm("\"generation\": 2, \"guestOperatingSystem\": \"Windows Server 2012 R2 Standard\"", "hyperv-2012r2"), 0 },
        { Vm("\"generation\": 2, \"guestOperatingSystem\": \"Ubuntu 22.04\"", "hyperv-2022"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV4005", json, expected);
}
