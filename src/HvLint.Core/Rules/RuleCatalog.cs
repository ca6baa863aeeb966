using System;
using System.Collections.Generic;
using HvLint.Rules.Availability;
using HvLint.Rules.Compute;
using HvLint.Rules.Guest;
using HvLint.Rules.Hosts;
using HvLint.Rules.Network;
using HvLint.Rules.Security;
using HvLint.Rules.Storage;

namespace HvLint.Rules
{
    /// <summary>
    /// The one catalog: the CLI, the analyzers and SARIF tool.driver.rules are all built from it. Listed
    /// explicitly (no reflection) so analyzers load fast and the order is stable.
    /// </summary>
    public static class RuleCatalog
    {
        public static IReadOnlyList<Rule> Rules { get; } = new Rule[]
        {
            new HV1001VirtualProcessorsAboveProfileMaximum(),
            new HV1002VirtualProcessorsAboveGuestMaximum(),
            new HV1003MemoryAboveProfileMaximum(),
            new HV1004VirtualProcessorsAboveHostLogicalProcessors(),
            new HV1005Generation2OnReleaseWithoutIt(),
            new HV1006MemoryBelowGuestMinimum(),
            new HV1007MemoryBelowGuestRecommendation(),
            new HV1008SerialPortOnGeneration2(),
            new HV2001ControllerOrDriveLimits(),
            new HV2002Generation1BootDiskNotOnIde(),
            new HV2003VirtualDiskAboveFormatMaximum(),
            new HV2004PassThroughDisk(),
            new HV2005UnfilteredScsiCommandsAllowed(),
            new HV2006FloppyDiskOnGeneration2(),
            new HV2007SmartPagingFileOnSystemDrive(),
            new HV2008VhdFormatDynamicOrDifferencingDisk(),
            new HV3001LegacyNetworkAdapterWhereSyntheticWouldDo(),
            new HV3002Generation1NetworkBootWithoutLegacyAdapter(),
            new HV3003LegacyNetworkAdapterOnGeneration2(),
            new HV3004TooManyNetworkAdapters(),
            new HV3005DuplicateStaticMacAddress(),
            new HV3006NetworkAdapterNotConnected(),
            new HV3007InvalidVlanConfiguration(),
            new HV3008MacAddressSpoofingRequired(),
            new HV4001IntegrationServicesMissingOrOutdated(),
            new HV4002UniprocessorHalTemplate(),
            new HV4003LegacyNetworkAdapterWithoutGuestDriver(),
            new HV4004IntegrationServiceDisabled(),
            new HV4005UnsupportedGuestOnGeneration2(),
            new HV4006LinuxGuestOnWindowsSecureBootTemplate(),
            new HV5001SinglePhysicalNetworkAdapter(),
            new HV5002NoManagementAdapterReserved(),
            new HV5003IscsiWithoutDedicatedAdapter(),
            new HV5004HostLogicalProcessorsAboveMaximum(),
            new HV5005RunningVirtualMachinesAboveMaximum(),
            new HV5006HostMemoryAboveMaximum(),
            new HV5007HostHardwarePrerequisitesMissing(),
            new HV5008VirtualProcessorRatioAboveSupported(),
            new HV5009DynamicMacAddressPoolTooSmall(),
            new HV5010LiveMigrationNetworkBelow1Gbps(),
            new HV5011LiveMigrationOrClusterWithoutDedicatedAdapter(),
            new HV6001CheckpointsOnProductionVm(),
            new HV6002BackupIntegrationServiceDisabled(),
            new HV6003CheckpointsWithPassThroughDisk(),
            new HV6004ProductionVmNotHighlyAvailable(),
            new HV6005StandardCheckpointsWhereProductionWouldDo(),
            new HV6006VirtualMachinePaused(),
            new HV7001AdapterOnInternalSwitch(),
            new HV7002SecureBootOffOnWindowsGuest(),
        };

        /// <summary>Every descriptor, rules first and then HvLint's own diagnostics, ordered by ID.</summary>
        public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = BuildDescriptors();

        public static RuleDescriptor? Find(string id)
        {
            foreach (RuleDescriptor d in Descriptors)
            {
                if (string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase)) return d;
            }

            return null;
        }

        private static IReadOnlyList<RuleDescriptor> BuildDescriptors()
        {
            var list = new List<RuleDescriptor>();
            foreach (Rule r in Rules) list.Add(r.Descriptor);
            list.AddRange(ProvisioningApi.ProvisioningApiDiagnostics.All);
            list.Add(ToolDiagnostics.InputUnreadable);
            list.Add(ToolDiagnostics.ExportTruncatedOrAmbiguous);
            list.Add(ToolDiagnostics.InvalidConfiguration);
            list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            return list;
        }
    }
}
