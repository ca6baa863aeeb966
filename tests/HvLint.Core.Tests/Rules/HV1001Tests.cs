using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV1001 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV1001Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV1001: 4 per VM on 2008 R2 (R2LIM); 64 on 2012 R2 (J2012); Gen1 64 / Gen2 240 on 2016 (SCALE).
        { Vm("\"processorCount\": 4"), 0 },
        { Vm("\"processorCount\": 5"), 1 },
        { Vm("\"processorCount\": 64", "hyperv-2012r2"), 0 },
        { Vm("\"processorCount\": 65", "hyperv-2012r2"), 1 },
        { Vm("\"generation\": 1, \"processorCount\": 65", "hyperv-2016"), 1 },
        { Vm("\"generation\": 2, \"processorCount\": 240", "hyperv-2016"), 0 },
        { Vm("\"generation\": 2, \"processorCount\": 241", "hyperv-2019"), 1 },
        { Vm("\"generation\": 2, \"processorCount\": 1024", "hyperv-2022"), 0 },
        { Vm("\"generation\": 2, \"processorCount\": 2048", "hyperv-2025"), 0 },
        // Generation unknown on 2016: the Gen2 limit is the most permissive, so only above it is certain.
        { Vm("\"processorCount\": 100", "hyperv-2016"), 0 },
        { Vm("\"name\": \"x\"", "hyperv-2008r2").Replace("\"name\": \"vm1\", ", string.Empty), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV1001", json, expected);

    [Fact]
    public void A_finding_points_at_the_value_that_causes_it()
    {
        string json = "{\n  \"profile\": \"hyperv-2008r2\",\n  \"virtualMachines\": [\n    { \"name\": \"sql01\",\n      \"processorCount\": 8 }\n  ]\n}";
        Finding f = Run(json).Of("HV1001").Single();
        Assert.Equal(("inventory.json", 5, 25), (f.Location.Path, f.Location.Line, f.Location.Column));
        Assert.Equal("vm:sql01", f.Subject);
        Assert.Contains("8 virtual processors", f.Message);
        Assert.Contains("allows 4", f.Message);
    }

    [Fact]
    public void A_rule_turned_off_in_the_settings_reports_nothing_and_a_changed_severity_is_applied()
    {
        var off = new HvLint.Engine.RuleSettings();
        off.SetSeverity("HV1001", Severity.None);
        Assert.Empty(Run(Vm("\"processorCount\": 8"), settings: off).Findings);

        var info = new HvLint.Engine.RuleSettings();
        info.SetSeverity("HV1001", Severity.Info);
        Assert.Equal(Severity.Info, Run(Vm("\"processorCount\": 8"), settings: info).Findings.Single().Severity);
    }

    [Fact]
    public void The_shared_default_settings_cannot_be_changed_so_one_audit_cannot_turn_a_rule_off_for_the_next()
    {
        Assert.Throws<InvalidOperationException>(() => HvLint.Engine.RuleSettings.Defaults.SetSeverity("HV1001", Severity.None));
        Assert.Single(Run(Vm("\"processorCount\": 8")).Of("HV1001"));
    }
}
