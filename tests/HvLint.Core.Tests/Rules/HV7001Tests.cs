using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests.Rules;

/// <summary>HV7001 at its boundaries, from hyperv-facts.md, and silent on unknown facts. The page's own examples run in DocumentationTests.</summary>
public class HV7001Tests
{
    public static TheoryData<string, int> Cases => new()
    {
        // HV7001 needs the host's switch list.
        { Vm("\"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"Internal\" } ]"), 0 },
        { Host("\"virtualSwitches\": [ { \"name\": \"i\", \"switchType\": 1 } ], \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"i\" } ] } ]"), 1 },
        { Host("\"virtualSwitches\": [ { \"name\": \"p\", \"switchType\": 0 } ], \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"p\" } ] } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_findings(string json, int expected) => RuleCase.Check("HV7001", json, expected);

    [Fact]
    public void A_VM_on_a_host_known_in_part_is_checked_against_its_switches_and_the_host_rules_do_not_run()
    {
        // What provisioning code knows of a host: the switches it creates, and (here) the one physical adapter it names;
        // neither list is complete, so neither HV3006 (a switch the host lacks) nor the host rules may read it.
        var at = new SourceLocation("Provisioner.cs", 3, 5);
        var host = new Host { Location = at };
        host.VirtualSwitches.Add(new VirtualSwitch { Name = Fact.Known("Lab", at), SwitchType = Fact.Known(VirtualSwitchType.Internal, at) });
        host.PhysicalNetworkAdapters.MarkKnown(at);
        host.PhysicalNetworkAdapters.Add(new PhysicalNetworkAdapter { Name = Fact.Known("NIC1", at) });
        var vm = new VirtualMachine { Location = at, Name = Fact.Known("lab01", at) };
        vm.NetworkAdapters.Add(new NetworkAdapter { Location = at, SwitchName = Fact.Known<string?>("Lab", at) });
        vm.NetworkAdapters.Add(new NetworkAdapter { Location = at, SwitchName = Fact.Known<string?>("Corp", at) });

        var session = new AuditSession(HvLint.Profiles.ProfileCatalog.Default);
        session.AuditVirtualMachine(vm, host);

        Assert.Equal(new[] { "HV7001" }, session.Complete().Select(f => f.Descriptor.Id).ToArray());
        Assert.Equal(0, session.HostsAudited);
    }
}
