using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV5001 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV5001Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV5001: one adapter; a team-only list hides the count.
        { Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC1\" } ]"), 1 },
        { Host("\"physicalNetworkAdapters\": [ { \"name\": \"Team1\", \"interfaceDescription\": \"Microsoft Network Adapter Multiplexor Driver\" } ]"), 0 },
        { Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC1\" }, { \"name\": \"NIC2\" } ]"), 0 },
        { Host("\"os\": \"Windows Server 2008 R2\""), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV5001", json, expected);
}
