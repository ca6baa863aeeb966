using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV7002 from hyperv-facts.md §2 (Generation 2 has Secure Boot on by default, the MicrosoftWindows template for Windows; COM debugging needs it off), and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV7002Tests
{
    private static string Gen2(string os, string rest) => Vm("\"generation\": 2, \"guestOperatingSystem\": \"" + os + "\", " + rest, "hyperv-2016");

    public static TheoryData<string, int> Cases => new()
    {
        { Gen2("Windows Server 2016 Standard", "\"secureBoot\": \"Off\""), 1 },
        { Gen2("Windows 10 Enterprise", "\"secureBoot\": 1"), 1 },
        { Gen2("Windows Server 2016 Standard", "\"secureBoot\": \"On\""), 0 },
        // Linux (HV4006's business), a guest not known, Generation 1 (no Secure Boot), Secure Boot not known.
        { Gen2("Ubuntu 22.04 LTS", "\"secureBoot\": \"Off\""), 0 },
        { Vm("\"generation\": 2, \"secureBoot\": \"Off\"", "hyperv-2016"), 0 },
        { Vm("\"generation\": 1, \"guestOperatingSystem\": \"Windows Server 2016 Standard\", \"secureBoot\": \"Off\"", "hyperv-2016"), 0 },
        { Gen2("Windows Server 2016 Standard", "\"processorCount\": 2"), 0 },
        // Debugged over a COM port, which needs Secure Boot off: HV1008 reports the port instead.
        { Gen2("Windows Server 2016 Standard", "\"secureBoot\": \"Off\", \"comPorts\": [ { \"number\": 1, \"path\": \"\\\\\\\\.\\\\pipe\\\\kd\" } ]"), 0 },
        { Gen2("Windows Server 2016 Standard", "\"secureBoot\": \"Off\", \"comPorts\": [ { \"number\": 1, \"path\": \"\" } ]"), 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV7002", json, expected);
}
