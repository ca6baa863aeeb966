using HvLint.Rules;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace HvLint.Cli.Tests;

/// <summary>
/// The shipped samples carry, on every host and VM, the findings an administrator expects ("x-expect"), written
/// by hand from hyperv-facts.md. The tool's output must match them exactly: no finding missing, none extra.
/// </summary>
public class SampleTests
{
    private static readonly string[] SampleFiles = { "samples/datacenter/inventory.json", "samples/datacenter/templates.json", "samples/clean/inventory.json", "samples/provisioning/hvlint/web-farm.hvlint.json" };

    /// <summary>
    /// Every expectation in samples/: "x-expect" on the native inventories' hosts and VMs, and the
    /// expected.json beside each real-format sample. Owner ("vm:NAME", "host:NAME", "file:PATH") to rule IDs.
    /// </summary>
    public static Dictionary<string, List<string>> Expectations()
    {
        var expected = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string file in SampleFiles)
        {
            foreach (JObject o in JObject.Parse(File.ReadAllText(Repo.PathOf(file))).Descendants().OfType<JObject>())
            {
                if (o["x-expect"] is not JArray ids) continue;
                string kind = o.Parent?.Parent is JProperty { Name: "hosts" } ? "host" : "vm";
                expected[kind + ":" + (string)o["name"]!] = ids.Select(i => (string)i!).ToList();
            }
        }

        foreach (string file in Directory.GetFiles(Repo.PathOf("samples"), "expected.json", SearchOption.AllDirectories))
        {
            foreach (JProperty p in JObject.Parse(File.ReadAllText(file)).Properties())
            {
                if (p.Name.StartsWith("x-", StringComparison.Ordinal)) continue;
                expected[p.Name] = ((JArray)p.Value).Select(i => (string)i!).ToList();
            }
        }

        return expected;
    }

    /// <summary>The findings of an audit by owner, as <see cref="Expectations"/> keys them.</summary>
    public static Dictionary<string, List<string>> ByOwner(string jsonReport)
    {
        var actual = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (JObject f in JObject.Parse(jsonReport)["findings"]!)
        {
            string owner = ((string)f["subject"]!).Split('/')[0];
            if (owner.StartsWith("file:", StringComparison.Ordinal)) owner = "file:" + (string)f["file"]!;
            (actual.TryGetValue(owner, out var list) ? list : actual[owner] = new()).Add((string)f["ruleId"]!);
        }

        return actual;
    }

    [Fact]
    public void Findings_on_the_samples_are_exactly_the_hand_written_expectations()
    {
        var (exit, stdout, stderr) = Repo.Hvlint("audit", "samples", "--format", "json", "--fail-on", "never");
        Assert.True(exit == 0, "exit " + exit + ": " + stderr);
        var actual = ByOwner(stdout);
        var expected = Expectations();
        foreach (string owner in actual.Keys.Union(expected.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            var want = expected.TryGetValue(owner, out var e) ? e.OrderBy(x => x).ToList() : null;
            var got = actual.TryGetValue(owner, out var a) ? a.OrderBy(x => x).ToList() : new List<string>();
            Assert.True(want != null, owner + " has findings " + string.Join(",", got) + " but no expectation in the samples");
            Assert.True(want!.SequenceEqual(got), owner + ": expected [" + string.Join(",", want!) + "], got [" + string.Join(",", got) + "]");
        }
    }

    /// <summary>How many findings the samples' x-expect lists add up to.</summary>
    public static int ExpectedFindingCount() => Expectations().Where(e => !e.Key.StartsWith("file:", StringComparison.Ordinal)).Sum(e => e.Value.Count);

    public static int ExpectedFindingCountIn(string file) =>
        JObject.Parse(File.ReadAllText(Repo.PathOf(file))).Descendants().OfType<JProperty>().Where(p => p.Name == "x-expect").Sum(p => ((JArray)p.Value).Count);

    [Fact]
    public void The_samples_show_every_rule_of_the_catalog_firing()
    {
        // HV5005 needs more than 384 running VMs on one host: its boundary is covered in RuleTests instead.
        // HV8 rules are about provisioning API calls in C#: the analyzer tests show each of them.
        var notInSamples = new HashSet<string> { "HV5005", "HV8001", "HV8002", "HV8003", "HV8004", "HV8005", "HV9001", "HV9002", "HV9003" };
        // The native inventories' x-expect and the real-format samples' expected.json alike.
        var shown = new HashSet<string>(Expectations().Values.SelectMany(ids => ids));

        var missing = RuleCatalog.Descriptors.Select(d => d.Id).Where(id => !shown.Contains(id) && !notInSamples.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "no sample shows " + string.Join(", ", missing));
    }

    [Fact]
    public void The_clean_sample_has_no_findings_and_exits_0()
    {
        var (exit, stdout, _) = Repo.Hvlint("audit", "samples/clean");
        Assert.Equal(0, exit);
        Assert.Contains("0 errors, 0 warnings, 0 infos", stdout);
    }

    [Fact]
    public async Task The_samples_validate_against_the_published_inventory_schema()
    {
        JsonSchema schema = await JsonSchema.FromFileAsync(Repo.PathOf("rules/schema/hvlint-inventory.schema.json"));
        foreach (string file in SampleFiles)
        {
            var errors = schema.Validate(File.ReadAllText(Repo.PathOf(file)));
            Assert.True(errors.Count == 0, file + ": " + string.Join("; ", errors.Select(e => e.Path + " " + e.Kind)));
        }
    }

    [Fact]
    public async Task The_inventory_schema_rejects_a_misspelt_property()
    {
        JsonSchema schema = await JsonSchema.FromFileAsync(Repo.PathOf("rules/schema/hvlint-inventory.schema.json"));
        Assert.NotEmpty(schema.Validate("{ \"virtualMachines\": [ { \"name\": \"a\", \"procesorCount\": 2 } ] }"));
        Assert.Empty(schema.Validate("{ \"virtualMachines\": [ { \"name\": \"a\", \"processorCount\": 2, \"x-owner\": \"ops\" } ] }"));
    }
}
