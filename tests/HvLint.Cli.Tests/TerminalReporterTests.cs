using HvLint.Engine;

namespace HvLint.Cli.Tests;

public class TerminalReporterTests
{
    private const string Inventory = "{\n  \"profile\": \"hyperv-2008r2\",\n  \"virtualMachines\": [\n\t{ \"name\": \"sql01\", \"processorCount\": 8 }\n  ]\n}";

    private static AuditResult Audit() => Auditor.Run(new[] { InputDocument.FromText("inv.json", Inventory) }, new AuditOptions());

    [Fact]
    public void The_offending_line_is_shown_with_a_caret_under_the_column_keeping_tabs()
    {
        var w = new StringWriter();
        TerminalReporter.Write(w, Audit(), _ => Inventory.Split('\n'), color: false);
        string[] lines = w.ToString().Split(Environment.NewLine);
        Assert.Equal("inv.json(4,39): error HV1001: VM 'sql01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM", lines[0]);
        Assert.Equal(" 4 | \t{ \"name\": \"sql01\", \"processorCount\": 8 }", lines[1]);
        Assert.Equal("   | \t" + new string(' ', 37) + "^", lines[2]);
        Assert.Contains(lines, l => l == "    1  HV1001  error    Virtual processors above the platform's per-VM maximum");
        Assert.Contains(lines, l => l.StartsWith("1 error, 0 warnings, 0 infos", StringComparison.Ordinal));
    }

    [Fact]
    public void Colour_marks_the_severity_and_the_plain_line_stays_intact_without_it()
    {
        var coloured = new StringWriter();
        TerminalReporter.Write(coloured, Audit(), _ => null, color: true);
        Assert.Contains("\u001b[31m\u001b[1merror\u001b[0m", coloured.ToString());

        var plain = new StringWriter();
        TerminalReporter.Write(plain, Audit(), _ => null, color: false);
        Assert.DoesNotContain("\u001b[", plain.ToString());
    }
}
