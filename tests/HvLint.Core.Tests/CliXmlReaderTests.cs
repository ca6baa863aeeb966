using System.Globalization;
using System.Text;
using System.Xml;
using HvLint.Engine;
using Newtonsoft.Json.Linq;
using static HvLint.Tests.Audit;

namespace HvLint.Tests;

/// <summary>
/// Export-Clixml output of the Hyper-V cmdlets (Get-VM | Export-Clixml vms.xml), read as their ConvertTo-Json output
/// is. The fixtures are written by hand in the shape [MS-PSRP] 2.2.5 gives PowerShell's serialization, or made here
/// from the repository's JSON samples, typed as the cmdlets' properties are.
/// </summary>
public class CliXmlReaderTests
{
    private const string Head = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n";

    // Get-VM of a Generation 2 VM with 72 vCPUs, left paused, with its adapter from Get-VMNetworkAdapter: a legacy one.
    private const string Vms = Head
        + "  <Obj RefId=\"0\">\n"
        + "    <TN RefId=\"0\"><T>Microsoft.HyperV.PowerShell.VirtualMachine</T><T>Microsoft.HyperV.PowerShell.VirtualMachineBase</T><T>System.Object</T></TN>\n"
        + "    <ToString>VirtualMachine (Name = 'app_x0020_01')</ToString>\n"
        + "    <Props>\n"
        + "      <S N=\"Name\">app_x0020_01</S>\n"
        + "      <G N=\"Id\">6f1e2c3a-0000-4000-8000-000000000001</G>\n"
        + "      <G N=\"VMId\">6f1e2c3a-0000-4000-8000-000000000001</G>\n"
        + "      <S N=\"ComputerName\">HV1</S>\n"
        + "      <I32 N=\"Generation\">2</I32>\n"
        + "      <Obj N=\"State\" RefId=\"1\"><TN RefId=\"1\"><T>Microsoft.HyperV.PowerShell.VMState</T><T>System.Enum</T><T>System.ValueType</T><T>System.Object</T></TN><ToString>Paused</ToString><I32>9</I32></Obj>\n"
        + "      <I64 N=\"ProcessorCount\">72</I64>\n"
        + "      <I64 N=\"MemoryStartup\">4294967296</I64>\n"
        + "      <S N=\"Version\">5.0</S>\n"
        + "    </Props>\n"
        + "  </Obj>\n"
        + "  <Obj RefId=\"2\">\n"
        + "    <TN RefId=\"2\"><T>Microsoft.HyperV.PowerShell.VMNetworkAdapter</T><T>System.Object</T></TN>\n"
        + "    <Props>\n"
        + "      <S N=\"VMName\">app_x0020_01</S>\n"
        + "      <G N=\"VMId\">6f1e2c3a-0000-4000-8000-000000000001</G>\n"
        + "      <S N=\"ComputerName\">HV1</S>\n"
        + "      <B N=\"IsManagementOs\">false</B>\n"
        + "      <S N=\"Name\">Legacy Network Adapter</S>\n"
        + "      <B N=\"IsLegacy\">true</B>\n"
        + "      <S N=\"SwitchName\">External</S>\n"
        + "    </Props>\n"
        + "  </Obj>\n"
        + "</Objs>\n";

    [Fact]
    public void Select_Object_s_copy_of_a_VM_is_read_as_the_type_its_first_type_name_names()
    {
        // Get-VM | Select-Object Name, Generation, ProcessorCount | Export-Clixml: note properties whose names tell no cmdlet.
        string selected = Head
            + "  <Obj RefId=\"0\">\n"
            + "    <TN RefId=\"0\"><T>Selected.Microsoft.HyperV.PowerShell.VirtualMachine</T><T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN>\n"
            + "    <MS>\n"
            + "      <S N=\"Name\">sql01</S>\n"
            + "      <I32 N=\"Generation\">1</I32>\n"
            + "      <I64 N=\"ProcessorCount\">72</I64>\n"
            + "    </MS>\n"
            + "  </Obj>\n"
            + "</Objs>\n";
        AuditResult result = RunFiles(new[] { ("vms.xml", selected) }, "hyperv-2012r2");
        Assert.Empty(result.Of("HV9001"));
        Finding processors = Assert.Single(result.Of("HV1001"));
        Assert.Contains("VM 'sql01' has 72 virtual processors", processors.Message, StringComparison.Ordinal);
        Assert.Equal(("vms.xml", 7, 7), (processors.Location.Path, processors.Location.Line, processors.Location.Column));

        // The same object with only its custom type names is no cmdlet's.
        AuditResult untyped = RunFiles(new[] { ("vms.xml", selected.Replace("<T>Selected.Microsoft.HyperV.PowerShell.VirtualMachine</T>", string.Empty, StringComparison.Ordinal)) }, "hyperv-2012r2");
        Assert.Equal(0, untyped.VirtualMachines);
        Assert.Contains("an object no Hyper-V cmdlet HvLint reads writes", Assert.Single(untyped.Of("HV9001")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_VM_and_its_adapter_written_by_Export_Clixml_give_the_findings_their_JSON_gives()
    {
        AuditResult result = RunFiles(new[] { ("vms.xml", Vms) }, "hyperv-2012r2");
        Assert.Empty(result.Of("HV9001"));
        Assert.Equal(1, result.VirtualMachines);
        // 72 vCPUs (2012 R2: 64 for Generation 2), at the <I64> that says so; the name's _x0020_ is a blank.
        Finding processors = Assert.Single(result.Of("HV1001"));
        Assert.Contains("VM 'app 01' has 72 virtual processors", processors.Message, StringComparison.Ordinal);
        Assert.Equal(("vms.xml", 12, 7), (processors.Location.Path, processors.Location.Line, processors.Location.Column));
        // The legacy adapter on Generation 2, and State: the enumeration's number, 9 (Paused).
        Assert.Single(result.Of("HV3003"));
        Assert.Equal(11, Assert.Single(result.Of("HV6006")).Location.Line);
    }

    [Fact]
    public void A_list_a_table_and_a_Ref_to_an_object_written_before_are_read_as_ConvertTo_Json_writes_them()
    {
        JToken root = Load(Head
            + "<Obj RefId=\"0\"><TN RefId=\"0\"><T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN><MS>\n"
            + "  <Obj N=\"Names\" RefId=\"1\"><TN RefId=\"1\"><T>System.Collections.ArrayList</T><T>System.Object</T></TN><LST><S>a</S><I32>2</I32><Nil /></LST></Obj>\n"
            + "  <Obj N=\"Table\" RefId=\"2\"><TN RefId=\"2\"><T>System.Collections.Hashtable</T><T>System.Object</T></TN><DCT><En><S N=\"Key\">k</S><B N=\"Value\">true</B></En></DCT></Obj>\n"
            + "  <Ref N=\"Again\" RefId=\"1\" />\n"
            + "  <Version N=\"IntegrationServicesVersion\">6.3.9600.18080</Version>\n"
            + "  <U64 N=\"Huge\">18446744073709551615</U64>\n"
            + "</MS></Obj>\n"
            + "<Obj RefId=\"3\"><TNRef RefId=\"0\" /><MS><S N=\"Name\">second</S></MS></Obj>\n"
            + "</Objs>\n");
        Assert.Equal(
            """[{"Names":["a",2,null],"Table":{"k":true},"Again":["a",2,null],"IntegrationServicesVersion":{"Major":6,"Minor":3,"Build":9600,"Revision":18080},"Huge":18446744073709551615},{"Name":"second"}]""",
            root.ToString(Newtonsoft.Json.Formatting.None));
    }

    [Fact]
    public void Refs_that_copy_copies_stop_growing()
    {
        // Each object holds ten Refs to the one before: 10^12 copies if each were made. Past the limit they are null.
        var bomb = new StringBuilder(Head + "<Obj RefId=\"0\"><MS><S N=\"x\">x</S></MS></Obj>\n");
        for (int level = 1; level <= 12; level++)
        {
            bomb.Append("<Obj RefId=\"").Append(level).Append("\"><MS>");
            for (int k = 0; k < 10; k++) bomb.Append("<Ref N=\"r").Append(k).Append("\" RefId=\"").Append(level - 1).Append("\" />");
            bomb.Append("</MS></Obj>\n");
        }

        JToken root = Load(bomb.Append("</Objs>\n").ToString());
        Assert.InRange(((JContainer)root).Descendants().LongCount(), 100_000, 3_000_000);
        Assert.Equal(JTokenType.Null, root.Last!["r9"]!.Type);

    }

    [Theory]
    [InlineData("vms.xml", "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">", "<Obj><MS><Obj N=\"a\">", "</Obj></MS></Obj>", "</Objs>")]
    [InlineData("vm.xml", "<configuration>", "<a>", "</a>", "</configuration>")]
    [InlineData("cim.xml", "<INSTANCE CLASSNAME=\"Msvm_ComputerSystem\">", "<a>", "</a>", "</INSTANCE>")]
    public void XML_nested_past_256_levels_is_HV9001_at_once(string name, string open, string inner, string close, string end)
    {
        // LINQ to XML takes time that grows with the square of the depth: 30,000 levels took 9 s before the limit.
        string deep = open + "\n" + string.Concat(Enumerable.Repeat(inner, 10_000)) + string.Concat(Enumerable.Repeat(close, 10_000)) + end + "\n";
        Finding problem = Assert.Single(RunFiles(new[] { (name, deep) }).Of("HV9001"));
        Assert.Contains("elements nested more than 256 deep", problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, problem.Location.Line);
    }

    [Fact]
    public void Malformed_CLIXML_is_HV9001_at_its_position_and_the_other_files_are_still_audited()
    {
        AuditResult result = RunFiles(new[] { ("broken.xml", Head + "  <Obj RefId=\"0\">\n    <Props><S N=\"Name\">x</Props>\n</Objs>\n"), ("vms.xml", Vms) }, "hyperv-2012r2");
        Finding problem = Assert.Single(result.Of("HV9001"));
        Assert.Equal(("broken.xml", 3), (problem.Location.Path, problem.Location.Line));
        Assert.StartsWith("malformed XML", problem.Message, StringComparison.Ordinal);
        Assert.Single(result.Of("HV1001"));
    }

    /// <summary>
    /// Each JSON sample of cmdlet output, written again as Export-Clixml would write the same objects, gives the same
    /// findings, but for where they are.
    /// </summary>
    [Theory]
    [InlineData("HV-PS-01")]
    [InlineData("HV-PS-03")]
    public void The_PowerShell_samples_written_as_CLIXML_give_the_findings_their_JSON_gives(string host)
    {
        string folder = Path.Combine(SamplesFolder(), "powershell", host);
        var json = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var xml = json.Select(f => (Path.ChangeExtension(f.Item1, ".xml"), ToCliXml(JToken.Parse(f.Item2)))).ToList();
        // Where a finding is, and the name of the file and of the cmdlet that wrote it, differ.
        string[] Findings(AuditResult r) => r.Findings.Select(f => f.Descriptor.Id + " " + f.Subject.Replace(".json", string.Empty, StringComparison.Ordinal).Replace(".xml", string.Empty, StringComparison.Ordinal)
            + " " + f.Message.Replace(".json:", ":", StringComparison.Ordinal).Replace(".xml:", ":", StringComparison.Ordinal).Replace("Export-Clixml", "ConvertTo-Json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        string[] expected = Findings(RunFiles(json));
        Assert.True(expected.Length >= 2, string.Join("\n", expected));
        Assert.Equal(expected, Findings(RunFiles(xml)));
    }

    private static JToken Load(string xml) =>
        HvLint.Readers.PowerShell.CliXml.Load("t.xml", new StringReader(xml), (at, message) => throw new InvalidOperationException(at + ": " + message))!;

    /// <summary>
    /// JSON as CLIXML: an object's properties as note properties, a whole number as I64, text as S (escaped as CLIXML
    /// escapes it), true/false as B, null as Nil, an array as a list.
    /// </summary>
    private static string ToCliXml(JToken json)
    {
        var text = new StringBuilder(Head);
        int refId = 0;
        void Write(JToken value, string? name)
        {
            string n = name == null ? string.Empty : " N=\"" + XmlConvert.EncodeName(name).Replace("\"", "&quot;", StringComparison.Ordinal) + "\"";
            switch (value)
            {
                case JObject o:
                    text.Append("<Obj").Append(n).Append(" RefId=\"").Append(refId++).Append("\"><MS>");
                    foreach (JProperty p in o.Properties()) Write(p.Value, p.Name);
                    text.Append("</MS></Obj>\n");
                    break;
                case JArray a:
                    text.Append("<Obj").Append(n).Append(" RefId=\"").Append(refId++).Append("\"><LST>");
                    foreach (JToken item in a) Write(item, null);
                    text.Append("</LST></Obj>\n");
                    break;
                case JValue { Type: JTokenType.Integer } v:
                    text.Append("<I64").Append(n).Append('>').Append(Convert.ToString(v.Value, CultureInfo.InvariantCulture)).Append("</I64>");
                    break;
                case JValue { Type: JTokenType.Float } v:
                    text.Append("<Db").Append(n).Append('>').Append(Convert.ToString(v.Value, CultureInfo.InvariantCulture)).Append("</Db>");
                    break;
                case JValue { Type: JTokenType.Boolean } v:
                    text.Append("<B").Append(n).Append('>').Append((bool)v ? "true" : "false").Append("</B>");
                    break;
                case JValue { Type: JTokenType.Null }:
                    text.Append("<Nil").Append(n).Append(" />");
                    break;
                default:
                    string s = value.ToString().Replace("_x", "_x005F_x", StringComparison.Ordinal);
                    text.Append("<S").Append(n).Append('>').Append(System.Security.SecurityElement.Escape(s)).Append("</S>");
                    break;
            }
        }

        // The file's objects: its array's items, or the one object.
        foreach (JToken item in json is JArray all ? all : new JArray(json)) Write(item, null);
        return text.Append("</Objs>\n").ToString();
    }

    private static string SamplesFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "samples");
}
