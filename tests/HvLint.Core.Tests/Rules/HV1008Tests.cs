using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV1008 from the Best Practices Analyzer's "Serial ports should not be configured on generation 2 virtual machines" (hyperv-facts.md §2, §5), and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV1008Tests
{
    private static string Ports(string generation, string ports) => Vm("\"generation\": " + generation + ", \"comPorts\": [ " + ports + " ]", "hyperv-2016");

    public static TheoryData<string, int> Cases => new()
    {
        { Ports("2", "{ \"number\": 1, \"path\": \"\\\\\\\\.\\\\pipe\\\\kd\" }"), 1 },
        { Ports("2", "{ \"number\": 1, \"path\": \"\\\\\\\\.\\\\pipe\\\\kd\" }, { \"number\": 2, \"path\": \"\\\\\\\\.\\\\pipe\\\\console\" }"), 2 },
        // Not connected, Generation 1 (where COM ports are ordinary emulated devices), or a generation not known.
        { Ports("2", "{ \"number\": 1, \"path\": \"\" }, { \"number\": 2, \"path\": null }"), 0 },
        { Ports("1", "{ \"number\": 1, \"path\": \"\\\\\\\\.\\\\pipe\\\\kd\" }"), 0 },
        { Vm("\"comPorts\": [ { \"number\": 1, \"path\": \"\\\\\\\\.\\\\pipe\\\\kd\" } ]", "hyperv-2016"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV1008", json, expected);

    [Fact]
    public void A_port_without_its_number_is_HV9001_and_attributed_to_no_port()
    {
        HvLint.Engine.AuditResult result = Run(Ports("2", "{ \"path\": \"\\\\\\\\.\\\\pipe\\\\kd\" }"));
        Assert.Contains("'comPorts': a COM port needs its \"number\" (1 or 2)", Assert.Single(result.Of("HV9001")).Message, StringComparison.Ordinal);
        Assert.Empty(result.Of("HV1008"));
    }
}
