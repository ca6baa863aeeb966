using HvLint.Engine;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV2005 from the Best Practices Analyzer's rule 109 (hyperv-facts.md §4.3), in each format that carries the setting, and silent where it is off or unknown. The page's own examples run in DocumentationTests.</summary>
public class HV2005Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        { Vm("\"allowFullScsiCommandSet\": true"), 1 },
        { Vm("\"allowFullScsiCommandSet\": false"), 0 },
        { Vm("\"processorCount\": 2"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV2005", json, expected);

    private static string ConfigurationXml(string value) => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <configuration>
          <global_settings>
            <devices>
              <storage_allow_full_scsi_command_set type="bool">{value}</storage_allow_full_scsi_command_set>
            </devices>
          </global_settings>
          <properties>
            <name type="string">tape01</name>
            <subtype type="integer">0</subtype>
          </properties>
        </configuration>
        """;

    private static string CimXml(string value) =>
        "<INSTANCE CLASSNAME=\"Msvm_VirtualSystemSettingData\"><PROPERTY NAME=\"InstanceID\" TYPE=\"string\"><VALUE>Microsoft:5A1E0000-0000-4000-8000-000000000001</VALUE></PROPERTY>"
        + "<PROPERTY NAME=\"ElementName\" TYPE=\"string\"><VALUE>tape02</VALUE></PROPERTY><PROPERTY NAME=\"AllowFullSCSICommandSet\" TYPE=\"boolean\"><VALUE>" + value + "</VALUE></PROPERTY></INSTANCE>";

    [Theory]
    [InlineData("True", 1)]
    [InlineData("False", 0)]
    public void From_the_configuration_XML_storage_setting(string value, int expected)
    {
        AuditResult result = RunFiles(new[] { ("vm.xml", ConfigurationXml(value)) });
        Assert.Equal(expected, result.Of("HV2005").Length);
        if (expected == 1) Assert.Equal(5, result.Of("HV2005")[0].Location.Line); // at the setting itself
    }

    [Theory]
    [InlineData("TRUE", 1)]
    [InlineData("FALSE", 0)]
    public void From_Msvm_VirtualSystemSettingData_in_CIM_XML(string value, int expected) =>
        Assert.Equal(expected, RunFiles(new[] { ("settings.xml", CimXml(value)) }).Of("HV2005").Length);
}
