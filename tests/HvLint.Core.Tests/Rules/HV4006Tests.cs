using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV4006 from hyperv-facts.md §2 and §3.2 (Generation 2 Linux needs the UEFI CA template or Secure Boot off), and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV4006Tests
{
    private static string Linux(string firmware, string generation = "2") =>
        Vm("\"generation\": " + generation + ", \"guestOperatingSystem\": \"Ubuntu 22.04 LTS\"" + firmware, "hyperv-2016");

    public static TheoryData<string, int> Cases => new()
    {
        { Linux(", \"secureBoot\": \"On\", \"secureBootTemplate\": \"MicrosoftWindows\""), 1 },
        { Linux(", \"secureBoot\": 0, \"secureBootTemplate\": \"microsoftwindows\""), 1 },
        { Linux(", \"secureBoot\": true, \"secureBootTemplate\": \"MicrosoftUEFICertificateAuthority\""), 0 },
        { Linux(", \"secureBoot\": \"Off\", \"secureBootTemplate\": \"MicrosoftWindows\""), 0 },
        { Linux(", \"secureBoot\": 1, \"secureBootTemplate\": \"MicrosoftWindows\""), 0 },
        // Generation 1 has no Secure Boot; Windows guests are what the template is for.
        { Linux(", \"secureBoot\": \"On\", \"secureBootTemplate\": \"MicrosoftWindows\"", "1"), 0 },
        { Vm("\"generation\": 2, \"guestOperatingSystem\": \"Windows Server 2016 Standard\", \"secureBoot\": \"On\", \"secureBootTemplate\": \"MicrosoftWindows\"", "hyperv-2016"), 0 },
        // Unknown facts: the template, Secure Boot, the guest.
        { Linux(", \"secureBoot\": \"On\""), 0 },
        { Linux(", \"secureBootTemplate\": \"MicrosoftWindows\""), 0 },
        { Vm("\"generation\": 2, \"secureBoot\": \"On\", \"secureBootTemplate\": \"MicrosoftWindows\"", "hyperv-2016"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV4006", json, expected);
}
