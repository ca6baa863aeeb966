using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV7001 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV7001Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV7001 needs the host's switch list.
        { Vm("\"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"Internal\" } ]"), 0 },
        { Host("\"virtualSwitches\": [ { \"name\": \"i\", \"switchType\": 1 } ], \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"i\" } ] } ]"), 1 },
        { Host("\"virtualSwitches\": [ { \"name\": \"p\", \"switchType\": 0 } ], \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"p\" } ] } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV7001", json, expected);
}
