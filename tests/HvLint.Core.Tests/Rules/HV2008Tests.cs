using HvLint.Engine;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>
/// HV2008 from the Best Practices Analyzer's rules 61 and 62 (hyperv-facts.md §4.3): VHD-format dynamic and
/// differencing disks, in the native inventory and through Get-VHD joined to the drives by path. The page's own examples
/// run in DocumentationTests.
/// </summary>
public class HV2008Tests
{
    private static string Disk(string path, string type, string more = "", string profile = "hyperv-2012r2") =>
        Vm("\"hardDrives\": [ { \"controllerType\": \"IDE\", \"controllerNumber\": 0, \"controllerLocation\": 0, \"path\": \"" + path + "\", \"vhdType\": " + type + " } ]" + more, profile);

    public static TheoryData<string, int> Cases => new()
    {
        { Disk("D:\\\\vms\\\\app01.vhd", "\"Dynamic\""), 1 },
        { Disk("D:\\\\vms\\\\app01.VHD", "4"), 1 },
        { Disk("D:\\\\vms\\\\app01.vhd", "\"Differencing\"", ", \"environment\": \"production\""), 1 },
        { Disk("D:\\\\vms\\\\app01.vhd", "\"Fixed\""), 0 },
        { Disk("D:\\\\vms\\\\app01.vhdx", "\"Dynamic\""), 0 },
        // A test VM; a release without VHDX (where a fixed disk is the only way out, which its BPA did not ask for).
        { Disk("D:\\\\vms\\\\app01.vhd", "\"Dynamic\"", ", \"environment\": \"test\""), 0 },
        { Disk("D:\\\\vms\\\\app01.vhd", "\"Dynamic\"", "", "hyperv-2008r2"), 0 },
        // The type unknown.
        { Vm("\"hardDrives\": [ { \"controllerType\": \"IDE\", \"controllerNumber\": 0, \"controllerLocation\": 0, \"path\": \"D:\\\\vms\\\\app01.vhd\" } ]", "hyperv-2012r2"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV2008", json, expected);

    [Fact]
    public void A_type_Hyper_V_does_not_have_is_HV9001() =>
        Assert.Contains("'vhdType'", Assert.Single(Run(Disk("D:\\\\vms\\\\app01.vhd", "\"Sparse\"")).Of("HV9001")).Message, StringComparison.Ordinal);

    private const string Os = "[ { \"Caption\": \"Microsoft Windows Server 2012 R2 Datacenter\", \"Version\": \"6.3.9600\", \"OSArchitecture\": \"64-bit\", \"CSName\": \"HV1\" } ]";

    private static string HardDrive(string path) =>
        "[ { \"VMName\": \"app01\", \"VMId\": \"6c1b2f0e-0000-4000-8000-0000000000b1\", \"ComputerName\": \"HV1\", \"ControllerType\": 0, \"ControllerNumber\": 0, \"ControllerLocation\": 0, \"Path\": \"" + path + "\" } ]";

    private static string GetVhd(string path, string type, string format) =>
        "[ { \"ComputerName\": \"HV1\", \"Path\": \"" + path + "\", \"VhdFormat\": " + format + ", \"VhdType\": " + type + ", \"Size\": 42949672960, \"ParentPath\": \"\" } ]";

    [Theory]
    [InlineData("D:\\\\vms\\\\app01.vhd", "D:\\\\VMS\\\\APP01.VHD", "3", "2", 1)]
    [InlineData("D:\\\\vms\\\\app01.vhd", "D:\\\\vms\\\\app01.vhd", "\"Differencing\"", "\"VHD\"", 1)]
    [InlineData("D:\\\\vms\\\\app01.vhd", "D:\\\\vms\\\\app01.vhd", "2", "2", 0)]
    // Get-VHD of another disk says nothing about this one; a VHD Set format is neither VHD nor VHDX.
    [InlineData("D:\\\\vms\\\\app01.vhd", "D:\\\\vms\\\\other.vhd", "3", "2", 0)]
    [InlineData("D:\\\\vms\\\\app01.vhds", "D:\\\\vms\\\\app01.vhds", "3", "4", 0)]
    public void From_Get_VHD_joined_by_path(string drivePath, string vhdPath, string type, string format, int expected)
    {
        AuditResult result = RunFiles(new[] { ("os.json", Os), ("harddrives.json", HardDrive(drivePath)), ("vhds.json", GetVhd(vhdPath, type, format)) });
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "HV9001");
        Assert.Equal(expected, result.Of("HV2008").Length);
        if (expected == 1) Assert.Equal("vhds.json", result.Of("HV2008")[0].Location.Path); // at Get-VHD's VhdType
    }
}
