using System.Globalization;
using HvLint.Engine;
using HvLint.Model;
using HvLint.Reporting;

namespace HvLint.Cli;

/// <summary>
/// Text output for a person at a terminal: the canonical one-line form (so links still work), in colour,
/// with the offending input line and a caret under the column, then a table of findings by rule and the
/// summary. Used only when standard output is a terminal and NO_COLOR is not set; redirected output gets the
/// plain form that tools parse.
/// </summary>
public static class TerminalReporter
{
    private const string Reset = "\u001b[0m", Bold = "\u001b[1m", Dim = "\u001b[2m", Red = "\u001b[31m", Yellow = "\u001b[33m", Cyan = "\u001b[36m";

    public static bool ShouldUse(string? output) =>
        output == null && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <param name="readLines">The lines of an input by its display path, or null when it cannot be shown.</param>
    public static void Write(TextWriter w, AuditResult result, Func<string, string[]?> readLines, bool color = true)
    {
        var cache = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (Finding f in result.Findings)
        {
            string sev = SeverityNames.Text(f.Severity);
            string paint = f.Severity == Severity.Error ? Red : f.Severity == Severity.Warning ? Yellow : Cyan;
            string where = f.Location.Path + (f.Location.HasPosition ? "(" + f.Location.Line.ToString(CultureInfo.InvariantCulture) + "," + f.Location.Column.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty);
            w.WriteLine(color ? where + ": " + paint + Bold + sev + Reset + " " + Bold + f.RuleId + Reset + ": " + f.Message : TextReporter.Line(f));

            if (!f.Location.HasPosition) continue;
            if (!cache.TryGetValue(f.Location.Path, out string[]? lines)) cache[f.Location.Path] = lines = readLines(f.Location.Path);
            if (lines == null || f.Location.Line > lines.Length) continue;
            string text = lines[f.Location.Line - 1];
            string gutter = f.Location.Line.ToString(CultureInfo.InvariantCulture);
            w.WriteLine((color ? Dim : string.Empty) + " " + gutter + " | " + (color ? Reset : string.Empty) + text);
            // Keep tabs under tabs so the caret lines up whatever the tab width.
            var pad = new System.Text.StringBuilder();
            for (int i = 0; i < f.Location.Column - 1 && i < text.Length; i++) pad.Append(text[i] == '\t' ? '\t' : ' ');
            w.WriteLine((color ? Dim : string.Empty) + " " + new string(' ', gutter.Length) + " | " + (color ? Reset + paint : string.Empty) + pad + "^" + (color ? Reset : string.Empty));
        }

        if (result.Findings.Count > 0)
        {
            w.WriteLine();
            foreach (var group in result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Finding first = group.First();
                string count = group.Count().ToString(CultureInfo.InvariantCulture).PadLeft(5);
                string sev = SeverityNames.Text(first.Severity).PadRight(7);
                w.WriteLine(count + "  " + (color ? Bold : string.Empty) + group.Key + (color ? Reset : string.Empty) + "  " + sev + "  " + first.Descriptor.Title);
            }

            w.WriteLine();
        }

        foreach (string line in TextReporter.Summary(result)) w.WriteLine(line);
    }

    /// <summary>Reads an input's lines for display; null when it is gone or unreadable.</summary>
    public static string[]? ReadLines(string displayPath)
    {
        try
        {
            return File.Exists(displayPath) ? File.ReadAllLines(displayPath) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            return null;
        }
    }
}
