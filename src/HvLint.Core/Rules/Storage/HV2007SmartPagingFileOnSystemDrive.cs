using System;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Rules.Storage
{
    /// <summary>
    /// HV2007: the Smart Paging file of a VM that can use one, on its host's system drive (the Best Practices Analyzer's
    /// "Avoid storing Smart Paging files on a system disk", BPA-PS rule 216; hyperv-facts.md §5 and §8 row 35).
    /// </summary>
    public sealed class HV2007SmartPagingFileOnSystemDrive : VirtualMachineRule
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create(
            RuleIds.SmartPagingFileOnSystemDrive, "SmartPagingFileOnSystemDrive",
            "Smart Paging file on the host's system drive", RuleCategory.Storage, Severity.Warning,
            "When a VM with Dynamic Memory restarts on a host that cannot give it its startup memory, Hyper-V backs the difference between its minimum and startup memory with a Smart Paging file. On the host's system drive that file competes with the management operating system for space and I/O, at the moment the host is already short of memory. The Best Practices Analyzer warns against it; keep Smart Paging files on a data volume, such as the one that holds the VM.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Check(VirtualMachineContext context)
        {
            VirtualMachine vm = context.VirtualMachine;
            Host? host = context.Host;
            if (host == null || !host.SystemDrive.IsKnown || !vm.SmartPagingFilePath.IsKnown) return;

            // Smart Paging backs only the memory between minimum and startup, so a VM that cannot go below its startup
            // memory never uses the file.
            if (!vm.DynamicMemoryEnabled.IsTrue() || !vm.MemoryMinimumBytes.IsKnown || !vm.MemoryStartupBytes.IsKnown || vm.MemoryMinimumBytes.Value >= vm.MemoryStartupBytes.Value) return;

            string drive = host.SystemDrive.Value.Trim().TrimEnd('\\');
            string path = vm.SmartPagingFilePath.Value.Trim();
            if (!OnDrive(path, drive)) return;
            // Cluster Shared Volumes are mounted in folders under <system drive>\ClusterStorage: a path there is on the CSV.
            if (OnDrive(path, drive + "\\ClusterStorage")) return;

            context.Report(vm.SmartPagingFilePath.Location, VirtualMachineContext.Format(
                "{0} keeps its Smart Paging file in '{1}', on host '{2}''s system drive {3}; move it to a data volume (Set-VM -SmartPagingFilePath)",
                context.VmLabel, path, host.DisplayName, drive));
        }

        /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or below it ("C:" holds "C:\ProgramData", not "C:2").</summary>
        private static bool OnDrive(string path, string root) =>
            path.StartsWith(root, StringComparison.OrdinalIgnoreCase) && (path.Length == root.Length || path[root.Length] == '\\' || path[root.Length] == '/');
    }
}
