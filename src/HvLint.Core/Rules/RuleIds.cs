namespace HvLint.Rules
{
    /// <summary>
    /// Every HvLint diagnostic ID, in one place. Ranges: HV1 compute, HV2 storage, HV3 network, HV4 guest,
    /// HV5 host, HV6 availability, HV7 security, HV8 provisioning API, HV9 the tool itself.
    /// IDs are never reused or renumbered; a retired rule keeps its page, marked retired.
    /// </summary>
    public static class RuleIds
    {
        public const string VirtualProcessorsAboveProfileMaximum = "HV1001";
        public const string VirtualProcessorsAboveGuestMaximum = "HV1002";
        public const string MemoryAboveProfileMaximum = "HV1003";
        public const string VirtualProcessorsAboveHostLogicalProcessors = "HV1004";
        public const string Generation2OnReleaseWithoutIt = "HV1005";
        public const string MemoryBelowGuestMinimum = "HV1006";
        public const string MemoryBelowGuestRecommendation = "HV1007";
        public const string SerialPortOnGeneration2 = "HV1008";

        public const string ControllerOrDriveLimits = "HV2001";
        public const string Generation1BootDiskNotOnIde = "HV2002";
        public const string VirtualDiskAboveFormatMaximum = "HV2003";
        public const string PassThroughDisk = "HV2004";
        public const string UnfilteredScsiCommandsAllowed = "HV2005";
        public const string FloppyDiskOnGeneration2 = "HV2006";
        public const string SmartPagingFileOnSystemDrive = "HV2007";
        public const string VhdFormatDynamicOrDifferencingDisk = "HV2008";

        public const string LegacyNetworkAdapterWhereSyntheticWouldDo = "HV3001";
        public const string Generation1NetworkBootWithoutLegacyAdapter = "HV3002";
        public const string LegacyNetworkAdapterOnGeneration2 = "HV3003";
        public const string TooManyNetworkAdapters = "HV3004";
        public const string DuplicateStaticMacAddress = "HV3005";
        public const string NetworkAdapterNotConnected = "HV3006";
        public const string InvalidVlanConfiguration = "HV3007";
        public const string MacAddressSpoofingRequired = "HV3008";

        public const string IntegrationServicesMissingOrOutdated = "HV4001";
        public const string UniprocessorHalTemplate = "HV4002";
        public const string LegacyNetworkAdapterWithoutGuestDriver = "HV4003";
        public const string IntegrationServiceDisabled = "HV4004";
        public const string UnsupportedGuestOnGeneration2 = "HV4005";
        public const string LinuxGuestOnWindowsSecureBootTemplate = "HV4006";

        public const string SinglePhysicalNetworkAdapter = "HV5001";
        public const string NoManagementAdapterReserved = "HV5002";
        public const string IscsiWithoutDedicatedAdapter = "HV5003";
        public const string HostLogicalProcessorsAboveMaximum = "HV5004";
        public const string RunningVirtualMachinesAboveMaximum = "HV5005";
        public const string HostMemoryAboveMaximum = "HV5006";
        public const string HostHardwarePrerequisitesMissing = "HV5007";
        public const string VirtualProcessorRatioAboveSupported = "HV5008";
        public const string DynamicMacAddressPoolTooSmall = "HV5009";
        public const string LiveMigrationNetworkBelow1Gbps = "HV5010";
        public const string LiveMigrationOrClusterWithoutDedicatedAdapter = "HV5011";

        public const string CheckpointsOnProductionVm = "HV6001";
        public const string BackupIntegrationServiceDisabled = "HV6002";
        public const string CheckpointsWithPassThroughDisk = "HV6003";
        public const string ProductionVmNotHighlyAvailable = "HV6004";
        public const string StandardCheckpointsWhereProductionWouldDo = "HV6005";
        public const string VirtualMachinePaused = "HV6006";

        public const string AdapterOnInternalSwitch = "HV7001";
        public const string SecureBootOffOnWindowsGuest = "HV7002";

        public const string V1ApiOnV2Namespace = "HV8001";
        public const string UnknownResourceSubType = "HV8002";
        public const string ProcessorLimitInWrongUnit = "HV8003";
        public const string FirmwareCmdletForOtherGeneration = "HV8004";
        public const string NewVmOptionGeneration2Refuses = "HV8005";

        public const string InputUnreadable = "HV9001";
        public const string ExportTruncatedOrAmbiguous = "HV9002";
        public const string InvalidConfiguration = "HV9003";
    }
}
