using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV3002 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV3002Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV3002: Gen1, network before disk, no legacy adapter; silent on unknowns.
        { Vm("\"generation\": 1, \"bootOrder\": [\"LegacyNetworkAdapter\", \"IDE\"], \"networkAdapters\": []"), 1 },
        { Vm("\"generation\": 1, \"bootOrder\": [3, 2, 1, 0], \"networkAdapters\": [ { \"name\": \"n\", \"isLegacy\": false } ]"), 1 },
        { Vm("\"generation\": 1, \"bootOrder\": [\"IDE\", \"LegacyNetworkAdapter\"], \"networkAdapters\": [ { \"name\": \"n\", \"isLegacy\": false } ]"), 0 },
        { Vm("\"generation\": 1, \"bootOrder\": [\"LegacyNetworkAdapter\", \"IDE\"], \"networkAdapters\": [ { \"name\": \"n\" } ]"), 0 },
        { Vm("\"generation\": 1, \"bootOrder\": [\"LegacyNetworkAdapter\", \"IDE\"]"), 0 },
        { Vm("\"generation\": 1, \"networkAdapters\": [ { \"name\": \"n\", \"isLegacy\": false } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV3002", json, expected);
}
