using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace HvLint.Cli.Tests;

public class SuppressionAndBaselineTests
{
    private static string Workspace()
    {
        string dir = Repo.TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, ".git")); // the repository root bounds the configuration search
        File.Copy(Repo.PathOf("samples/datacenter/inventory.json"), Path.Combine(dir, "inventory.json"));
        return dir;
    }

    [Fact]
    public void A_comment_on_a_Terraform_module_call_in_the_samples_suppresses_its_VM_s_finding_with_its_reason()
    {
        // samples/terraform/sites: site-fs02 and site-fs03 both turn the Backup integration service off; site-fs03's call
        // says why, in a comment.
        var (exit, stdout, _) = Repo.Hvlint("audit", "samples/terraform/sites");
        Assert.Equal(1, exit); // site-fs02's warning
        Assert.Contains("'site-fs02'", stdout);
        Assert.DoesNotContain("'site-fs03'", stdout);
        Assert.Contains("not reported: 1 suppressed", stdout);

        var sarif = Repo.Hvlint("audit", "samples/terraform/sites", "--format", "sarif", "--include-suppressed").Stdout;
        JObject result = (JObject)JObject.Parse(sarif)["runs"]![0]!["results"]!.Single(r => ((string)r["message"]!["text"]!).Contains("'site-fs03'"));
        JObject suppression = (JObject)result["suppressions"]!.Single();
        Assert.Equal("inSource", (string)suppression["kind"]!);
        Assert.Equal("archive server, backed up only by the in-guest agent; host-level backup excludes it", (string)suppression["justification"]!);
        Assert.Equal(20, (int)suppression["location"]!["physicalLocation"]!["region"]!["startLine"]!);
    }

    [Fact]
    public void A_configuration_in_the_audited_folder_is_found_and_its_suppressions_apply_with_a_count()
    {
        string dir = Workspace();
        File.WriteAllText(Path.Combine(dir, "hvlint.json"), """
            {
              // comments are allowed
              "suppressions": [ { "rule": "HV2004", "vms": ["sql*"], "reason": "SAN team owns these LUNs" } ]
            }
            """);
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".");
        Assert.Equal(1, exit);
        Assert.DoesNotContain("HV2004", stdout);
        Assert.Contains("HV6003", stdout);   // the same VM's other findings stay
        Assert.Contains("configuration: hvlint.json", stdout);
        Assert.Contains("not reported: 1 suppressed", stdout);
    }

    [Fact]
    public void The_configuration_is_looked_for_in_the_audited_folder_and_its_parents()
    {
        string dir = Workspace();
        string sub = Directory.CreateDirectory(Path.Combine(dir, "site", "a")).FullName;
        File.Move(Path.Combine(dir, "inventory.json"), Path.Combine(sub, "inventory.json"));
        File.WriteAllText(Path.Combine(dir, "hvlint.json"), "{ \"rules\": { \"HV1001\": \"off\" } }");
        Assert.Equal(Path.Combine(dir, "hvlint.json"), CommandLine.FindConfiguration(null, new[] { sub }));

        var (_, stdout, _) = Repo.HvlintIn(sub, "audit", ".");
        Assert.DoesNotContain("HV1001", stdout);
    }

    [Fact]
    public void An_expired_suppression_reports_the_finding_again_with_a_note()
    {
        string dir = Workspace();
        File.WriteAllText(Path.Combine(dir, "hvlint.json"), "{ \"suppressions\": [ { \"rule\": \"HV6004\", \"vms\": [\"sql02\"], \"reason\": \"migration to the cluster in Q1\", \"expires\": \"2020-03-31\" } ] }");
        var (_, stdout, _) = Repo.HvlintIn(dir, "audit", ".");
        Assert.Contains("HV6004: VM 'sql02' is a production VM but not highly available; a host failure takes it down (suppression expired 2020-03-31: migration to the cluster in Q1)", stdout);
        Assert.Contains("1 reported again (suppression expired)", stdout);
    }

    [Theory]
    [InlineData("{ \"suppressions\": [ { \"rule\": \"HV2004\" } ] }", "needs a 'reason'")]
    [InlineData("{ \"suppressions\": [ { \"rule\": \"HV2999\", \"reason\": \"x\" } ] }", "unknown rule")]
    [InlineData("{ \"suppressions\": [ { \"rule\": \"HV2004\", \"reason\": \"x\", \"expires\": \"31/12/2027\" } ] }", "yyyy-MM-dd")]
    [InlineData("{ \"exclude\": 3 }", "'exclude' is an array")]
    public void A_bad_suppression_is_HV9003_at_its_position(string config, string message)
    {
        string dir = Workspace();
        File.WriteAllText(Path.Combine(dir, "hvlint.json"), config);
        var (exit, stdout, _) = Repo.HvlintIn(dir, "audit", ".");
        Assert.Equal(2, exit);
        Assert.Matches(@"hvlint\.json\(1,\d+\): error HV9003: .*" + System.Text.RegularExpressions.Regex.Escape(message), stdout);
        Assert.Contains("HV2004", stdout.Replace("\"HV2004\"", string.Empty));   // nothing is suppressed by a broken entry
    }

    [Fact]
    public void A_directive_in_the_VM_notes_suppresses_that_VM_only_and_SARIF_shows_it_as_inSource()
    {
        string dir = Workspace();
        string path = Path.Combine(dir, "inventory.json");
        string text = File.ReadAllText(path).Replace("\"name\": \"app01\",", "\"name\": \"app01\",\n        \"notes\": \"Owner: web team. hvlint-disable HV3001: the vendor's PXE image needs the legacy adapter\",");
        File.WriteAllText(path, text);
        var (_, stdout, _) = Repo.HvlintIn(dir, "audit", ".");
        Assert.DoesNotContain("'app01'", stdout);

        var sarif = Repo.HvlintIn(dir, "audit", ".", "--format", "sarif", "--include-suppressed").Stdout;
        JObject result = (JObject)JObject.Parse(sarif)["runs"]![0]!["results"]!.Single(r => ((string)r["message"]!["text"]!).Contains("'app01'"));
        JObject suppression = (JObject)result["suppressions"]!.Single();
        Assert.Equal("inSource", (string)suppression["kind"]!);
        Assert.Equal("the vendor's PXE image needs the legacy adapter", (string)suppression["justification"]!);
    }

    [Fact]
    public async Task SARIF_with_suppressed_results_still_validates()
    {
        string dir = Workspace();
        File.WriteAllText(Path.Combine(dir, "hvlint.json"), "{ \"suppressions\": [ { \"rule\": \"HV2004\", \"reason\": \"accepted\" } ] }");
        var sarif = Repo.HvlintIn(dir, "audit", ".", "--format", "sarif", "--include-suppressed").Stdout;
        JsonSchema schema = await JsonSchema.FromFileAsync(Path.Combine(Repo.Shared, "reference", "sarif", "sarif-schema-2.1.0.json"));
        Assert.Empty(schema.Validate(sarif));
        Assert.Contains("\"justification\": \"accepted\"", sarif);
    }

    [Fact]
    public void A_baseline_reports_only_new_findings_and_counts_the_ones_gone()
    {
        string dir = Workspace();
        var created = Repo.HvlintIn(dir, "baseline", "create", ".");
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("baseline: " + SampleTests.ExpectedFindingCountIn("samples/datacenter/inventory.json") + " findings recorded in hvlint.baseline.json", created.Stdout);

        var clean = Repo.HvlintIn(dir, "audit", ".", "--baseline", "hvlint.baseline.json");
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("0 errors, 0 warnings, 0 infos", clean.Stdout);

        // Lines move (a new VM at the top) and one finding is fixed (dmz01's VLAN); one new finding appears.
        string path = Path.Combine(dir, "inventory.json");
        string text = File.ReadAllText(path)
            .Replace("\"accessVlanId\": 4095", "\"accessVlanId\": 40")
            .Replace("\"virtualMachines\": [", "\"virtualMachines\": [\n { \"name\": \"new01\", \"processorCount\": 16 },\n");
        File.WriteAllText(path, text);
        var after = Repo.HvlintIn(dir, "audit", ".", "--baseline", "hvlint.baseline.json");
        Assert.Equal(1, after.ExitCode);
        string[] findings = after.Stdout.Split('\n').Where(l => l.Contains(": error HV") || l.Contains(": warning HV") || l.Contains(": info HV")).ToArray();
        Assert.All(findings, l => Assert.Contains("'new01'", l));
        Assert.Contains("1 baselined findings are gone", after.Stdout);
    }

    [Theory]
    [InlineData("{\"version\": 99999999999999999999, \"findings\": []}", 1, 13, "expected { \"version\": 1, \"findings\": [...] }")]
    [InlineData("{\"version\": 1, \"findings\": [{\"ruleId\": {}, \"file\": \"a\", \"subject\": \"b\"}]}", 1, 29, "each finding needs ruleId, file and subject, as text")]
    [InlineData("{\"version\": 1, \"findings\": [1]}", 1, 29, "each finding needs ruleId, file and subject, as text")]
    [InlineData("{\"version\": 1,\n \"findings\": {}}", 2, 14, "expected { \"version\": 1, \"findings\": [...] }")]
    public void A_baseline_with_a_value_of_the_wrong_type_is_HV9003_at_the_value_and_the_audit_goes_on(string baseline, int line, int column, string message)
    {
        // Found by fuzzing: each of these threw in a cast (to int, to string, to an object's member) and ended hvlint
        // with a stack trace.
        string dir = Workspace();
        File.WriteAllText(Path.Combine(dir, "broken.baseline.json"), baseline);
        var audit = Repo.HvlintIn(dir, "audit", ".", "--baseline", "broken.baseline.json");
        Assert.Equal(2, audit.ExitCode);
        Assert.DoesNotContain("Unhandled exception", audit.Stderr + audit.Stdout);
        Assert.Contains("broken.baseline.json(" + line + "," + column + "): error HV9003: not an HvLint baseline: " + message, audit.Stdout);
        Assert.Contains(audit.Stdout.Split('\n'), l => l.Contains(": error HV", StringComparison.Ordinal) && !l.Contains("HV9003", StringComparison.Ordinal));
    }

    [Fact]
    public void Init_writes_a_starter_that_the_audit_accepts_and_does_not_overwrite_it()
    {
        string dir = Workspace();
        Assert.Equal(0, Repo.HvlintIn(dir, "init").ExitCode);
        Assert.Contains("\"suppressions\"", File.ReadAllText(Path.Combine(dir, "hvlint.json")));
        var audit = Repo.HvlintIn(dir, "audit", ".");
        Assert.DoesNotContain("HV9003", audit.Stdout);
        Assert.Contains("configuration: hvlint.json", audit.Stdout);
        Assert.Equal(2, Repo.HvlintIn(dir, "init").ExitCode);

        var config = Repo.HvlintIn(dir, "config");
        Assert.Equal(0, config.ExitCode);
        Assert.StartsWith("configuration: hvlint.json (found from .)", config.Stdout);
    }
}

public class IncludeExcludeTests
{
    [Fact]
    public void Include_and_exclude_globs_select_what_a_folder_walk_reads()
    {
        string dir = Repo.TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, ".git"));
        string live = Directory.CreateDirectory(Path.Combine(dir, "inventories", "live")).FullName;
        string old = Directory.CreateDirectory(Path.Combine(dir, "inventories", "archive")).FullName;
        File.Copy(Repo.PathOf("samples/datacenter/templates.json"), Path.Combine(live, "templates.json"));
        File.Copy(Repo.PathOf("samples/datacenter/inventory.json"), Path.Combine(old, "inventory.json"));
        File.WriteAllText(Path.Combine(dir, "other.json"), "{ \"virtualMachines\": [ { \"name\": \"x\", \"processorCount\": 99 } ] }");
        File.WriteAllText(Path.Combine(dir, "hvlint.json"), "{ \"include\": [\"inventories/**/*.json\"], \"exclude\": [\"inventories/archive/**\"] }");

        var (_, stdout, _) = Repo.HvlintIn(dir, "audit", ".");
        Assert.Contains("1 file read", stdout);
        Assert.Contains("HV4002", stdout);
        Assert.DoesNotContain("other.json", stdout);

        // A file named on the command line is read whatever the globs say.
        Assert.Contains("HV1001", Repo.HvlintIn(dir, "audit", "other.json").Stdout);
    }
}
