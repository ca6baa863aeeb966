using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Storage
{
    /// <summary>
    /// HV2008: a dynamically expanding or differencing disk in the VHD format (Best Practices Analyzer rules 61 and 62,
    /// BPA-PS 354 and 355; hyperv-facts.md §4.3 and §8 row 16).
    /// </summary>
    public sealed class HV2008VhdFormatDynamicOrDifferencingDisk : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.VhdFormatDynamicOrDifferencingDisk, "VhdFormatDynamicOrDifferencingDisk",
            "Dynamic or differencing disk in the VHD format", RuleCategory.Storage, Severity.Warning,
            "A dynamically expanding or differencing disk in the old VHD format updates its block allocation table without a log, so a power failure can leave it corrupt; the VHDX format, from Windows Server 2012, logs those updates. The Best Practices Analyzer warns against such disks under server workloads in production: convert the disk to VHDX, or to a fixed-size VHD. Development and test VMs, when their environment says so, are left alone.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            // Without VHDX (2008, 2008 R2) the one way out is a fixed disk, which the BPA of those releases did not ask for.
            if (context.Profile.MaxVhdxBytes == null || context.VirtualMachine.IsKnownNonProduction) return;
            foreach (Drive drive in context.VirtualMachine.Drives.Items)
            {
                if (!drive.Kind.Is(k => k == DriveKind.VirtualHardDisk) || !drive.Format.Is(f => f == VirtualHardDiskFormat.Vhd)) continue;
                if (!drive.VhdType.Is(t => t == VirtualHardDiskType.Dynamic || t == VirtualHardDiskType.Differencing)) continue;
                context.Report(drive.VhdType.Location, VirtualMachineContext.Format(
                    "{0} has the {1} VHD-format disk '{2}', which a power failure can corrupt; convert it to VHDX (Convert-VHD) or to a fixed-size disk",
                    context.VmLabel, drive.VhdType.Value == VirtualHardDiskType.Dynamic ? "dynamically expanding" : "differencing", drive.DisplayName), drive.SlotDescription + "#type");
            }
        }
    }
}
