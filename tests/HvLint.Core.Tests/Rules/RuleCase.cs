using HvLint.Engine;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

internal static class RuleCase
{
    /// <summary>The rule reports exactly <paramref name="expected"/> findings on the inventory, which reads cleanly.</summary>
    public static void Check(string ruleId, string json, int expected)
    {
        AuditResult result = Run(json);
        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("HV9", StringComparison.Ordinal));
        Assert.Equal(expected, result.Of(ruleId).Length);
    }

    public static string Adapters(int n, bool legacy) =>
        string.Join(", ", Enumerable.Range(1, n).Select(i => "{ \"name\": \"n" + i + "\", \"isLegacy\": " + (legacy ? "true" : "false") + ", \"switchName\": \"s\" }"));

    public static string RunningVms(int n, string extra = "\"processorCount\": 1") =>
        string.Join(", ", Enumerable.Range(1, n).Select(i => "{ \"name\": \"v" + i + "\", \"state\": \"Running\", " + extra + " }"));
}
