using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Storage
{
    /// <summary>HV2003: a virtual disk larger than its format allows (VHD 2040 GB, VHDX 64 TB; SCALE).</summary>
    public sealed class HV2003VirtualDiskAboveFormatMaximum : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.VirtualDiskAboveFormatMaximum, "VirtualDiskAboveFormatMaximum",
            "Virtual disk above its format's maximum size", RuleCategory.Storage, Severity.Error,
            "A VHD holds at most 2040 GB and a VHDX at most 64 TB. A larger disk cannot be created; on Windows Server 2008 and 2008 R2 there is no VHDX at all.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            foreach (Drive drive in context.VirtualMachine.Drives.Items)
            {
                if (!drive.Kind.Is(k => k == DriveKind.VirtualHardDisk) || !drive.Format.IsKnown) continue;
                VirtualHardDiskFormat format = drive.Format.Value;
                if (format == VirtualHardDiskFormat.Vhdx && context.Profile.MaxVhdxBytes == null)
                {
                    context.Report(drive.Format.Location, VirtualMachineContext.Format(
                        "{0} uses the VHDX disk '{1}'; {2} cannot open VHDX files (VHDX arrived with Windows Server 2012)",
                        context.VmLabel, drive.DisplayName, context.Profile.Id), drive.SlotDescription + "#format");
                    continue;
                }

                if (!drive.SizeBytes.IsKnown) continue;
                long limit = format == VirtualHardDiskFormat.Vhd ? context.Profile.MaxVhdBytes : context.Profile.MaxVhdxBytes!.Value;
                if (drive.SizeBytes.Value <= limit) continue;
                context.Report(drive.SizeBytes.Location, VirtualMachineContext.Format(
                    "{0} has the {1} disk '{2}' of {3}; a {1} holds at most {4}",
                    context.VmLabel, format == VirtualHardDiskFormat.Vhd ? "VHD" : "VHDX", drive.DisplayName, Units.FormatBytes(drive.SizeBytes.Value), Units.FormatBytes(limit)), drive.SlotDescription + "#size");
            }
        }
    }
}
