using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV2003 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV2003Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV2003: VHD 2040 GB, VHDX 64 TB, no VHDX on 2008 R2.
        { Vm("\"hardDrives\": [ { \"path\": \"d.vhd\", \"size\": \"2040GB\" } ]", "hyperv-2012r2"), 0 },
        { Vm("\"hardDrives\": [ { \"path\": \"d.vhd\", \"size\": \"2041GB\" } ]", "hyperv-2012r2"), 1 },
        { Vm("\"hardDrives\": [ { \"path\": \"d.vhdx\", \"size\": \"64TB\" } ]", "hyperv-2012r2"), 0 },
        { Vm("\"hardDrives\": [ { \"path\": \"d.vhdx\", \"size\": \"65TB\" } ]", "hyperv-2012r2"), 1 },
        { Vm("\"hardDrives\": [ { \"path\": \"d.vhdx\" } ]"), 1 },
        { Vm("\"hardDrives\": [ { \"path\": \"d.img\", \"size\": \"3TB\" } ]", "hyperv-2012r2"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV2003", json, expected);
}
