using HvLint.Engine;
using HvLint.Packs;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace HvLint.Cli.Tests;

/// <summary>The shipped pack's rules on their sources' thresholds, and packs end to end through hvlint.json.</summary>
public class PackTests
{
    private const string ShippedPack = "rules/packs/hyperv-practices.json";

    private static string[] Fired(string inventory)
    {
        RulePack pack = RulePack.Parse(ShippedPack, File.ReadAllText(Repo.PathOf(ShippedPack)));
        Assert.Empty(pack.Problems);
        var options = new AuditOptions();
        options.Packs.Add(pack);
        return Auditor.Run(new[] { InputDocument.FromText("inventory.json", inventory) }, options).Findings.Select(f => f.RuleId).Where(id => !id.StartsWith("HV")).ToArray();
    }

    private static string Vm(string props) => "{ \"virtualMachines\": [ { \"name\": \"vm1\", " + props + " } ] }";

    public static TheoryData<string, string, bool> Cases => new()
    {
        // PRA004: domain controllers take their time from the domain hierarchy.
        { "PRA004", Vm("\"roles\": [\"domain-controller\"], \"integrationServices\": { \"services\": { \"Time Synchronization\": true } }"), true },
        { "PRA004", Vm("\"roles\": [\"domain-controller\"], \"integrationServices\": { \"services\": { \"Time Synchronization\": false } }"), false },
        { "PRA004", Vm("\"roles\": [\"domain-controller\"]"), false },
        { "PRA004", Vm("\"integrationServices\": { \"services\": { \"Time Synchronization\": true } }"), false },
        // PRA005: live migration at 1 Gbps or more.
        { "PRA005", "{ \"hosts\": [ { \"name\": \"h\", \"physicalNetworkAdapters\": [ { \"name\": \"LM\", \"linkSpeed\": \"100 Mbps\", \"roles\": [\"livemigration\"] }, { \"name\": \"VM\", \"linkSpeed\": \"10 Mbps\", \"roles\": [\"vm\"] } ] } ] }", true },
        { "PRA005", "{ \"hosts\": [ { \"name\": \"h\", \"physicalNetworkAdapters\": [ { \"name\": \"LM\", \"linkSpeed\": \"1 Gbps\", \"roles\": [\"livemigration\"] }, { \"name\": \"VM\", \"linkSpeed\": \"10 Mbps\", \"roles\": [\"vm\"] } ] } ] }", false },
        { "PRA005", "{ \"hosts\": [ { \"name\": \"h\", \"physicalNetworkAdapters\": [ { \"name\": \"LM\", \"roles\": [\"livemigration\"] } ] } ] }", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Shipped_pack_rules_fire_on_their_thresholds_and_never_on_unknowns(string id, string inventory, bool fires)
    {
        Assert.Equal(fires, Fired(inventory).Contains(id));
    }

    [Fact]
    public void Every_VM_and_host_property_of_the_inventory_schema_is_a_pack_field()
    {
        // Fields are the native inventory's names (rules/packs/README.md): a property added to the schema and the reader
        // but not to PackElement.Fields would be refused in every pack. These are read under other names.
        var elsewhere = new Dictionary<string, string>
        {
            ["hardDrives"] = "drives",
            ["dvdDrives"] = "drives",
            ["checkpoints"] = "checkpointCount",
            ["integrationServices"] = "integrationServices.installed",
            ["comPorts"] = "comPorts", // not a pack field yet: a list of numbered pipes has no element of its own
        };
        JObject schema = JObject.Parse(File.ReadAllText(Repo.PathOf("rules/schema/hvlint-inventory.schema.json")));
        var missing = ((JObject)schema["definitions"]!["virtualMachine"]!["properties"]!).Properties().Select(p => p.Name)
            .Where(name => !PackElement.Fields["vm"].Contains(name) && !(elsewhere.TryGetValue(name, out string? other) && (other == name || PackElement.Fields["vm"].Contains(other))))
            .ToList();
        Assert.Empty(missing);

        // A host's own properties are its fields under the same names.
        var host = ((JObject)schema["properties"]!["hosts"]!["items"]!["properties"]!).Properties().Select(p => p.Name);
        Assert.DoesNotContain(host, name => !PackElement.Fields["host"].Contains(name));
    }

    [Fact]
    public async Task The_shipped_pack_validates_against_the_pack_schema()
    {
        JsonSchema schema = await JsonSchema.FromFileAsync(Repo.PathOf("rules/schema/hvlint-pack.schema.json"));
        Assert.Empty(schema.Validate(File.ReadAllText(Repo.PathOf(ShippedPack))));
        Assert.NotEmpty(schema.Validate("{ \"rules\": [ { \"id\": \"HV1234\" } ] }"));
    }

    [Fact]
    public void A_pack_named_in_hvlint_json_runs_with_its_severity_suppressions_and_SARIF_rules()
    {
        string dir = Repo.TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, ".git"));
        Directory.CreateDirectory(Path.Combine(dir, "packs"));
        File.WriteAllText(Path.Combine(dir, "packs", "contoso.json"), """
            {
              "name": "contoso",
              "rules": [
                {
                  "id": "CTS001", "title": "Production VMs are Generation 2", "severity": "warning",
                  "description": "Contoso builds production VMs as Generation 2 (Secure Boot, no emulated devices).",
                  "helpUri": "https://wiki.contoso.example/hyper-v/CTS001",
                  "target": "vm",
                  "when": { "field": "environment", "equals": "production" },
                  "assert": { "field": "generation", "equals": 2 },
                  "message": "VM '{name}' is production but Generation {generation}"
                }
              ]
            }
            """);
        File.WriteAllText(Path.Combine(dir, "vms.json"), "{ \"virtualMachines\": [ { \"name\": \"erp\", \"environment\": \"production\", \"generation\": 1 }, { \"name\": \"crm\", \"environment\": \"production\", \"generation\": 1 }, { \"name\": \"web\", \"environment\": \"production\", \"generation\": 2 } ] }");
        File.WriteAllText(Path.Combine(dir, "hvlint.json"), "{ \"packs\": [\"packs/contoso.json\"], \"rules\": { \"CTS001\": \"error\" }, \"suppressions\": [ { \"rule\": \"CTS001\", \"vms\": [\"crm\"], \"reason\": \"rebuilt in Q3\" } ] }");

        var text = Repo.HvlintIn(dir, "audit", ".");
        Assert.Contains("vms.json(1,84): error CTS001: VM 'erp' is production but Generation 1", text.Stdout);
        Assert.DoesNotContain("'crm'", text.Stdout);
        Assert.Contains("1 suppressed", text.Stdout);

        var sarif = JObject.Parse(Repo.HvlintIn(dir, "audit", ".", "--format", "sarif").Stdout);
        JArray rules = (JArray)sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!;
        JObject cts = (JObject)rules.Single(r => (string)r["id"]! == "CTS001");
        Assert.Equal("https://wiki.contoso.example/hyper-v/CTS001", (string)cts["helpUri"]!);
        JObject result = (JObject)sarif["runs"]![0]!["results"]!.Single();
        Assert.Equal(rules.IndexOf(cts), (int)result["ruleIndex"]!);

        var listed = Repo.HvlintIn(dir, "rules");
        Assert.Contains("CTS001  warning  pack:contoso", listed.Stdout);
    }

    [Fact]
    public void A_broken_pack_is_HV9003_and_the_audit_goes_on()
    {
        string dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "bad-pack.json"), "{ \"name\": \"bad\", \"rules\": [ { \"id\": \"BAD001\", \"title\": \"t\", \"severity\": \"error\", \"description\": \"d\", \"helpUri\": \"https://e.com\", \"target\": \"vm\",\n  \"assert\": { \"field\": \"cpus\", \"greater\": 1 }, \"message\": \"m\" } ] }");
        File.Copy(Repo.PathOf("samples/datacenter/templates.json"), Path.Combine(dir, "templates.json"));
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", "templates.json", "--pack", "bad-pack.json");
        Assert.Equal(2, exit);
        Assert.Matches(@"bad-pack\.json\(2,\d+\): error HV9003: unknown field 'cpus' on a vm", stdout);
        Assert.Contains("HV4002", stdout);
    }
}
