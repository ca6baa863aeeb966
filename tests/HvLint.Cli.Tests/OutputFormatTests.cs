using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace HvLint.Cli.Tests;

public class OutputFormatTests
{
    private static string SarifSchemaPath => Path.Combine(Repo.Shared, "reference", "sarif", "sarif-schema-2.1.0.json");

    [Fact]
    public async Task SARIF_validates_against_the_OASIS_2_1_0_schema()
    {
        var (exit, sarif, stderr) = Repo.Hvlint("audit", "samples", "--format", "sarif", "--automation-id", "hvlint/pr-42");
        Assert.True(exit == 1, stderr);
        Assert.True(File.Exists(SarifSchemaPath), "the SARIF schema is expected in ../shared/reference/sarif beside the clone");
        JsonSchema schema = await JsonSchema.FromFileAsync(SarifSchemaPath);
        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10).Select(e => e.Path + ": " + e.Kind)));
    }

    [Fact]
    public void SARIF_results_have_what_code_scanning_needs()
    {
        var (_, sarif, _) = Repo.Hvlint("audit", "samples", "--format", "sarif", "--automation-id", "hvlint/pr-42");
        JObject run = (JObject)JObject.Parse(sarif)["runs"]!.Single();
        Assert.Equal("HvLint", (string)run["tool"]!["driver"]!["name"]!);
        Assert.Equal("hvlint/pr-42", (string)run["automationDetails"]!["id"]!);
        JArray rules = (JArray)run["tool"]!["driver"]!["rules"]!;
        Assert.Equal(HvLint.Rules.RuleCatalog.Descriptors.Count, rules.Count);
        foreach (JObject rule in rules)
        {
            Assert.StartsWith("https://", (string)rule["helpUri"]!);
            Assert.Contains((string)rule["defaultConfiguration"]!["level"]!, new[] { "error", "warning", "note" });
            Assert.False(string.IsNullOrEmpty((string?)rule["shortDescription"]?["text"]));
            Assert.False(string.IsNullOrEmpty((string?)rule["fullDescription"]?["text"]));
        }

        JArray results = (JArray)run["results"]!;
        Assert.Equal(SampleTests.ExpectedFindingCount(), results.Count);
        foreach (JObject r in results)
        {
            string ruleId = (string)r["ruleId"]!;
            Assert.Equal(ruleId, (string)rules[(int)r["ruleIndex"]!]!["id"]!);
            JObject loc = (JObject)r["locations"]!.Single()["physicalLocation"]!;
            string uri = (string)loc["artifactLocation"]!["uri"]!;
            Assert.StartsWith("samples/", uri);
            Assert.DoesNotContain('\\', uri);
            Assert.Equal("%SRCROOT%", (string)loc["artifactLocation"]!["uriBaseId"]!);
            Assert.True((int)loc["region"]!["startLine"]! >= 1);
            Assert.True((int)loc["region"]!["startColumn"]! >= 1);
            Assert.False(string.IsNullOrEmpty((string?)r["partialFingerprints"]?["hvlintSubject/v1"]));
        }
    }

    [Fact]
    public void SARIF_fingerprints_survive_lines_moving_and_unreadable_input_goes_to_tool_notifications()
    {
        string dir = Repo.TempFolder();
        string original = File.ReadAllText(Repo.PathOf("samples/datacenter/inventory.json"));
        File.WriteAllText(Path.Combine(dir, "inventory.json"), original);
        var before = Fingerprints(Repo.HvlintIn(dir, "audit", "inventory.json", "--format", "sarif").Stdout);

        File.WriteAllText(Path.Combine(dir, "inventory.json"), "\n\n\n" + original.Replace("\"hosts\": [", "\"x-moved\": true,\n  \"hosts\": ["));
        File.WriteAllText(Path.Combine(dir, "broken.json"), "{ \"virtualMachines\": [ { \"name\": } ] }");
        var (exit, sarif, _) = Repo.HvlintIn(dir, "audit", ".", "--format", "sarif");
        Assert.Equal(2, exit);
        Assert.Equal(before, Fingerprints(sarif));

        JObject run = (JObject)JObject.Parse(sarif)["runs"]!.Single();
        Assert.DoesNotContain(run["results"]!, r => ((string)r["ruleId"]!).StartsWith("HV9"));
        var notification = run["invocations"]!.Single()["toolExecutionNotifications"]!.Single();
        Assert.Equal("HV9001", (string)notification["descriptor"]!["id"]!);
        Assert.Equal("broken.json", (string)notification["locations"]!.Single()["physicalLocation"]!["artifactLocation"]!["uri"]!);
        Assert.False((bool)run["invocations"]!.Single()["executionSuccessful"]!);
    }

    private static List<string> Fingerprints(string sarif) =>
        JObject.Parse(sarif)["runs"]![0]!["results"]!.Select(r => (string)r["ruleId"]! + " " + (string)r["partialFingerprints"]!["hvlintSubject/v1"]!).OrderBy(s => s).ToList();

    [Fact]
    public void GitHub_annotations_carry_file_line_column_and_rule()
    {
        var (exit, stdout, _) = Repo.Hvlint("audit", "samples/datacenter/inventory.json", "--format", "github");
        Assert.Equal(1, exit);
        string line = stdout.Split('\n').Single(l => l.Contains("title=HV3002"));
        Assert.Equal(
            "::error file=samples/datacenter/inventory.json,line=447,col=13,title=HV3002 Generation 1 VM boots from the network but has no legacy network adapter::HV3002: VM 'wds-client' is Generation 1 and boots from the network before its disk, but has only synthetic network adapters (1); PXE boot on Generation 1 needs a legacy network adapter (https://github.com/hvlint/hvlint/blob/main/rules/HV3002.md)",
            line.TrimEnd('\r'));
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("::notice file=samples/datacenter/inventory.json,line=", StringComparison.Ordinal) && l.Contains("title=HV6004"));
    }

    [Fact]
    public void Azure_logging_commands_carry_file_line_column_and_code()
    {
        var (_, stdout, _) = Repo.Hvlint("audit", "samples/datacenter/inventory.json", "--format", "azure");
        string line = stdout.Split('\n').Single(l => l.Contains("code=HV3007"));
        Assert.Equal(
            "##vso[task.logissue type=error;sourcepath=samples/datacenter/inventory.json;linenumber=645;columnnumber=33;code=HV3007]HV3007: VM 'dmz01' adapter 'Network Adapter' has VLAN ID 4095%3B VLAN IDs run from 1 to 4094",
            line.TrimEnd('\r'));
    }

    [Fact]
    public void Auto_format_follows_the_CI_environment()
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, WorkingDirectory = Repo.Root };
        psi.ArgumentList.Add(typeof(CommandLine).Assembly.Location);
        foreach (string a in new[] { "audit", "samples/datacenter/templates.json" }) psi.ArgumentList.Add(a);
        psi.Environment["GITHUB_ACTIONS"] = "true";
        using var p = System.Diagnostics.Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.StartsWith("::warning file=samples/datacenter/templates.json,line=", output);
    }

    [Theory]
    [InlineData("text", "templates.txt")]
    [InlineData("github", "templates.github")]
    [InlineData("azure", "templates.azure")]
    public void Each_format_matches_its_hand_written_expected_file(string format, string expected)
    {
        var (exit, stdout, _) = Repo.Hvlint("audit", "samples/datacenter/templates.json", "--format", format);
        Assert.Equal(1, exit);
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Root, "tests", "HvLint.Cli.Tests", "Expected", expected)).ReplaceLineEndings(), stdout.ReplaceLineEndings());
    }

    [Fact]
    public async Task JSON_output_validates_against_the_report_schema()
    {
        JsonSchema schema = await JsonSchema.FromFileAsync(Repo.PathOf("rules/schema/hvlint-report.schema.json"));
        foreach (string path in new[] { "samples", "samples/clean" })
        {
            var errors = schema.Validate(Repo.Hvlint("audit", path, "--format", "json").Stdout);
            Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Path + " " + e.Kind)));
        }
    }

    [Fact]
    public void JSON_output_is_deterministic_and_lists_the_profile_and_counts()
    {
        var first = Repo.Hvlint("audit", "samples", "--format", "json");
        var second = Repo.Hvlint("audit", "samples", "--format", "json");
        Assert.Equal(first.Stdout, second.Stdout);
        JObject doc = JObject.Parse(first.Stdout);
        Assert.Equal(SampleTests.Expectations().Sum(e => e.Value.Count), ((JArray)doc["findings"]!).Count);
        Assert.Contains("hyperv-2008r2", doc.ToString());
    }
}
