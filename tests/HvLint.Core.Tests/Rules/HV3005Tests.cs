using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV3005 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV3005Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV3005: across VMs and spellings; dynamic and all-zero addresses ignored.
        { "{ \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"macAddress\": \"00155D000001\", \"staticMacAddress\": true } ] }, { \"name\": \"b\", \"networkAdapters\": [ { \"name\": \"n\", \"macAddress\": \"00:15:5d:00:00:01\", \"staticMacAddress\": true } ] } ] }", 1 },
        { "{ \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"macAddress\": \"00155D000001\", \"dynamicMacAddressEnabled\": true } ] }, { \"name\": \"b\", \"networkAdapters\": [ { \"name\": \"n\", \"macAddress\": \"00155D000001\", \"dynamicMacAddressEnabled\": true } ] } ] }", 0 },
        { "{ \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"macAddress\": \"000000000000\", \"staticMacAddress\": true } ] }, { \"name\": \"b\", \"networkAdapters\": [ { \"name\": \"n\", \"macAddress\": \"000000000000\", \"staticMacAddress\": true } ] } ] }", 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV3005", json, expected);
}
