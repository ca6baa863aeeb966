using HvLint.Engine;
using HvLint.Model;
using static HvLint.Tests.Audit;

namespace HvLint.Tests;

/// <summary>
/// Each rule at its boundary, on the facts of hyperv-facts.md, and silent when a fact it needs is unknown.
/// The rule pages' examples are checked separately (RulePageExampleTests).
/// </summary>
public class RuleTests
{
    public static TheoryData<string, string, int> Cases => new()
    {
        // HV1001: 4 per VM on 2008 R2 (R2LIM); 64 on 2012 R2 (J2012); Gen1 64 / Gen2 240 on 2016 (SCALE).
        { "HV1001", Vm("\"processorCount\": 4"), 0 },
        { "HV1001", Vm("\"processorCount\": 5"), 1 },
        { "HV1001", Vm("\"processorCount\": 64", "hyperv-2012r2"), 0 },
        { "HV1001", Vm("\"processorCount\": 65", "hyperv-2012r2"), 1 },
        { "HV1001", Vm("\"generation\": 1, \"processorCount\": 65", "hyperv-2016"), 1 },
        { "HV1001", Vm("\"generation\": 2, \"processorCount\": 240", "hyperv-2016"), 0 },
        { "HV1001", Vm("\"generation\": 2, \"processorCount\": 241", "hyperv-2019"), 1 },
        { "HV1001", Vm("\"generation\": 2, \"processorCount\": 1024", "hyperv-2022"), 0 },
        { "HV1001", Vm("\"generation\": 2, \"processorCount\": 2048", "hyperv-2025"), 0 },
        // Generation unknown on 2016: the Gen2 limit is the most permissive, so only above it is certain.
        { "HV1001", Vm("\"processorCount\": 100", "hyperv-2016"), 0 },
        { "HV1001", Vm("\"name\": \"x\"", "hyperv-2008r2").Replace("\"name\": \"vm1\", ", string.Empty), 0 },

        // HV1002: per-guest caps (BPA 500-506, GUESTOS).
        { "HV1002", Vm("\"guestOperatingSystem\": \"Windows Server 2003\", \"processorCount\": 2"), 0 },
        { "HV1002", Vm("\"guestOperatingSystem\": \"Windows Server 2003\", \"processorCount\": 3"), 1 },
        { "HV1002", Vm("\"guestOperatingSystem\": { \"name\": \"Windows XP Professional\", \"architecture\": \"x86\", \"servicePack\": 2 }, \"processorCount\": 2"), 1 },
        { "HV1002", Vm("\"guestOperatingSystem\": { \"name\": \"Windows XP Professional\", \"architecture\": \"x86\", \"servicePack\": 3 }, \"processorCount\": 2"), 0 },
        { "HV1002", Vm("\"guestOperatingSystem\": \"Windows Vista Business\", \"processorCount\": 3"), 1 },
        { "HV1002", Vm("\"guestOperatingSystem\": \"Windows 7 Enterprise\", \"processorCount\": 4"), 0 },
        { "HV1002", Vm("\"guestOperatingSystem\": \"Windows 7 Enterprise\", \"processorCount\": 5", "hyperv-2012r2"), 1 },
        { "HV1002", Vm("\"guestOperatingSystem\": \"Some Unknown OS 3.1\", \"processorCount\": 4"), 0 },
        { "HV1002", Vm("\"guestOperatingSystem\": \"Windows Server 2003\""), 0 },

        // HV1003: 64 GB on 2008 R2; 1 TB on 2012 R2; the Dynamic Memory maximum counts too.
        { "HV1003", Vm("\"memoryStartup\": \"64GB\""), 0 },
        { "HV1003", Vm("\"memoryStartup\": 68719476737"), 1 },
        { "HV1003", Vm("\"memoryStartup\": \"8GB\", \"dynamicMemoryEnabled\": true, \"memoryMaximum\": \"128GB\""), 1 },
        { "HV1003", Vm("\"memoryStartup\": \"8GB\", \"dynamicMemoryEnabled\": false, \"memoryMaximum\": \"128GB\""), 0 },
        { "HV1003", Vm("\"memoryStartup\": \"1TB\"", "hyperv-2012r2"), 0 },
        { "HV1003", Vm("\"memoryStartup\": \"2TB\"", "hyperv-2012r2"), 1 },
        { "HV1003", Vm("\"generation\": 2, \"memoryStartup\": \"2TB\"", "hyperv-2016"), 0 },

        // HV1004 needs the host's logical processors.
        { "HV1004", Host("\"logicalProcessorCount\": 2, \"virtualMachines\": [ { \"name\": \"a\", \"processorCount\": 4 } ]", "hyperv-2012r2"), 1 },
        { "HV1004", Host("\"virtualMachines\": [ { \"name\": \"a\", \"processorCount\": 4 } ]", "hyperv-2012r2"), 0 },
        { "HV1004", Vm("\"processorCount\": 4", "hyperv-2012r2"), 0 },

        // HV2001: IDE 2x2 on Gen1, SCSI 4x64, no IDE on Gen2.
        { "HV2001", Vm("\"hardDrives\": [ { \"controllerType\": \"IDE\", \"controllerNumber\": 1, \"controllerLocation\": 1 } ]"), 0 },
        { "HV2001", Vm("\"hardDrives\": [ { \"controllerType\": \"IDE\", \"controllerNumber\": 2, \"controllerLocation\": 0 } ]"), 1 },
        { "HV2001", Vm("\"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 3, \"controllerLocation\": 63 } ]"), 0 },
        { "HV2001", Vm("\"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 4, \"controllerLocation\": 64 } ]"), 2 },
        { "HV2001", Vm("\"generation\": 2, \"hardDrives\": [ { \"controllerType\": \"IDE\", \"controllerNumber\": 0, \"controllerLocation\": 0 } ]", "hyperv-2012r2"), 1 },
        { "HV2001", Vm("\"hardDrives\": [ { \"controllerNumber\": 7, \"controllerLocation\": 0 } ]"), 0 },

        // HV2002: Gen1 boot disk on SCSI.
        { "HV2002", Vm("\"generation\": 1, \"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 0, \"controllerLocation\": 0 } ]"), 1 },
        { "HV2002", Vm("\"generation\": 1, \"hardDrives\": [ { \"controllerType\": \"IDE\", \"controllerNumber\": 0, \"controllerLocation\": 0 }, { \"controllerType\": \"SCSI\", \"controllerNumber\": 0, \"controllerLocation\": 0 } ]"), 0 },
        { "HV2002", Vm("\"generation\": 1, \"bootOrder\": [\"LegacyNetworkAdapter\", \"CD\"], \"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 0, \"controllerLocation\": 0 } ]"), 0 },
        { "HV2002", Vm("\"generation\": 2, \"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 0, \"controllerLocation\": 0 } ]", "hyperv-2012r2"), 0 },
        { "HV2002", Vm("\"generation\": 1, \"hardDrives\": [ { \"controllerNumber\": 0, \"controllerLocation\": 0 } ]"), 0 },

        // HV2003: VHD 2040 GB, VHDX 64 TB, no VHDX on 2008 R2.
        { "HV2003", Vm("\"hardDrives\": [ { \"path\": \"d.vhd\", \"size\": \"2040GB\" } ]", "hyperv-2012r2"), 0 },
        { "HV2003", Vm("\"hardDrives\": [ { \"path\": \"d.vhd\", \"size\": \"2041GB\" } ]", "hyperv-2012r2"), 1 },
        { "HV2003", Vm("\"hardDrives\": [ { \"path\": \"d.vhdx\", \"size\": \"64TB\" } ]", "hyperv-2012r2"), 0 },
        { "HV2003", Vm("\"hardDrives\": [ { \"path\": \"d.vhdx\", \"size\": \"65TB\" } ]", "hyperv-2012r2"), 1 },
        { "HV2003", Vm("\"hardDrives\": [ { \"path\": \"d.vhdx\" } ]"), 1 },
        { "HV2003", Vm("\"hardDrives\": [ { \"path\": \"d.img\", \"size\": \"3TB\" } ]", "hyperv-2012r2"), 0 },

        // HV2004: pass-through disk.
        { "HV2004", Vm("\"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 0, \"controllerLocation\": 0, \"diskNumber\": 2 } ]"), 1 },
        { "HV2004", Vm("\"hardDrives\": [ { \"controllerType\": \"SCSI\", \"controllerNumber\": 0, \"controllerLocation\": 0, \"diskNumber\": null, \"path\": \"a.vhdx\" } ]", "hyperv-2012r2"), 0 },

        // HV3001: legacy adapter on a guest with integration services, unless it is the PXE path.
        { "HV3001", Vm("\"guestOperatingSystem\": \"Windows Server 2008 R2\", \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true, \"switchName\": \"s\" } ], \"bootOrder\": [\"IDE\", \"LegacyNetworkAdapter\"]"), 1 },
        { "HV3001", Vm("\"guestOperatingSystem\": \"Windows Server 2008 R2\", \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true, \"switchName\": \"s\" } ], \"bootOrder\": [\"LegacyNetworkAdapter\", \"IDE\"]"), 0 },
        { "HV3001", Vm("\"guestOperatingSystem\": \"Windows Server 2008 R2\", \"networkAdapters\": [ { \"name\": \"L1\", \"isLegacy\": true, \"switchName\": \"s\" }, { \"name\": \"L2\", \"isLegacy\": true, \"switchName\": \"s\" } ], \"bootOrder\": [\"LegacyNetworkAdapter\", \"IDE\"]"), 1 },
        { "HV3001", Vm("\"guestOperatingSystem\": \"Windows Server 2003\", \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true, \"switchName\": \"s\" } ], \"bootOrder\": [\"IDE\"]"), 0 },
        { "HV3001", Vm("\"guestOperatingSystem\": \"Windows Server 2003\", \"integrationServices\": { \"installed\": true }, \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true, \"switchName\": \"s\" } ], \"bootOrder\": [\"IDE\"]"), 1 },
        { "HV3001", Vm("\"guestOperatingSystem\": \"Windows Server 2008 R2\", \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true, \"switchName\": \"s\" } ]"), 0 },

        // HV3002: Gen1, network before disk, no legacy adapter; silent on unknowns.
        { "HV3002", Vm("\"generation\": 1, \"bootOrder\": [\"LegacyNetworkAdapter\", \"IDE\"], \"networkAdapters\": []"), 1 },
        { "HV3002", Vm("\"generation\": 1, \"bootOrder\": [3, 2, 1, 0], \"networkAdapters\": [ { \"name\": \"n\", \"isLegacy\": false } ]"), 1 },
        { "HV3002", Vm("\"generation\": 1, \"bootOrder\": [\"IDE\", \"LegacyNetworkAdapter\"], \"networkAdapters\": [ { \"name\": \"n\", \"isLegacy\": false } ]"), 0 },
        { "HV3002", Vm("\"generation\": 1, \"bootOrder\": [\"LegacyNetworkAdapter\", \"IDE\"], \"networkAdapters\": [ { \"name\": \"n\" } ]"), 0 },
        { "HV3002", Vm("\"generation\": 1, \"bootOrder\": [\"LegacyNetworkAdapter\", \"IDE\"]"), 0 },
        { "HV3002", Vm("\"generation\": 1, \"networkAdapters\": [ { \"name\": \"n\", \"isLegacy\": false } ]"), 0 },

        // HV3003.
        { "HV3003", Vm("\"generation\": 2, \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true } ]", "hyperv-2012r2"), 1 },
        { "HV3003", Vm("\"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true } ]", "hyperv-2012r2"), 0 },

        // HV3004: 8 synthetic + 4 legacy up to 2016, 64 + 4 from 2019.
        { "HV3004", Vm("\"networkAdapters\": [" + Adapters(4, legacy: true) + "]"), 0 },
        { "HV3004", Vm("\"networkAdapters\": [" + Adapters(5, legacy: true) + "]"), 1 },
        { "HV3004", Vm("\"generation\": 2, \"networkAdapters\": [" + Adapters(64, legacy: false) + "]", "hyperv-2019"), 0 },
        { "HV3004", Vm("\"generation\": 2, \"networkAdapters\": [" + Adapters(9, legacy: false) + "]", "hyperv-2016"), 1 },

        // HV3005: across VMs and spellings; dynamic and all-zero addresses ignored.
        { "HV3005", "{ \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"macAddress\": \"00155D000001\", \"staticMacAddress\": true } ] }, { \"name\": \"b\", \"networkAdapters\": [ { \"name\": \"n\", \"macAddress\": \"00:15:5d:00:00:01\", \"staticMacAddress\": true } ] } ] }", 1 },
        { "HV3005", "{ \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"macAddress\": \"00155D000001\", \"dynamicMacAddressEnabled\": true } ] }, { \"name\": \"b\", \"networkAdapters\": [ { \"name\": \"n\", \"macAddress\": \"00155D000001\", \"dynamicMacAddressEnabled\": true } ] } ] }", 0 },
        { "HV3005", "{ \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"macAddress\": \"000000000000\", \"staticMacAddress\": true } ] }, { \"name\": \"b\", \"networkAdapters\": [ { \"name\": \"n\", \"macAddress\": \"000000000000\", \"staticMacAddress\": true } ] } ] }", 0 },

        // HV3006: no switch (not on templates), or a switch the host lacks.
        { "HV3006", Vm("\"networkAdapters\": [ { \"name\": \"n\", \"switchName\": null } ]"), 1 },
        { "HV3006", Vm("\"isTemplate\": true, \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": null } ]"), 0 },
        { "HV3006", Vm("\"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"Anything\" } ]"), 0 },
        { "HV3006", Host("\"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"Gone\" } ] } ]"), 0 },
        { "HV3006", Host("\"virtualSwitches\": [], \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"Gone\" } ] } ]"), 1 },
        { "HV3006", Host("\"virtualSwitches\": [ { \"name\": \"vm-traffic\", \"switchType\": \"External\" } ], \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"VM-Traffic\" } ] } ]"), 0 },

        // HV3007: 1-4094; trunk needs an allowed list.
        { "HV3007", Vm("\"networkAdapters\": [ { \"name\": \"n\", \"vlan\": { \"operationMode\": \"Access\", \"accessVlanId\": 4094 } } ]"), 0 },
        { "HV3007", Vm("\"networkAdapters\": [ { \"name\": \"n\", \"vlan\": { \"operationMode\": 1, \"accessVlanId\": 0 } } ]"), 1 },
        { "HV3007", Vm("\"networkAdapters\": [ { \"name\": \"n\", \"vlan\": { \"operationMode\": \"Trunk\", \"nativeVlanId\": 1, \"allowedVlanIdList\": \"\" } } ]"), 1 },
        { "HV3007", Vm("\"networkAdapters\": [ { \"name\": \"n\", \"vlan\": { \"operationMode\": \"Trunk\", \"nativeVlanId\": 1, \"allowedVlanIdList\": \"10,20-30\" } } ]"), 0 },
        { "HV3007", Vm("\"networkAdapters\": [ { \"name\": \"n\", \"vlan\": { \"operationMode\": \"Trunk\", \"nativeVlanId\": 1, \"allowedVlanIdList\": \"10,4000-4095\" } } ]"), 1 },
        { "HV3007", Vm("\"networkAdapters\": [ { \"name\": \"n\", \"vlan\": { \"operationMode\": \"Untagged\", \"accessVlanId\": 0 } } ]"), 0 },

        // HV3008.
        { "HV3008", Vm("\"roles\": [\"nlb\"], \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"s\", \"macAddressSpoofing\": 1 } ]"), 1 },
        { "HV3008", Vm("\"roles\": [\"nlb\"], \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"s\", \"macAddressSpoofing\": 0 } ]"), 0 },
        { "HV3008", Vm("\"roles\": [\"nlb\"], \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"s\" } ]"), 0 },
        { "HV3008", Vm("\"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"s\", \"macAddressSpoofing\": \"Off\" } ]"), 0 },

        // HV4001.
        { "HV4001", Vm("\"integrationServices\": { \"installed\": false }"), 1 },
        { "HV4001", Vm("\"integrationServices\": { \"state\": \"Update required\", \"version\": \"6.0.6001.18016\" }"), 1 },
        { "HV4001", Vm("\"integrationServices\": { \"state\": \"Up to date\" }"), 0 },
        { "HV4001", Vm("\"integrationServices\": null"), 0 },

        // HV4002.
        { "HV4002", Vm("\"isTemplate\": true, \"guestOperatingSystem\": \"Windows Server 2003 R2\", \"processorCount\": 1"), 1 },
        { "HV4002", Vm("\"isTemplate\": false, \"guestOperatingSystem\": \"Windows Server 2003 R2\", \"processorCount\": 1"), 0 },
        { "HV4002", Vm("\"isTemplate\": true, \"guestOperatingSystem\": \"Windows Server 2008 R2\", \"processorCount\": 1"), 0 },
        { "HV4002", Vm("\"isTemplate\": true, \"guestOperatingSystem\": { \"name\": \"Windows XP Professional\", \"architecture\": \"x86\", \"servicePack\": 2 }, \"processorCount\": 1"), 0 },
        { "HV4002", Vm("\"isTemplate\": true, \"guestOperatingSystem\": \"Windows Server 2003 R2\""), 0 },

        // HV4003.
        { "HV4003", Vm("\"guestOperatingSystem\": { \"name\": \"Windows XP Professional x64 Edition\", \"architecture\": \"x64\" }, \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true } ]"), 1 },
        { "HV4003", Vm("\"guestOperatingSystem\": { \"name\": \"Windows Server 2003\", \"architecture\": \"x86\" }, \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true } ]"), 0 },
        { "HV4003", Vm("\"guestOperatingSystem\": \"Windows Server 2003\", \"networkAdapters\": [ { \"name\": \"L\", \"isLegacy\": true } ]"), 0 },

        // HV4004: VSS goes to HV6002; GSI off by default; Time Synchronization off on a DC is advice, not a defect.
        { "HV4004", Vm("\"integrationServices\": { \"services\": { \"Shutdown\": false, \"Key-Value Pair Exchange\": false } }"), 2 },
        { "HV4004", Vm("\"integrationServices\": { \"services\": { \"VSS\": false, \"Guest Service Interface\": false } }"), 0 },
        { "HV4004", Vm("\"roles\": [\"domain-controller\"], \"integrationServices\": { \"services\": { \"Time Synchronization\": false } }"), 0 },
        { "HV4004", Vm("\"integrationServices\": { \"services\": { \"Microsoft Time Synchronization Component\": false } }"), 1 },

        // HV4005.
        { "HV4005", Vm("\"generation\": 2, \"guestOperatingSystem\": \"Windows 7 Enterprise\"", "hyperv-2012r2"), 1 },
        { "HV4005", Vm("\"generation\": 2, \"guestOperatingSystem\": { \"name\": \"Windows 10 Enterprise\", \"architecture\": \"x86\" }", "hyperv-2016"), 1 },
        { "HV4005", Vm("\"generation\": 2, \"guestOperatingSystem\": \"Windows Server 2012 R2 Standard\"", "hyperv-2012r2"), 0 },
        { "HV4005", Vm("\"generation\": 2, \"guestOperatingSystem\": \"Ubuntu 22.04\"", "hyperv-2022"), 0 },

        // HV5001: one adapter; a team-only list hides the count.
        { "HV5001", Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC1\" } ]"), 1 },
        { "HV5001", Host("\"physicalNetworkAdapters\": [ { \"name\": \"Team1\", \"interfaceDescription\": \"Microsoft Network Adapter Multiplexor Driver\" } ]"), 0 },
        { "HV5001", Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC1\" }, { \"name\": \"NIC2\" } ]"), 0 },
        { "HV5001", Host("\"os\": \"Windows Server 2008 R2\""), 0 },

        // HV5002.
        { "HV5002", Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC1\" }, { \"name\": \"NIC2\" } ], \"virtualSwitches\": [ { \"name\": \"v\", \"switchType\": \"External\", \"netAdapterNames\": [\"NIC1\"], \"allowManagementOS\": true } ]"), 0 },
        { "HV5002", Host("\"physicalNetworkAdapters\": [ { \"name\": \"NIC1\" } ], \"virtualSwitches\": [ { \"name\": \"v\", \"switchType\": \"External\", \"netAdapterNames\": [\"NIC1\"] } ]"), 0 },

        // HV5004-HV5007: host scale and hardware against the host's own release.
        { "HV5004", Host("\"os\": \"Windows Server 2012 R2 Datacenter\", \"logicalProcessorCount\": 320"), 0 },
        { "HV5004", Host("\"os\": \"Windows Server 2012 R2 Datacenter\", \"logicalProcessorCount\": 321"), 1 },
        { "HV5004", Host("\"os\": \"Windows Server 2008\", \"logicalProcessorCount\": 24"), 0 },
        { "HV5004", Host("\"os\": \"Windows Server 2008\", \"logicalProcessorCount\": 25"), 1 },
        { "HV5005", Host("\"os\": \"Windows Server 2008 R2\", \"virtualMachines\": [" + RunningVms(385) + "]"), 1 },
        { "HV5005", Host("\"os\": \"Windows Server 2008 R2\", \"virtualMachines\": [" + RunningVms(384) + "]"), 0 },
        { "HV5006", Host("\"os\": \"Windows Server 2012 R2 Datacenter\", \"memoryCapacity\": \"4TB\""), 0 },
        { "HV5006", Host("\"os\": \"Windows Server 2012 R2 Datacenter\", \"memoryCapacity\": \"5TB\""), 1 },
        { "HV5006", Host("\"os\": \"Windows Server 2008 R2 Enterprise\", \"memoryCapacity\": \"1TB\""), 0 },
        { "HV5007", Host("\"os\": \"Windows Server 2016 Datacenter\", \"secondLevelAddressTranslation\": false"), 1 },
        { "HV5007", Host("\"os\": \"Windows Server 2012 R2 Datacenter\", \"secondLevelAddressTranslation\": false"), 0 },
        { "HV5007", Host("\"os\": \"Windows Server 2008 R2\", \"dataExecutionPrevention\": false"), 1 },

        // HV5008: 8:1 on 2008 R2, 12:1 when every running guest is Windows 7; only running VMs count.
        { "HV5008", Host("\"os\": \"Windows Server 2008 R2\", \"logicalProcessorCount\": 1, \"virtualMachines\": [" + RunningVms(9, "\"processorCount\": 1, \"guestOperatingSystem\": \"Windows 7\"") + "]"), 0 },
        { "HV5008", Host("\"os\": \"Windows Server 2008 R2\", \"logicalProcessorCount\": 1, \"virtualMachines\": [" + RunningVms(9, "\"processorCount\": 1, \"guestOperatingSystem\": \"Windows Server 2008 R2\"") + "]"), 1 },
        { "HV5008", Host("\"os\": \"Windows Server 2008 R2\", \"logicalProcessorCount\": 1, \"virtualMachines\": [" + RunningVms(13, "\"processorCount\": 1, \"guestOperatingSystem\": \"Windows 7\"") + "]"), 1 },
        { "HV5008", Host("\"os\": \"Windows Server 2012 R2\", \"logicalProcessorCount\": 1, \"virtualMachines\": [" + RunningVms(20, "\"processorCount\": 1") + "]"), 0 },

        // HV6001-HV6004.
        { "HV6001", Vm("\"environment\": \"production\", \"checkpointCount\": 1"), 1 },
        { "HV6001", Vm("\"environment\": \"test\", \"checkpointCount\": 10"), 0 },
        { "HV6001", Vm("\"environment\": \"test\", \"checkpointCount\": 51"), 1 },
        { "HV6001", Vm("\"roles\": [\"production\"], \"checkpoints\": [ {}, {} ]"), 1 },
        { "HV6002", Vm("\"integrationServices\": { \"services\": { \"Backup (volume shadow copy)\": false } }"), 1 },
        { "HV6002", Vm("\"integrationServices\": { \"services\": { \"Heartbeat\": false } }"), 0 },
        { "HV6003", Vm("\"checkpointCount\": 1, \"hardDrives\": [ { \"diskNumber\": 1 } ]"), 1 },
        { "HV6003", Vm("\"hardDrives\": [ { \"diskNumber\": 1 } ]"), 0 },
        { "HV6004", Vm("\"environment\": \"production\""), 0 },
        { "HV6004", Vm("\"environment\": \"test\", \"isClustered\": false"), 0 },

        // HV7001 needs the host's switch list.
        { "HV7001", Vm("\"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"Internal\" } ]"), 0 },
        { "HV7001", Host("\"virtualSwitches\": [ { \"name\": \"i\", \"switchType\": 1 } ], \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"i\" } ] } ]"), 1 },
        { "HV7001", Host("\"virtualSwitches\": [ { \"name\": \"p\", \"switchType\": 0 } ], \"virtualMachines\": [ { \"name\": \"a\", \"networkAdapters\": [ { \"name\": \"n\", \"switchName\": \"p\" } ] } ]"), 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_reports_exactly_the_expected_findings(string ruleId, string json, int expected)
    {
        var result = Run(json);
        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("HV9", StringComparison.Ordinal));
        Assert.Equal(expected, result.Of(ruleId).Length);
    }

    [Fact]
    public void HV6001_is_an_error_above_the_50_checkpoint_limit_and_a_warning_below()
    {
        Assert.Equal(Severity.Warning, Run(Vm("\"environment\": \"production\", \"checkpointCount\": 50")).Of("HV6001").Single().Severity);
        Assert.Equal(Severity.Error, Run(Vm("\"environment\": \"production\", \"checkpointCount\": 51")).Of("HV6001").Single().Severity);
    }

    [Fact]
    public void HV1003_uses_32_GB_when_the_host_runs_a_Standard_edition_of_2008_R2()
    {
        string Vm48(string os) => Host("\"os\": \"" + os + "\", \"virtualMachines\": [ { \"name\": \"a\", \"memoryStartup\": \"48GB\" } ]");
        Assert.Single(Run(Vm48("Windows Server 2008 R2 Standard")).Of("HV1003"));
        Assert.Empty(Run(Vm48("Windows Server 2008 R2 Enterprise")).Of("HV1003"));
    }

    [Fact]
    public void A_finding_points_at_the_value_that_causes_it()
    {
        string json = "{\n  \"profile\": \"hyperv-2008r2\",\n  \"virtualMachines\": [\n    { \"name\": \"sql01\",\n      \"processorCount\": 8 }\n  ]\n}";
        Finding f = Run(json).Of("HV1001").Single();
        Assert.Equal(("inventory.json", 5, 25), (f.Location.Path, f.Location.Line, f.Location.Column));
        Assert.Equal("vm:sql01", f.Subject);
        Assert.Contains("8 virtual processors", f.Message);
        Assert.Contains("allows 4", f.Message);
    }

    [Fact]
    public void A_rule_turned_off_in_the_settings_reports_nothing_and_a_changed_severity_is_applied()
    {
        var off = new HvLint.Engine.RuleSettings();
        off.SetSeverity("HV1001", Severity.None);
        Assert.Empty(Run(Vm("\"processorCount\": 8"), settings: off).Findings);

        var info = new HvLint.Engine.RuleSettings();
        info.SetSeverity("HV1001", Severity.Info);
        Assert.Equal(Severity.Info, Run(Vm("\"processorCount\": 8"), settings: info).Findings.Single().Severity);
    }

    private static string Adapters(int n, bool legacy) =>
        string.Join(", ", Enumerable.Range(1, n).Select(i => "{ \"name\": \"n" + i + "\", \"isLegacy\": " + (legacy ? "true" : "false") + ", \"switchName\": \"s\" }"));

    private static string RunningVms(int n, string extra = "\"processorCount\": 1") =>
        string.Join(", ", Enumerable.Range(1, n).Select(i => "{ \"name\": \"v" + i + "\", \"state\": \"Running\", " + extra + " }"));
}
