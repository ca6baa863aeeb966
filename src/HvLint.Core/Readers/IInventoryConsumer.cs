using HvLint.Model;
using HvLint.Rules;

namespace HvLint.Readers
{
    /// <summary>Where readers deliver what they read: hosts complete with their VMs, VMs that stand alone, problems.</summary>
    public interface IInventoryConsumer
    {
        void OnHost(Host host);

        void OnVirtualMachine(VirtualMachine vm);

        void OnProblem(RuleDescriptor descriptor, SourceLocation location, string message);
    }
}
