using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV5010 from the Best Practices Analyzer's rules 55 (no live migration network at 1 Gbps: error) and 56 (each one below: warning), hyperv-facts.md §4.1 and §5. The page's own examples run in DocumentationTests.</summary>
public class HV5010Tests
{
    private static string Nics(params string[] nics) => Host("\"physicalNetworkAdapters\": [ " + string.Join(", ", nics) + " ]", "hyperv-2012r2");

    private static string Nic(string name, string? speed, string roles) =>
        "{ \"name\": \"" + name + "\"" + (speed == null ? string.Empty : ", \"linkSpeed\": \"" + speed + "\"") + ", \"roles\": [" + roles + "] }";

    private const string Lm = "\"live-migration\"";

    public static TheoryData<string, int> Cases => new()
    {
        { Nics(Nic("NIC1", "1 Gbps", "\"management\""), Nic("NIC3", "100 Mbps", Lm)), 1 },
        { Nics(Nic("NIC3", "100 Mbps", Lm), Nic("NIC4", "100 Mbps", Lm)), 1 },
        { Nics(Nic("NIC3", "100 Mbps", Lm), Nic("NIC4", "10 Gbps", Lm)), 1 },
        { Nics(Nic("NIC3", "100 Mbps", Lm), Nic("NIC4", "100 Mbps", Lm), Nic("NIC5", "10 Gbps", Lm)), 2 },
        { Nics(Nic("NIC3", "1 Gbps", Lm)), 0 },
        // A slow adapter that carries no live migration; a live migration adapter of unknown speed.
        { Nics(Nic("NIC1", "100 Mbps", "\"management\""), Nic("NIC3", "1 Gbps", Lm)), 0 },
        { Nics(Nic("NIC3", null, Lm)), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV5010", json, expected);

    [Fact]
    public void None_at_1_Gbps_is_one_error_for_the_host_and_a_faster_one_leaves_warnings()
    {
        Finding none = Assert.Single(Run(Nics(Nic("NIC3", "100 Mbps", Lm), Nic("NIC4", "100 Mbps", Lm))).Of("HV5010"));
        Assert.Equal(Severity.Error, none.Severity);
        Assert.Contains("'NIC3' at 100 Mbps, 'NIC4' at 100 Mbps", none.Message, StringComparison.Ordinal);

        Finding one = Assert.Single(Run(Nics(Nic("NIC3", "100 Mbps", Lm), Nic("NIC4", "10 Gbps", Lm))).Of("HV5010"));
        Assert.Equal(Severity.Warning, one.Severity);

        // While one adapter's speed is unknown it may be the fast one: warnings, not the error.
        Finding unknown = Assert.Single(Run(Nics(Nic("NIC3", "100 Mbps", Lm), Nic("NIC4", null, Lm))).Of("HV5010"));
        Assert.Equal(Severity.Warning, unknown.Severity);
    }
}
