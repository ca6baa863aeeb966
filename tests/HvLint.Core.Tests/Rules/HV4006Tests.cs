using HvLint.Engine;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV4006 from hyperv-facts.md §2 and §3.2 (Generation 2 Linux needs the UEFI CA template or Secure Boot off), and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV4006Tests
{
    private static string Linux(string firmware, string generation = "2", string profile = "hyperv-2016") =>
        Vm("\"generation\": " + generation + ", \"guestOperatingSystem\": \"Ubuntu 22.04 LTS\"" + firmware, profile);

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
        // The template by its ID: MicrosoftWindows's (any case, braces or none), the UEFI CA template's, and one HvLint does not know.
        { Linux(", \"secureBoot\": \"On\", \"secureBootTemplate\": \"1734c6e8-3154-4dda-ba5f-a874cc483422\""), 1 },
        { Linux(", \"secureBoot\": \"On\", \"secureBootTemplate\": \"{1734C6E8-3154-4DDA-BA5F-A874CC483422}\""), 1 },
        { Linux(", \"secureBoot\": \"On\", \"secureBootTemplate\": \"272e7447-90a4-4563-a4b9-8e4ab00526ce\""), 0 },
        { Linux(", \"secureBoot\": \"On\", \"secureBootTemplate\": \"00000000-0000-0000-0000-000000000001\""), 0 },
        // Windows Server 2012 R2: Secure Boot for Windows guests only, so Secure Boot on is the finding whether the
        // template is unknown or the Windows one; an input naming the UEFI CA template 2012 R2 lacks is not judged.
        { Linux(", \"secureBoot\": \"On\"", profile: "hyperv-2012r2"), 1 },
        { Linux(", \"secureBoot\": true, \"secureBootTemplate\": \"MicrosoftWindows\"", profile: "hyperv-2012r2"), 1 },
        { Linux(", \"secureBoot\": \"On\", \"secureBootTemplate\": \"MicrosoftUEFICertificateAuthority\"", profile: "hyperv-2012r2"), 0 },
        { Linux(", \"secureBoot\": \"Off\"", profile: "hyperv-2012r2"), 0 },
        { Linux("", profile: "hyperv-2012r2"), 0 },
        { Vm("\"generation\": 2, \"guestOperatingSystem\": \"Windows Server 2012 R2 Standard\", \"secureBoot\": \"On\"", "hyperv-2012r2"), 0 },
        // Later releases have the template: Secure Boot alone is not the finding there.
        { Linux(", \"secureBoot\": \"On\"", profile: "hyperv-2019"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV4006", json, expected);

    [Fact]
    public void On_2012_R2_the_finding_is_at_Secure_Boot_and_asks_for_it_off()
    {
        string json = "{ \"profile\": \"hyperv-2012r2\", \"virtualMachines\": [\n  { \"name\": \"ci-runner\", \"generation\": 2, \"guestOperatingSystem\": \"CentOS 7\",\n    \"secureBootTemplate\": \"MicrosoftWindows\", \"secureBoot\": \"On\" } ] }";
        HvLint.Engine.Finding finding = Assert.Single(Run(json).Of("HV4006"));
        Assert.Equal((3, 61), (finding.Location.Line, finding.Location.Column));
        Assert.Contains("Secure Boot off", finding.Message);
        Assert.DoesNotContain("-SecureBootTemplate", finding.Message);
        Assert.Equal("true", finding.Properties[HvLint.Rules.Guest.HV4006LinuxGuestOnWindowsSecureBootTemplate.SecureBootOffProperty]);

        // On a release with the template, the fix is the template and the finding is where the template is written.
        HvLint.Engine.Finding later = Assert.Single(Run(json.Replace("hyperv-2012r2", "hyperv-2016")).Of("HV4006"));
        Assert.Equal((3, 27), (later.Location.Line, later.Location.Column));
        Assert.False(later.Properties.ContainsKey(HvLint.Rules.Guest.HV4006LinuxGuestOnWindowsSecureBootTemplate.SecureBootOffProperty));
    }

    [Theory]
    // No profile declared: a Generation 2 VM alone makes the audit 2012 R2's, where Secure Boot is the finding; a
    // template named anywhere says 2016 or later, where the template decides.
    [InlineData(", \"secureBoot\": \"On\"", "hyperv-2012r2", 1)]
    [InlineData(", \"secureBoot\": \"On\", \"secureBootTemplate\": \"MicrosoftUEFICertificateAuthority\"", "hyperv-2016", 0)]
    [InlineData(", \"secureBoot\": \"On\", \"secureBootTemplate\": \"MicrosoftWindows\"", "hyperv-2016", 1)]
    public void A_named_template_is_evidence_of_2016(string firmware, string inferred, int expected)
    {
        AuditResult result = Run("{ \"virtualMachines\": [ { \"name\": \"ci-runner\", \"generation\": 2, \"guestOperatingSystem\": \"Ubuntu 22.04 LTS\"" + firmware + " } ] }");
        Assert.Equal(inferred, result.Profile.Profile.Id);
        Assert.Equal(expected, result.Of("HV4006").Length);
    }

    [Theory]
    [InlineData("\"SecureBootTemplate\": \"MicrosoftUEFICertificateAuthority\", \"SecureBootTemplateId\": \"272e7447-90a4-4563-a4b9-8e4ab00526ce\"", "hyperv-2016")]
    [InlineData("\"SecureBootTemplateId\": \"00000000-0000-0000-0000-000000000001\"", "hyperv-2016")]
    [InlineData("\"SecureBootTemplate\": null", "hyperv-2012r2")]
    public void Get_VMFirmware_with_a_template_is_evidence_of_2016(string template, string inferred)
    {
        string vms = "[ { \"Name\": \"ci-runner\", \"VMName\": \"ci-runner\", \"VMId\": \"6c1b2f0e-0000-4000-8000-0000000000c1\", \"ComputerName\": \"HV1\", \"Generation\": 2, \"State\": 3, \"ProcessorCount\": 2, \"MemoryStartup\": 1073741824 } ]";
        string firmware = "[ { \"VMName\": \"ci-runner\", \"VMId\": \"6c1b2f0e-0000-4000-8000-0000000000c1\", \"ComputerName\": \"HV1\", \"SecureBoot\": 0, \"BootOrder\": [], " + template + " } ]";
        Assert.Equal(inferred, RunFiles(new[] { ("vms.json", vms), ("firmware.json", firmware) }).Profile.Profile.Id);
    }

    private const string Kvp = "[ { \"VMName\": \"ci-runner\", \"VMId\": \"6c1b2f0e-0000-4000-8000-0000000000c1\", \"ComputerName\": \"HV1\", \"GuestIntrinsicExchangeItems\": { \"OSName\": \"Ubuntu 22.04 LTS\" } } ]";

    private static string Firmware(string id) =>
        "[ { \"VMName\": \"ci-runner\", \"VMId\": \"6c1b2f0e-0000-4000-8000-0000000000c1\", \"ComputerName\": \"HV1\", \"SecureBoot\": 0, \"BootOrder\": [], \"SecureBootTemplateId\": \"" + id + "\" } ]";

    [Theory]
    [InlineData("1734c6e8-3154-4dda-ba5f-a874cc483422", 1)]
    [InlineData("272e7447-90a4-4563-a4b9-8e4ab00526ce", 0)]
    public void From_Get_VMFirmware_SecureBootTemplateId_where_the_name_is_absent(string id, int expected) =>
        Assert.Equal(expected, RunFiles(new[] { ("kvp.json", Kvp), ("firmware.json", Firmware(id)) }).Of("HV4006").Length);

    private static string CimXml(string id) =>
        "<INSTANCE CLASSNAME=\"Msvm_VirtualSystemSettingData\"><PROPERTY NAME=\"InstanceID\" TYPE=\"string\"><VALUE>Microsoft:6C1B2F0E-0000-4000-8000-0000000000C2</VALUE></PROPERTY>"
        + "<PROPERTY NAME=\"ElementName\" TYPE=\"string\"><VALUE>ci-runner2</VALUE></PROPERTY><PROPERTY NAME=\"VirtualSystemSubType\" TYPE=\"string\"><VALUE>Microsoft:Hyper-V:SubType:2</VALUE></PROPERTY>"
        + "<PROPERTY NAME=\"SecureBootEnabled\" TYPE=\"boolean\"><VALUE>TRUE</VALUE></PROPERTY><PROPERTY NAME=\"SecureBootTemplateId\" TYPE=\"string\"><VALUE>" + id + "</VALUE></PROPERTY></INSTANCE>";

    [Fact]
    public void The_template_ID_in_CIM_XML_names_the_template()
    {
        // CIM-XML does not carry the guest: a pack of HvLint's own reads what the reader made of the template.
        string windows = CimXml("{1734C6E8-3154-4DDA-BA5F-A874CC483422}"), uefi = CimXml("{272E7447-90A4-4563-A4B9-8E4AB00526CE}");
        Assert.Equal("MicrosoftWindows", Template(windows));
        Assert.Equal("MicrosoftUEFICertificateAuthority", Template(uefi));
        Assert.Null(Template(CimXml("{00000000-0000-0000-0000-000000000001}")));
    }

    [Fact]
    public void A_template_ID_in_CIM_XML_is_evidence_of_2016() =>
        Assert.Equal("hyperv-2016", RunFiles(new[] { ("settings.xml", CimXml("{00000000-0000-0000-0000-000000000001}")) }).Profile.Profile.Id);

    private static string? Template(string cimXml)
    {
        var reader = new HvLint.Readers.Cim.CimXmlReader();
        reader.Read("settings.xml", new StringReader(cimXml));
        var consumer = new CollectingConsumer();
        reader.Complete(consumer);
        HvLint.Model.VirtualMachine vm = Assert.Single(consumer.Vms);
        return vm.SecureBootTemplate.IsKnown ? vm.SecureBootTemplate.Value : null;
    }
}
