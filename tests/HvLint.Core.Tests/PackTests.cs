using HvLint.Engine;
using HvLint.Model;
using HvLint.Packs;
using HvLint.Profiles;

namespace HvLint.Tests;

public class PackTests
{
    private static string Pack(string rules) => "{ \"name\": \"test\", \"rules\": [ " + rules + " ] }";

    private static string Rule(string id, string target, string assert, string? when = null, string message = "{name} fails") =>
        "{ \"id\": \"" + id + "\", \"title\": \"t\", \"severity\": \"warning\", \"description\": \"d\", \"helpUri\": \"https://example.com/" + id + "\", \"target\": \"" + target + "\", "
        + (when == null ? string.Empty : "\"when\": " + when + ", ") + "\"assert\": " + assert + ", \"message\": \"" + message + "\" }";

    private static AuditResult Run(string pack, string inventory)
    {
        RulePack p = RulePack.Parse("pack.json", pack);
        Assert.Empty(p.Problems);
        var options = new AuditOptions();
        options.Packs.Add(p);
        return Auditor.Run(new[] { InputDocument.FromText("inventory.json", inventory) }, options);
    }

    private static string Vm(string props) => "{ \"virtualMachines\": [ { \"name\": \"vm1\", " + props + " } ] }";

    [Theory]
    [InlineData("FALSE", 1)]
    [InlineData("TRUE", 0)]
    public void Secure_Boot_is_read_from_Msvm_VirtualSystemSettingData_in_CIM_XML(string value, int expected)
    {
        string cim = "<INSTANCE CLASSNAME=\"Msvm_VirtualSystemSettingData\"><PROPERTY NAME=\"InstanceID\" TYPE=\"string\"><VALUE>Microsoft:5A1E0000-0000-4000-8000-000000000002</VALUE></PROPERTY>"
            + "<PROPERTY NAME=\"ElementName\" TYPE=\"string\"><VALUE>app22</VALUE></PROPERTY><PROPERTY NAME=\"SecureBootEnabled\" TYPE=\"boolean\"><VALUE>" + value + "</VALUE></PROPERTY></INSTANCE>";
        AuditResult result = Run(Pack(Rule("SBT001", "vm", "{ \"field\": \"secureBoot\", \"equals\": true }")), cim);
        Assert.Equal(expected, result.Findings.Count(f => f.RuleId == "SBT001"));
    }

    public static TheoryData<string, string, int> Conditions => new()
    {
        // equals with a size, on a known and an unknown value
        { "{ \"field\": \"memoryStartup\", \"greaterOrEquals\": \"2GB\" }", "\"memoryStartup\": \"1GB\"", 1 },
        { "{ \"field\": \"memoryStartup\", \"greaterOrEquals\": \"2GB\" }", "\"memoryStartup\": \"2GB\"", 0 },
        { "{ \"field\": \"memoryStartup\", \"greaterOrEquals\": \"2GB\" }", "\"processorCount\": 2", 0 },
        { "{ \"field\": \"generation\", \"equals\": 2 }", "\"generation\": 1", 1 },
        { "{ \"field\": \"generation\", \"notEquals\": 1 }", "\"generation\": 1", 1 },
        { "{ \"field\": \"state\", \"in\": [\"Off\", \"Saved\"] }", "\"state\": \"Running\"", 1 },
        { "{ \"field\": \"state\", \"notIn\": [\"Running\"] }", "\"state\": 2", 1 },
        { "{ \"field\": \"name\", \"match\": \"^[a-z]+-[0-9]{2}$\" }", "\"processorCount\": 1", 1 },
        { "{ \"field\": \"name\", \"startsWith\": \"VM\" }", "\"processorCount\": 1", 0 },
        { "{ \"field\": \"notes\", \"exists\": true }", "\"processorCount\": 1", 1 },
        { "{ \"field\": \"notes\", \"hasValue\": true }", "\"notes\": \"\"", 1 },
        { "{ \"field\": \"networkAdapters\", \"count\": 1 }", "\"networkAdapters\": []", 1 },
        { "{ \"field\": \"networkAdapters\", \"less\": 2 }", "\"networkAdapters\": [ { \"name\": \"a\" }, { \"name\": \"b\" } ]", 1 },
        { "{ \"field\": \"roles\", \"contains\": \"production\" }", "\"roles\": [\"web\"]", 1 },
        { "{ \"not\": { \"field\": \"isTemplate\", \"equals\": true } }", "\"isTemplate\": true", 1 },
        // The firmware and storage settings, whatever spelling the input used (OnOffState 1 is Off).
        { "{ \"field\": \"secureBoot\", \"equals\": true }", "\"secureBoot\": 1", 1 },
        { "{ \"field\": \"secureBootTemplate\", \"equals\": \"MicrosoftUEFICertificateAuthority\" }", "\"secureBootTemplate\": \"MicrosoftWindows\"", 1 },
        { "{ \"field\": \"allowFullScsiCommandSet\", \"equals\": false }", "\"allowFullScsiCommandSet\": false", 0 },
        { "{ \"anyOf\": [ { \"field\": \"generation\", \"equals\": 2 }, { \"field\": \"isClustered\", \"equals\": true } ] }", "\"generation\": 1", 0 },
        { "{ \"anyOf\": [ { \"field\": \"generation\", \"equals\": 2 }, { \"field\": \"isClustered\", \"equals\": true } ] }", "\"generation\": 1, \"isClustered\": false", 1 },
        { "{ \"allOf\": [ { \"field\": \"generation\", \"equals\": 2 }, { \"field\": \"isClustered\", \"equals\": true } ] }", "\"generation\": 1", 1 },
        { "{ \"field\": \"networkAdapters\", \"allOf\": [ { \"field\": \"isLegacy\", \"equals\": false } ] }", "\"networkAdapters\": [ { \"name\": \"a\", \"isLegacy\": false }, { \"name\": \"b\", \"isLegacy\": true } ]", 1 },
        { "{ \"field\": \"networkAdapters\", \"allOf\": [ { \"field\": \"isLegacy\", \"equals\": false } ] }", "\"networkAdapters\": [ { \"name\": \"a\", \"isLegacy\": false }, { \"name\": \"b\" } ]", 0 },
        { "{ \"field\": \"networkAdapters\", \"anyOf\": [ { \"field\": \"vlan.accessVlanId\", \"equals\": 40 } ] }", "\"networkAdapters\": [ { \"name\": \"a\", \"vlan\": { \"operationMode\": \"Access\", \"accessVlanId\": 10 } } ]", 1 },
        { "{ \"field\": \"integrationServices.services.VSS\", \"equals\": true }", "\"integrationServices\": { \"services\": { \"Backup (volume shadow copy)\": false } }", 1 },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void A_condition_fires_only_when_it_is_known_to_be_false(string assert, string vmProps, int expected)
    {
        var result = Run(Pack(Rule("TST001", "vm", assert)), Vm(vmProps));
        Assert.Equal(expected, result.Findings.Count(f => f.RuleId == "TST001"));
    }

    [Fact]
    public void Adapter_rules_see_their_VM_and_report_at_the_value()
    {
        string pack = Pack(Rule("DMZ040", "networkAdapter", "{ \"field\": \"vlan.accessVlanId\", \"equals\": 40 }", "{ \"field\": \"switchName\", \"equals\": \"DMZ\" }", "{vm.name} adapter {name} on DMZ has VLAN {vlan.accessVlanId}"));
        string inventory = "{ \"virtualMachines\": [ { \"name\": \"web1\",\n \"networkAdapters\": [ { \"name\": \"n1\", \"switchName\": \"DMZ\", \"vlan\": { \"operationMode\": \"Access\",\n \"accessVlanId\": 12 } }, { \"name\": \"n2\", \"switchName\": \"LAN\" } ] } ] }";
        Finding f = Run(pack, inventory).Findings.Single();
        Assert.Equal("web1 adapter n1 on DMZ has VLAN 12", f.Message);
        Assert.Equal((3, 18), (f.Location.Line, f.Location.Column));
        Assert.Equal("vm:web1/adapter:n1", f.Subject);
    }

    [Fact]
    public void Switch_and_host_rules()
    {
        string pack = Pack(Rule("NET001", "switch", "{ \"field\": \"allowManagementOS\", \"equals\": false }", "{ \"field\": \"switchType\", \"equals\": \"External\" }", "{host.name} shares {name}")
            + ", " + Rule("NET002", "host", "{ \"field\": \"physicalNetworkAdapters\", \"greaterOrEquals\": 4 }", message: "{name} has {physicalNetworkAdapters}"));
        string inventory = "{ \"hosts\": [ { \"name\": \"hv1\", \"physicalNetworkAdapters\": [ { \"name\": \"A\" }, { \"name\": \"B\" } ], \"virtualSwitches\": [ { \"name\": \"ext\", \"switchType\": 2, \"allowManagementOS\": true, \"netAdapterNames\": [\"A\"] } ] } ] }";
        var findings = Run(pack, inventory).Findings.Where(f => !f.RuleId.StartsWith("HV")).ToList();
        Assert.Equal(new[] { "NET001", "NET002" }, findings.Select(f => f.RuleId).OrderBy(x => x));
        Assert.Contains(findings, f => f.Message == "hv1 shares ext");
    }

    [Fact]
    public void Size_placeholders_read_as_sizes()
    {
        string pack = Pack(Rule("MEM001", "vm", "{ \"field\": \"memoryStartup\", \"greater\": \"1GB\" }", message: "{name} has {memoryStartup:size}"));
        Assert.Equal("vm1 has 512 MB", Run(pack, Vm("\"memoryStartup\": \"512MB\"")).Findings.Single().Message);
    }

    public static TheoryData<string, string> BrokenPacks => new()
    {
        { "{ \"name\": \"x\", \"rules\": [ { \"id\": \"HV1234\", \"title\": \"t\", \"severity\": \"error\", \"description\": \"d\", \"helpUri\": \"https://e.com\", \"target\": \"vm\", \"assert\": { \"field\": \"generation\", \"equals\": 2 }, \"message\": \"m\" } ] }", "the HV prefix belongs to HvLint" },
        { "{ \"rules\": [ { \"id\": \"ABC001\", \"title\": \"t\", \"severity\": \"loud\", \"description\": \"d\", \"helpUri\": \"https://e.com\", \"target\": \"vm\", \"assert\": { \"field\": \"generation\", \"equals\": 2 }, \"message\": \"m\" } ] }", "severity must be info, warning or error" },
        { "{ \"rules\": [ { \"id\": \"ABC001\", \"title\": \"t\", \"severity\": \"error\", \"description\": \"d\", \"helpUri\": \"https://e.com\", \"target\": \"vm\", \"assert\": { \"field\": \"genration\", \"equals\": 2 }, \"message\": \"m\" } ] }", "unknown field 'genration' on a vm" },
        { "{ \"rules\": [ { \"id\": \"ABC001\", \"title\": \"t\", \"severity\": \"error\", \"description\": \"d\", \"helpUri\": \"https://e.com\", \"target\": \"vm\", \"assert\": { \"field\": \"generation\", \"isExactly\": 2 }, \"message\": \"m\" } ] }", "exactly one operator" },
        { "{ \"rules\": [ { \"id\": \"ABC001\", \"title\": \"t\", \"severity\": \"error\", \"description\": \"d\", \"helpUri\": \"https://e.com\", \"target\": \"vm\", \"assert\": { \"field\": \"name\", \"match\": \"([\" }, \"message\": \"m\" } ] }", "valid regular expression" },
        { "{ \"rules\": [ { \"id\": \"ABC001\", \"title\": \"t\", \"severity\": \"error\", \"description\": \"d\", \"helpUri\": \"https://e.com\", \"target\": \"vm\", \"message\": \"m\" } ] }", "needs an 'assert'" },
        { "{ \"rules\": [ { \"id\": \"ABC001\", \"title\": \"t\", \"severity\": \"error\", \"description\": \"d\", \"helpUri\": \"https://e.com\", \"target\": \"cluster\", \"assert\": { \"field\": \"name\", \"exists\": true }, \"message\": \"m\" } ] }", "target 'cluster'" },
        { "{ \"rules\": [ { \"id\": \"ABC001\", \"title\": \"t\", \"severity\": \"error\", \"description\": \"d\", \"helpUri\": \"https://e.com\", \"target\": \"vm\", \"assert\": { \"field\": \"name\", \"exists\": true }, \"message\": \"{nmae}\" } ] }", "unknown field 'nmae'" },
        { "{ \"rules\": [ ", "malformed JSON" },
    };

    [Theory]
    [MemberData(nameof(BrokenPacks))]
    public void A_broken_pack_is_reported_with_its_position_and_no_broken_rule_loads(string json, string message)
    {
        RulePack pack = RulePack.Parse("pack.json", json);
        var problem = Assert.Single(pack.Problems);
        Assert.Contains(message, problem.Value);
        Assert.True(problem.Key.Line >= 1 && problem.Key.Column >= 1);
        Assert.Empty(pack.Rules);
    }

    [Fact]
    public void The_valid_rules_of_a_pack_with_a_broken_one_still_run_and_the_problem_is_HV9003()
    {
        string pack = Pack(Rule("GEN002", "vm", "{ \"field\": \"generation\", \"equals\": 2 }") + ", " + Rule("GEN003", "vm", "{ \"field\": \"generaton\", \"equals\": 2 }"));
        RulePack p = RulePack.Parse("pack.json", pack);
        var options = new AuditOptions();
        options.Packs.Add(p);
        var result = Auditor.Run(new[] { InputDocument.FromText("inventory.json", Vm("\"generation\": 1")) }, options);
        Assert.Equal(new[] { "GEN002", "HV9003" }, result.Findings.Select(f => f.RuleId).OrderBy(x => x));
        Assert.True(result.Incomplete);
    }

    [Fact]
    public void Rule_IDs_must_be_unique_across_packs()
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Assert.Empty(RulePack.Parse("a.json", Pack(Rule("DUP001", "vm", "{ \"field\": \"name\", \"exists\": true }")), ids).Problems);
        Assert.Contains("used twice", RulePack.Parse("b.json", Pack(Rule("DUP001", "vm", "{ \"field\": \"name\", \"exists\": true }")), ids).Problems.Single().Value);
    }
}
