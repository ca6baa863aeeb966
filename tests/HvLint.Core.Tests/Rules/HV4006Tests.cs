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
        // The template by its ID: MicrosoftWindows's (any case, braces or none), the UEFI CA template's, and one HvLint does not know.
        { Linux(", \"secureBoot\": \"On\", \"secureBootTemplate\": \"1734c6e8-3154-4dda-ba5f-a874cc483422\""), 1 },
        { Linux(", \"secureBoot\": \"On\", \"secureBootTemplate\": \"{1734C6E8-3154-4DDA-BA5F-A874CC483422}\""), 1 },
        { Linux(", \"secureBoot\": \"On\", \"secureBootTemplate\": \"272e7447-90a4-4563-a4b9-8e4ab00526ce\""), 0 },
        { Linux(", \"secureBoot\": \"On\", \"secureBootTemplate\": \"00000000-0000-0000-0000-000000000001\""), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV4006", json, expected);

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

    private static string? Template(string cimXml)
    {
        var reader = new HvLint.Readers.Cim.CimXmlReader();
        reader.Read("settings.xml", new StringReader(cimXml));
        var consumer = new Collect();
        reader.Complete(consumer);
        HvLint.Model.VirtualMachine vm = Assert.Single(consumer.Vms);
        return vm.SecureBootTemplate.IsKnown ? vm.SecureBootTemplate.Value : null;
    }

    private sealed class Collect : HvLint.Readers.IInventoryConsumer
    {
        public List<HvLint.Model.VirtualMachine> Vms { get; } = new();

        public void OnHost(HvLint.Model.Host host) => Vms.AddRange(host.VirtualMachines.Items);

        public void OnVirtualMachine(HvLint.Model.VirtualMachine vm) => Vms.Add(vm);

        public void OnProblem(HvLint.Rules.RuleDescriptor descriptor, HvLint.Model.SourceLocation location, string message) => Assert.Fail(message);
    }
}
