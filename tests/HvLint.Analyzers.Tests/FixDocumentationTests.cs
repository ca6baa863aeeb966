using System.Text.RegularExpressions;
using HvLint.CodeFixes;
using Microsoft.CodeAnalysis.CodeFixes;

namespace HvLint.Analyzers.Tests;

/// <summary>The fixes the package ships are the fixes README's table and the package's own page name: no more, no fewer.</summary>
public partial class FixDocumentationTests
{
    private static string RepoFile(string relative, [System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "..", "..", relative);

    private static SortedSet<string> Fixable() => new(
        typeof(HvLintCodeFixes).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds),
        StringComparer.Ordinal);

    [Fact]
    public void README_code_fix_table_names_every_fixable_rule_and_no_other()
    {
        string readme = File.ReadAllText(RepoFile("README.md"));
        int start = readme.IndexOf("Code fixes (", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no code fix table");
        int end = readme.IndexOf("\n\n", readme.IndexOf("|---|---|", start, StringComparison.Ordinal), StringComparison.Ordinal);
        var documented = new SortedSet<string>(
            readme.Substring(start, end - start).Split('\n').Where(l => l.StartsWith("| HV", StringComparison.Ordinal))
                .SelectMany(l => RuleId().Matches(l.Split('|')[1]).Select(m => m.Value)),
            StringComparer.Ordinal);
        Assert.Equal(Fixable(), documented);
    }

    [Fact]
    public void The_package_page_names_every_fixable_rule()
    {
        string page = File.ReadAllText(RepoFile("src/HvLint.Analyzers/PACKAGE.md"));
        int start = page.IndexOf("code fixes for", StringComparison.Ordinal);
        Assert.True(start >= 0, "PACKAGE.md says nothing of code fixes");
        string sentence = page.Substring(start, page.IndexOf(" in code", start, StringComparison.Ordinal) - start);
        Assert.Equal(Fixable(), new SortedSet<string>(RuleId().Matches(sentence).Select(m => m.Value), StringComparer.Ordinal));
    }

    [GeneratedRegex(@"HV\d{4}")]
    private static partial Regex RuleId();
}
