using HvLint.Engine;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>
/// HV6005 from Microsoft's checkpoint guide and hyperv-facts.md §4.2 (CheckpointType and UserSnapshotType: Disabled 2,
/// Production 3, ProductionOnly 4, Standard 5), in each format that carries the setting; silent for a VM known not to
/// be production and where the type is unknown. The page's own examples run in DocumentationTests.
/// </summary>
public class HV6005Tests
{
    private static string Type(string value, string more = "") => Vm("\"checkpointType\": " + value + more, "hyperv-2016");

    public static TheoryData<string, int> Cases => new()
    {
        { Type("\"Standard\""), 1 },
        { Type("5"), 1 },
        { Type("\"standard\"", ", \"environment\": \"production\""), 1 },
        // Unknown environment: the VM may run a production workload.
        { Type("\"Standard\"", ", \"roles\": [\"domain-controller\"]"), 1 },
        { Type("\"Production\""), 0 },
        { Type("3"), 0 },
        { Type("\"ProductionOnly\""), 0 },
        { Type("\"Disabled\""), 0 },
        // Standard checkpoints are meant for development and test.
        { Type("\"Standard\"", ", \"environment\": \"test\""), 0 },
        { Type("\"Standard\"", ", \"environment\": \"dev\""), 0 },
        { Vm("\"checkpointCount\": 2", "hyperv-2016"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV6005", json, expected);

    [Fact]
    public void A_checkpoint_type_Hyper_V_does_not_have_is_HV9001()
    {
        AuditResult result = Run(Type("\"Recovery\""));
        Assert.Contains("'checkpointType'", Assert.Single(result.Of("HV9001")).Message, StringComparison.Ordinal);
        Assert.Empty(result.Of("HV6005"));
        Assert.Single(Run(Type("6")).Of("HV9001"));
    }

    private static string GetVm(string checkpointType) =>
        "[ { \"Name\": \"dc01\", \"Id\": \"6c1b2f0e-0000-4000-8000-000000000001\", \"VMId\": \"6c1b2f0e-0000-4000-8000-000000000001\", \"ComputerName\": \"HV1\", "
        + "\"Generation\": 2, \"State\": 2, \"ProcessorCount\": 2, \"MemoryStartup\": 4294967296, \"Version\": \"8.0\", \"CheckpointType\": " + checkpointType + " } ]";

    [Theory]
    [InlineData("5", 1)]
    [InlineData("\"Standard\"", 1)]
    [InlineData("3", 0)]
    [InlineData("\"ProductionOnly\"", 0)]
    public void From_Get_VM_CheckpointType(string value, int expected)
    {
        AuditResult result = RunFiles(new[] { ("vms.json", GetVm(value)) });
        Assert.Equal(expected, result.Of("HV6005").Length);
        // At the value itself (1-based column of the token after "CheckpointType": ).
        if (expected == 1) Assert.Equal(GetVm(value).IndexOf("\"CheckpointType\": ", StringComparison.Ordinal) + "\"CheckpointType\": ".Length + 1, result.Of("HV6005")[0].Location.Column);
    }

    [Fact]
    public void A_Get_VM_CheckpointType_out_of_range_is_HV9001()
    {
        AuditResult result = RunFiles(new[] { ("vms.json", GetVm("7")) });
        Assert.Contains("'CheckpointType'", Assert.Single(result.Of("HV9001")).Message, StringComparison.Ordinal);
        Assert.Empty(result.Of("HV6005"));
    }

    private static string CimXml(string value) =>
        "<INSTANCE CLASSNAME=\"Msvm_VirtualSystemSettingData\"><PROPERTY NAME=\"InstanceID\" TYPE=\"string\"><VALUE>Microsoft:6C1B2F0E-0000-4000-8000-000000000002</VALUE></PROPERTY>"
        + "<PROPERTY NAME=\"ElementName\" TYPE=\"string\"><VALUE>dc02</VALUE></PROPERTY><PROPERTY NAME=\"UserSnapshotType\" TYPE=\"uint16\"><VALUE>" + value + "</VALUE></PROPERTY></INSTANCE>";

    [Theory]
    [InlineData("5", 1, 0)]
    [InlineData("3", 0, 0)]
    [InlineData("2", 0, 0)]
    [InlineData("9", 0, 1)]
    public void From_Msvm_VirtualSystemSettingData_UserSnapshotType_in_CIM_XML(string value, int expected, int unreadable)
    {
        AuditResult result = RunFiles(new[] { ("settings.xml", CimXml(value)) });
        Assert.Equal(expected, result.Of("HV6005").Length);
        Assert.Equal(unreadable, result.Of("HV9001").Length);
    }
}
