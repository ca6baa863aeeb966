using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV3001 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV3001Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV3001: legacy adapter on a guest with integration services, unless it is the PXE path.
        { Vm("\"guestOperatingSystem\": \"Windows Server 2008 R2\", \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true, \"switchName\": \"s\" } ], \"bootOrder\": [\"IDE\", \"LegacyNetworkAdapter\"]"), 1 },
        { Vm("\"guestOperatingSystem\": \"Windows Server 2008 R2\", \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true, \"switchName\": \"s\" } ], \"bootOrder\": [\"LegacyNetworkAdapter\", \"IDE\"]"), 0 },
        { Vm("\"guestOperatingSystem\": \"Windows Server 2008 R2\", \"networkAdapters\": [ { \"name\": \"L1\", \"isLegacy\": true, \"switchName\": \"s\" }, { \"name\": \"L2\", \"isLegacy\": true, \"switchName\": \"s\" } ], \"bootOrder\": [\"LegacyNetworkAdapter\", \"IDE\"]"), 1 },
        { Vm("\"guestOperatingSystem\": \"Windows Server 2003\", \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true, \"switchName\": \"s\" } ], \"bootOrder\": [\"IDE\"]"), 0 },
        { Vm("\"guestOperatingSystem\": \"Windows Server 2003\", \"integrationServices\": { \"installed\": true }, \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true, \"switchName\": \"s\" } ], \"bootOrder\": [\"IDE\"]"), 1 },
        { Vm("\"guestOperatingSystem\": \"Windows Server 2008 R2\", \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true, \"switchName\": \"s\" } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV3001", json, expected);
}
