using HvLint.Model;
using HvLint.Readers;

namespace HvLint.Tests;

/// <summary>What a reader completes into, for tests that look at the model itself: every host and VM, placed or not; a problem fails the test.</summary>
internal sealed class CollectingConsumer : IInventoryConsumer
{
    public List<VirtualMachine> Vms { get; } = new();

    public List<Host> Hosts { get; } = new();

    public void OnHost(Host host)
    {
        Hosts.Add(host);
        Vms.AddRange(host.VirtualMachines.Items);
    }

    public void OnVirtualMachine(VirtualMachine vm) => Vms.Add(vm);

    public void OnProblem(HvLint.Rules.RuleDescriptor descriptor, SourceLocation location, string message) => Assert.Fail(message);
}
