using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV5011 from the live migration network guide (hyperv-facts.md §4.1: dedicated networks for live migration and for cluster/CSV, apart from management and VM traffic). The page's own examples run in DocumentationTests.</summary>
public class HV5011Tests
{
    private static string Nics(string nics, string switches = "") =>
        Host("\"physicalNetworkAdapters\": [ " + nics + " ]" + switches, "hyperv-2012r2");

    public static TheoryData<string, int> Cases => new()
    {
        { Nics("{ \"name\": \"NIC1\", \"roles\": [\"management\", \"live-migration\"] }"), 1 },
        { Nics("{ \"name\": \"NIC1\", \"roles\": [\"vm\", \"cluster\"] }"), 1 },
        { Nics("{ \"name\": \"NIC1\", \"roles\": [\"management\", \"live-migration\", \"cluster\"] }, { \"name\": \"NIC2\", \"roles\": [\"vm\", \"csv\"] }"), 2 },
        // Bound to a virtual switch, whose VMs then share it.
        { Nics("{ \"name\": \"NIC3\", \"roles\": [\"live-migration\"] }", ", \"virtualSwitches\": [ { \"name\": \"LAN\", \"switchType\": \"External\", \"netAdapterNames\": [\"NIC3\"], \"allowManagementOS\": false } ]"), 1 },
        // Dedicated, together or apart; and adapters that carry neither.
        { Nics("{ \"name\": \"NIC3\", \"roles\": [\"live-migration\", \"cluster\"] }"), 0 },
        { Nics("{ \"name\": \"NIC1\", \"roles\": [\"management\"] }, { \"name\": \"NIC2\", \"roles\": [\"vm\"] }"), 0 },
        { Nics("{ \"name\": \"NIC3\", \"roles\": [\"live-migration\"] }", ", \"virtualSwitches\": [ { \"name\": \"LAN\", \"switchType\": \"External\", \"netAdapterNames\": [\"NIC1\"], \"allowManagementOS\": false } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV5011", json, expected);

    [Fact]
    public void The_message_names_the_traffic_and_what_it_shares_with() =>
        Assert.Contains("'NIC1' carries live migration and cluster traffic and also carries management traffic",
            Assert.Single(Run(Nics("{ \"name\": \"NIC1\", \"roles\": [\"management\", \"live-migration\", \"cluster\"] }")).Of("HV5011")).Message, StringComparison.Ordinal);
}
