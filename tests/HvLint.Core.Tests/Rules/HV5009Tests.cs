using HvLint.Engine;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV5009 at the Best Practices Analyzer's margin of 20 (rule 67; hyperv-facts.md §4.1, §8 row 32), and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV5009Tests
{
    /// <summary>A host with the pool given and one VM per adapter, each with a dynamic MAC address unless it says otherwise.</summary>
    private static string Pool(string min, string max, int dynamic, string adapter = "\"staticMacAddress\": false") =>
        Host("\"macAddressMinimum\": \"" + min + "\", \"macAddressMaximum\": \"" + max + "\", \"virtualMachines\": [ "
            + string.Join(", ", Enumerable.Range(1, dynamic).Select(i => "{ \"name\": \"v" + i + "\", \"networkAdapters\": [ { \"name\": \"n\", " + adapter + " } ] }")) + " ]");

    public static TheoryData<string, int> Cases => new()
    {
        // A range of 21 (0x15) holds 1 adapter plus 20, not 2.
        { Pool("00155D000000", "00155D000015", 1), 0 },
        { Pool("00155D000000", "00155D000015", 2), 1 },
        { Pool("00-15-5D-00-00-00", "00:15:5d:00:00:15", 2), 1 },
        // The default pool of 256 addresses and a handful of adapters.
        { Pool("00155D0A1E00", "00155D0A1EFF", 8), 0 },
        // Static addresses do not come from the pool; adapters not known to be dynamic are not counted.
        { Pool("00155D000000", "00155D000015", 3, "\"staticMacAddress\": true, \"macAddress\": \"00155D990001\""), 0 },
        { Pool("00155D000000", "00155D000015", 3, "\"switchName\": \"s\""), 0 },
        // The pool unknown.
        { Host("\"virtualMachines\": [ { \"name\": \"v\", \"networkAdapters\": [ { \"name\": \"n\", \"staticMacAddress\": false } ] } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV5009", json, expected);

    [Fact]
    public void A_pool_address_that_is_not_a_MAC_address_is_HV9001_at_its_position()
    {
        AuditResult result = Run(Host("\"macAddressMinimum\": \"00155D0A1E\", \"macAddressMaximum\": \"00155D0A1EFF\""));
        HvLint.Engine.Finding problem = Assert.Single(result.Of("HV9001"));
        Assert.Contains("'macAddressMinimum': expected a MAC address of 12 hex digits, found '00155D0A1E'", problem.Message);
        Assert.Empty(result.Of("HV5009"));
    }
}
