using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV3006 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV3006Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV3006: no switch (not on templates), or a switch the host lacks.
        { Vm("\"networkAdapters\": [ { \"name\": \"n\", \"switchName\": null } ]"), 1 },
        { Vm("\"isTemplate\": true, \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": null } ]"), 0 },
        { Vm("\"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"Anything\" } ]"), 0 },
        { Host("\"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"Gone\" } ] } ]"), 0 },
        { Host("\"virtualSwitches\": [], \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"Gone\" } ] } ]"), 1 },
        { Host("\"virtualSwitches\": [ { \"name\": \"vm-traffic\", \"switchType\": \"External\" } ], \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"VM-Traffic\" } ] } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV3006", json, expected);
}
