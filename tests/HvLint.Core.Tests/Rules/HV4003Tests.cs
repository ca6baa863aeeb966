using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV4003 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV4003Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV4003.
        { Vm("\"guestOperatingSystem\": { \"name\": \"Windows XP Professional x64 Edition\", \"architecture\": \"x64\" }, \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true } ]"), 1 },
        { Vm("\"guestOperatingSystem\": { \"name\": \"Windows Server 2003\", \"architecture\": \"x86\" }, \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true } ]"), 0 },
        { Vm("\"guestOperatingSystem\": \"Windows Server 2003\", \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV4003", json, expected);
}
