using System.Text.RegularExpressions;
using HvLint.Engine;
using HvLint.Reporting;
using HvLint.Rules;

namespace HvLint.Cli.Tests;

/// <summary>The catalog, the rule pages in rules/ and the README's rule table must say the same thing.</summary>
public partial class DocumentationTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (RuleDescriptor d in RuleCatalog.Descriptors) data.Add(d.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_page_whose_title_and_severity_match_the_catalog(string id)
    {
        RuleDescriptor d = RuleCatalog.Find(id)!;
        string path = Repo.PathOf("rules/" + id + ".md");
        Assert.True(File.Exists(path), "missing " + path);
        string page = File.ReadAllText(path);
        Assert.Equal("# " + id + ": " + d.Title, page.Split('\n')[0].TrimEnd('\r'));
        Assert.Contains("| Default severity | " + SeverityNames.Text(d.DefaultSeverity) + " |", page);
        Assert.Contains("| Category | " + d.Category + " |", page);
        Assert.Contains(d.Description, page);
        Assert.Contains("## How to fix", page);
        Assert.Equal("https://github.com/hvlint/hvlint/blob/main/rules/" + id + ".md", d.HelpUri);

        // The page that `hvlint explain` prints is this file, embedded at build time.
        Assert.Equal(page.ReplaceLineEndings(), RulePages.Get(id)!.ReplaceLineEndings());
    }

    [Fact]
    public void Every_Hyper_V_rule_has_its_own_test_file()
    {
        var missing = RuleCatalog.Descriptors.Where(d => d.Category != RuleCategory.Tool && d.Category != RuleCategory.ProvisioningApi)
            .Where(d => !File.Exists(Repo.PathOf("tests/HvLint.Core.Tests/Rules/" + d.Id + "Tests.cs"))).Select(d => d.Id).ToList();
        Assert.Empty(missing);

        // Provisioning-API rules exist only in code: their tests are analyzer tests, with the finding in markup
        // ({|HV8001:...|}) or as an expected diagnostic with its message.
        string analyzerTests = File.ReadAllText(Repo.PathOf("tests/HvLint.Analyzers.Tests/WmiAnalyzerTests.cs"))
            + File.ReadAllText(Repo.PathOf("tests/HvLint.Analyzers.Tests/HostedPowerShellAnalyzerTests.cs"));
        Assert.All(RuleCatalog.Descriptors.Where(d => d.Category == RuleCategory.ProvisioningApi),
            d => Assert.True(analyzerTests.Contains("|" + d.Id + ":", StringComparison.Ordinal) || analyzerTests.Contains("DiagnosticResult(\"" + d.Id + "\"", StringComparison.Ordinal), d.Id + " has no analyzer test"));
    }

    /// <summary>
    /// Each example in the README of `hvlint audit` on a sample shows lines it prints, as they are: all of its findings,
    /// unless the block says "..." for the ones it leaves out.
    /// </summary>
    [Fact]
    public void The_README_s_audit_examples_are_what_hvlint_prints()
    {
        string readme = File.ReadAllText(Repo.PathOf("README.md")).ReplaceLineEndings("\n");
        MatchCollection blocks = Regex.Matches(readme, "```\n\\$ hvlint (audit [^\n]*)\n(.*?)```", RegexOptions.Singleline);
        Assert.NotEmpty(blocks);
        static bool IsFinding(string line) => Regex.IsMatch(line, @"\(\d+,\d+\): (error|warning|info) HV\d{4}: ");
        foreach (Match block in blocks)
        {
            string command = block.Groups[1].Value;
            string[] printed = Repo.Hvlint(command.Split(' ')).Stdout.ReplaceLineEndings("\n").Split('\n');
            string[] shown = block.Groups[2].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (string line in shown.Where(l => l != "...")) Assert.True(printed.Contains(line), "hvlint " + command + " does not print: " + line);
            if (!shown.Contains("...")) Assert.Equal(printed.Where(IsFinding), shown.Where(IsFinding));
        }
    }

    [Fact]
    public void Every_page_in_rules_belongs_to_a_rule_of_the_catalog()
    {
        foreach (string file in Directory.GetFiles(Repo.PathOf("rules"), "HV*.md"))
        {
            Assert.NotNull(RuleCatalog.Find(Path.GetFileNameWithoutExtension(file)));
        }
    }

    [Fact]
    public void The_README_rule_table_matches_the_catalog()
    {
        string readme = File.ReadAllText(Repo.PathOf("README.md"));
        var rows = TableRow().Matches(readme).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value.Trim(), m.Groups[4].Value.Trim(), m.Groups[5].Value.Trim())).ToList();
        var expected = RuleCatalog.Descriptors.Select(d => (d.Id, "rules/" + d.Id + ".md", d.Title, d.Category.ToString(), SeverityNames.Text(d.DefaultSeverity))).ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void The_configuration_schema_lists_every_rule_of_the_catalog()
    {
        // Editors complete "rules" in hvlint.json from this list; a rule missing from it is still accepted (as a pack
        // rule's severity), so only this test notices.
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repo.PathOf("rules/schema/hvlint-config.schema.json")));
        var listed = schema.RootElement.GetProperty("properties").GetProperty("rules").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(RuleCatalog.Rules.Select(r => r.Descriptor.Id).ToList(), listed);
    }

    /// <summary>Each example of each page: the rule, "fires" or "passes", and which of the page's examples of that kind.</summary>
    public static TheoryData<string, string, int> PageExamples()
    {
        var data = new TheoryData<string, string, int>();
        foreach (RuleDescriptor d in RuleCatalog.Descriptors)
        {
            string path = Repo.PathOf("rules/" + d.Id + ".md");
            if (!File.Exists(path)) continue;
            var seen = new Dictionary<string, int>();
            foreach (Match m in Example().Matches(File.ReadAllText(path)))
            {
                string kind = m.Groups[1].Value;
                seen[kind] = seen.TryGetValue(kind, out int n) ? n + 1 : 0;
                data.Add(d.Id, kind, seen[kind]);
            }
        }

        return data;
    }

    /// <summary>A page's "fires" example is reported by its rule and its "passes" example is not.</summary>
    [Theory]
    [MemberData(nameof(PageExamples))]
    public void Rule_page_examples_behave_as_the_page_says(string id, string kind, int index)
    {
        string page = File.ReadAllText(Repo.PathOf("rules/" + id + ".md"));
        string json = Example().Matches(page).Where(m => m.Groups[1].Value == kind).ElementAt(index).Groups[2].Value;
        AuditResult result = Auditor.Run(new[] { InputDocument.FromText("example.json", json) }, new AuditOptions());
        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("HV9", StringComparison.Ordinal));
        int count = result.Findings.Count(f => f.RuleId == id);
        if (kind == "fires") Assert.True(count > 0, id + " example is not reported");
        else Assert.Equal(0, count);
    }

    [Fact]
    public void Every_Hyper_V_rule_page_shows_an_example_except_where_one_would_need_hundreds_of_VMs()
    {
        var examples = PageExamples().Select(row => (string)row[0]).ToHashSet();
        // HV8 pages show C# (checked by the analyzer tests), not inventories.
        var missing = RuleCatalog.Descriptors.Select(d => d.Id).Where(id => !id.StartsWith("HV9") && !id.StartsWith("HV8") && id != "HV5005" && !examples.Contains(id)).ToList();
        Assert.Empty(missing);
    }

    [GeneratedRegex(@"^\| \[(HV\d{4})\]\(([^)]+)\) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"```json (fires|passes)\r?\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
