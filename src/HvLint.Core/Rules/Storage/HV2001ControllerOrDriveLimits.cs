using System.Collections.Generic;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Storage
{
    /// <summary>HV2001: controller and drive slots beyond what Hyper-V offers (hyperv-facts.md §1.1, §2).</summary>
    public sealed class HV2001ControllerOrDriveLimits : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.ControllerOrDriveLimits, "ControllerOrDriveLimits",
            "Controller or drive beyond Hyper-V's limits", RuleCategory.Storage, Severity.Error,
            "A Generation 1 VM has 2 IDE controllers with 2 devices each; every VM has at most 4 SCSI controllers with 64 disks each; a Generation 2 VM has no IDE controller at all. A drive placed outside those slots cannot be attached.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            var profile = context.Profile;
            var perController = new Dictionary<string, int>();
            var slots = new HashSet<string>();
            foreach (Drive drive in vm.Drives.Items)
            {
                if (!drive.ControllerType.IsKnown) continue;
                ControllerType type = drive.ControllerType.Value;
                SourceLocation at = drive.ControllerType.Location;
                if (type == ControllerType.Ide)
                {
                    if (context.Generation == 2)
                    {
                        context.Report(at, VirtualMachineContext.Format("{0} is Generation 2 but has a drive on {1}; Generation 2 VMs have no IDE controller (use SCSI)", context.VmLabel, drive.SlotName), drive.SlotDescription);
                        continue;
                    }

                    CheckSlot(context, drive, profile.IdeControllers, profile.DrivesPerIdeController, "IDE");
                }
                else if (type == ControllerType.Scsi)
                {
                    CheckSlot(context, drive, profile.ScsiControllers, profile.DisksPerScsiController, "SCSI");
                }

                if (drive.ControllerNumber.IsKnown && drive.ControllerLocation.IsKnown)
                {
                    string slot = drive.SlotDescription;
                    if (!slots.Add(slot))
                    {
                        context.Report(drive.ControllerLocation.Location, VirtualMachineContext.Format("{0} has two drives in {1}; each controller location holds one drive", context.VmLabel, slot), slot + "#duplicate");
                    }
                }

                if (drive.ControllerNumber.IsKnown)
                {
                    string key = type + " " + drive.ControllerNumber.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    perController.TryGetValue(key, out int n);
                    perController[key] = ++n;
                    int max = type == ControllerType.Ide ? profile.DrivesPerIdeController : profile.DisksPerScsiController;
                    if (type != ControllerType.Pmem && n == max + 1)
                    {
                        context.Report(drive.ControllerNumber.Location, VirtualMachineContext.Format("{0} has more than {1} drives on {2} controller {3}; the controller holds {1}", context.VmLabel, max, type == ControllerType.Ide ? "IDE" : "SCSI", drive.ControllerNumber.Value), key + "#count");
                    }
                }
            }
        }

        private static void CheckSlot(VirtualMachineContext context, Drive drive, int controllers, int perController, string bus)
        {
            if (drive.ControllerNumber.IsKnown && (drive.ControllerNumber.Value < 0 || drive.ControllerNumber.Value >= controllers))
            {
                context.Report(drive.ControllerNumber.Location, VirtualMachineContext.Format(
                    "{0} has a drive on {1} controller {2}; Hyper-V offers {3} {1} controllers (0 to {4})",
                    context.VmLabel, bus, drive.ControllerNumber.Value, controllers, controllers - 1), drive.SlotDescription + "#controller");
            }

            if (drive.ControllerLocation.IsKnown && (drive.ControllerLocation.Value < 0 || drive.ControllerLocation.Value >= perController))
            {
                context.Report(drive.ControllerLocation.Location, VirtualMachineContext.Format(
                    "{0} has a drive at {1} location {2}; {1} controllers have {3} locations each (0 to {4})",
                    context.VmLabel, bus, drive.ControllerLocation.Value, perController, perController - 1), drive.SlotDescription + "#location");
            }
        }
    }
}
