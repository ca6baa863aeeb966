using HvLint.Engine;

namespace HvLint.Rules
{
    /// <summary>A catalog rule. Rules know the model and the profile, never an input format.</summary>
    public abstract class Rule
    {
        public abstract RuleDescriptor Descriptor { get; }
    }

    /// <summary>A rule about one VM, with its host when the VM is placed on one.</summary>
    public abstract class VirtualMachineRule : Rule
    {
        public abstract void Check(VirtualMachineContext context);
    }

    /// <summary>A rule about one host and the VMs on it.</summary>
    public abstract class HostRule : Rule
    {
        public abstract void Check(HostContext context);
    }

    /// <summary>
    /// A rule across the whole inventory (duplicate MAC addresses). It sees VMs one at a time and keeps a
    /// compact summary, so large inventories stay streamable.
    /// </summary>
    public abstract class InventoryRule : Rule
    {
        public abstract IInventoryObserver CreateObserver();
    }

    public interface IInventoryObserver
    {
        void Observe(VirtualMachineContext context);

        void Complete(FindingSink sink);
    }
}
