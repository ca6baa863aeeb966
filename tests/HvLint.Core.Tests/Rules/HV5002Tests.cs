using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV5002 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV5002Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV5002.
        { Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC1\" }, { \"name\": \"NIC2\" } ], \"virtualSwitches\": [ { \"name\": \"v\", \"switchType\": \"External\", \"netAdapterNames\": [\"NIC1\"], \"allowManagementOS\": true } ]"), 0 },
        { Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC1\" } ], \"virtualSwitches\": [ { \"name\": \"v\", \"switchType\": \"External\", \"netAdapterNames\": [\"NIC1\"] } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV5002", json, expected);
}
