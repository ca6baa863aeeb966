using HvLint.Model;

namespace HvLint.Rules.Network
{
    /// <summary>What a boot order says about network boot; shared by the PXE rules.</summary>
    internal static class BootOrderFacts
    {
        /// <summary>
        /// The network entry that the firmware reaches before any hard disk, or null when the boot order is
        /// unknown or puts the disk first. Entries before it (CD, floppy) fall through when empty.
        /// </summary>
        public static BootEntry? NetworkBeforeDisk(VirtualMachine vm, out bool known)
        {
            known = vm.BootOrder.IsKnown;
            if (!known) return null;
            foreach (BootEntry entry in vm.BootOrder.Items)
            {
                if (entry.IsHardDisk) return null;
                if (entry.IsNetwork) return entry;
            }

            return null;
        }
    }
}
