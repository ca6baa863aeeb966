using HvLint.Engine;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV2006 from hyperv-facts.md §1.1 and §2 (one floppy drive, on Generation 1 only), in each format that carries the floppy disk, and silent on Generation 1 and where the generation is unknown. The page's own examples run in DocumentationTests.</summary>
public class HV2006Tests
{
    private static string Floppy(string generation, string disk) => Vm("\"generation\": " + generation + ", \"floppyDisk\": " + disk, "hyperv-2016");

    public static TheoryData<string, int> Cases => new()
    {
        { Floppy("2", "\"D:\\\\unattend\\\\autounattend.vfd\""), 1 },
        { Floppy("1", "\"D:\\\\unattend\\\\autounattend.vfd\""), 0 },
        // An empty drive says nothing; the generation unknown on a profile with Generation 2 says nothing either.
        { Floppy("2", "null"), 0 },
        { Floppy("2", "\"\""), 0 },
        { Vm("\"floppyDisk\": \"a.vfd\"", "hyperv-2016"), 0 },
        // A release without Generation 2: the VM is Generation 1.
        { Vm("\"floppyDisk\": \"a.vfd\"", "hyperv-2008r2"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV2006", json, expected);

    [Fact]
    public void The_message_names_the_disk()
    {
        Finding f = Assert.Single(Run(Floppy("2", "\"D:\\\\unattend\\\\autounattend.vfd\"")).Of("HV2006"));
        Assert.Contains("'D:\\unattend\\autounattend.vfd'", f.Message, StringComparison.Ordinal);
    }

    private static string GetVm(string generation, string floppy) =>
        "[ { \"Name\": \"win-unattend\", \"Id\": \"6c1b2f0e-0000-4000-8000-0000000000f1\", \"VMId\": \"6c1b2f0e-0000-4000-8000-0000000000f1\", \"ComputerName\": \"HV1\", "
        + "\"Generation\": " + generation + ", \"State\": 3, \"ProcessorCount\": 2, \"MemoryStartup\": 4294967296, \"Version\": \"8.0\", \"FloppyDrive\": " + floppy + " } ]";

    [Theory]
    [InlineData("2", "{ \"Path\": \"C:\\\\vfd\\\\answers.vfd\", \"VMName\": \"win-unattend\" }", 1)]
    [InlineData("1", "{ \"Path\": \"C:\\\\vfd\\\\answers.vfd\", \"VMName\": \"win-unattend\" }", 0)]
    [InlineData("1", "{ \"Path\": null, \"VMName\": \"win-unattend\" }", 0)]
    [InlineData("2", "null", 0)]
    // Written out of depth as its type name: nothing known.
    [InlineData("2", "\"Microsoft.HyperV.PowerShell.VMFloppyDiskDrive\"", 0)]
    public void From_Get_VM_FloppyDrive(string generation, string floppy, int expected) =>
        Assert.Equal(expected, RunFiles(new[] { ("vms.json", GetVm(generation, floppy)) }).Of("HV2006").Length);

    private static string CimXml(string subType) =>
        "<INSTANCE CLASSNAME=\"Msvm_VirtualSystemSettingData\"><PROPERTY NAME=\"InstanceID\" TYPE=\"string\"><VALUE>Microsoft:6C1B2F0E-0000-4000-8000-0000000000F2</VALUE></PROPERTY>"
        + "<PROPERTY NAME=\"ElementName\" TYPE=\"string\"><VALUE>win-unattend2</VALUE></PROPERTY><PROPERTY NAME=\"VirtualSystemSubType\" TYPE=\"string\"><VALUE>Microsoft:Hyper-V:SubType:2</VALUE></PROPERTY></INSTANCE>"
        + "<INSTANCE CLASSNAME=\"Msvm_StorageAllocationSettingData\"><PROPERTY NAME=\"InstanceID\" TYPE=\"string\"><VALUE>Microsoft:6C1B2F0E-0000-4000-8000-0000000000F2\\\\F1\\\\0\\\\0\\\\L</VALUE></PROPERTY>"
        + "<PROPERTY NAME=\"ResourceSubType\" TYPE=\"string\"><VALUE>" + subType + "</VALUE></PROPERTY>"
        + "<PROPERTY.ARRAY NAME=\"HostResource\" TYPE=\"string\"><VALUE.ARRAY><VALUE>C:\\vfd\\answers.vfd</VALUE></VALUE.ARRAY></PROPERTY.ARRAY></INSTANCE>";

    [Fact]
    public void From_a_Virtual_Floppy_Disk_resource_in_CIM_XML()
    {
        AuditResult result = RunFiles(new[] { ("settings.xml", CimXml("Microsoft:Hyper-V:Virtual Floppy Disk")) });
        Assert.Contains("'C:\\vfd\\answers.vfd'", Assert.Single(result.Of("HV2006")).Message, StringComparison.Ordinal);
        Assert.Empty(RunFiles(new[] { ("settings.xml", CimXml("Microsoft:Hyper-V:Virtual CD/DVD Disk")) }).Of("HV2006"));
    }
}
