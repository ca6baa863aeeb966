using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV3007 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV3007Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV3007: 1-4094; trunk needs an allowed list.
        { Vm("\"networkAdapters\": [ { \"name\": \"n\", \"vlan\": { \"operationMode\": \"Access\", \"accessVlanId\": 4094 } } ]"), 0 },
        { Vm("\"networkAdapters\": [ { \"name\": \"n\", \"vlan\": { \"operationMode\": 1, \"accessVlanId\": 0 } } ]"), 1 },
        { Vm("\"networkAdapters\": [ { \"name\": \"n\", \"vlan\": { \"operationMode\": \"Trunk\", \"nativeVlanId\": 1, \"allowedVlanIdList\": \"\" } } ]"), 1 },
        { Vm("\"networkAdapters\": [ { \"name\": \"n\", \"vlan\": { \"operationMode\": \"Trunk\", \"nativeVlanId\": 1, \"allowedVlanIdList\": \"10,20-30\" } } ]"), 0 },
        { Vm("\"networkAdapters\": [ { \"name\": \"n\", \"vlan\": { \"operationMode\": \"Trunk\", \"nativeVlanId\": 1, \"allowedVlanIdList\": \"10,4000-4095\" } } ]"), 1 },
        { Vm("\"networkAdapters\": [ { \"name\": \"n\", \"vlan\": { \"operationMode\": \"Untagged\", \"accessVlanId\": 0 } } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV3007", json, expected);
}
