using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV5003 at its boundaries, from hyperv-facts.md §4.1, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV5003Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // An iSCSI adapter bound to a virtual switch.
        { Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC2\", \"roles\": [\"iscsi\"] } ], \"virtualSwitches\": [ { \"name\": \"v\", \"switchType\": \"External\", \"netAdapterNames\": [\"NIC2\"] } ]"), 1 },
        // An iSCSI adapter that also carries management traffic, switch list unknown.
        { Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC1\", \"roles\": [\"management\", \"iscsi\"] } ]"), 1 },
        // Bound and shared: one finding that names both problems.
        { Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC2\", \"roles\": [\"vm\", \"iscsi\"] } ], \"virtualSwitches\": [ { \"name\": \"v\", \"switchType\": \"External\", \"netAdapterNames\": [\"NIC2\"] } ]"), 1 },
        // Dedicated: not bound, nothing else on it.
        { Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC3\", \"roles\": [\"iscsi\"] } ], \"virtualSwitches\": [ { \"name\": \"v\", \"switchType\": \"External\", \"netAdapterNames\": [\"NIC2\"] } ]"), 0 },
        // Roles unknown: nothing is known to carry iSCSI.
        { Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC2\" } ], \"virtualSwitches\": [ { \"name\": \"v\", \"switchType\": \"External\", \"netAdapterNames\": [\"NIC2\"] } ]"), 0 },
        // "storage" is accepted as the iSCSI role.
        { Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC2\", \"roles\": [\"storage\", \"mgmt\"] } ]"), 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV5003", json, expected);
}
