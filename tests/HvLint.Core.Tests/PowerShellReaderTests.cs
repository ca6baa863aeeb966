using static HvLint.Tests.Audit;

namespace HvLint.Tests;

/// <summary>
/// Rules through the PowerShell readers: each case is the cmdlet output (as ConvertTo-Json writes it) that
/// carries the facts the rule needs, possibly over several files.
/// </summary>
public class PowerShellReaderTests
{
    private const string Host = "{ \"ComputerName\": \"HV1\", \"Name\": \"HV1\", \"LogicalProcessorCount\": 4, \"MemoryCapacity\": 68719476736 }";
    private const string Os2012R2 = "{ \"Caption\": \"Microsoft Windows Server 2012 R2 Datacenter\", \"Version\": \"6.3.9600\", \"OSArchitecture\": \"64-bit\", \"CSName\": \"HV1\" }";

    private static string Vm(string name, string extra = "", string processorCount = "2") =>
        "{ \"Name\": \"" + name + "\", \"Id\": \"" + Guid(name) + "\", \"VMId\": \"" + Guid(name) + "\", \"ComputerName\": \"HV1\", \"Generation\": 1, \"State\": 2, \"ProcessorCount\": " + processorCount + ", \"MemoryStartup\": 4294967296, \"Version\": \"5.0\"" + extra + " }";

    private static string Adapter(string vm, string extra) =>
        "{ \"VMName\": \"" + vm + "\", \"VMId\": \"" + Guid(vm) + "\", \"ComputerName\": \"HV1\", \"IsManagementOs\": false" + extra + " }";

    private static string Guid(string name) => new System.Guid(name.GetHashCode(), 0, 0, new byte[8]).ToString();

    private static string[] Ids(params (string Path, string Text)[] files) => RunFiles(files).Ids();

    [Fact]
    public void HV1004_from_Get_VMHost_and_Get_VM()
    {
        Assert.Contains("HV1004", Ids(("host.json", "[" + Host + "]"), ("vms.json", "[" + Vm("big", processorCount: "8") + "]")));
    }

    [Fact]
    public void HV5001_from_Get_NetAdapter_and_silent_without_it()
    {
        const string nic = "{ \"Name\": \"Ethernet\", \"InterfaceDescription\": \"Intel(R) Ethernet Connection I217-LM\", \"ifIndex\": 3, \"LinkSpeed\": \"1 Gbps\", \"ComputerName\": \"HV1\" }";
        Assert.Contains("HV5001", Ids(("host.json", Host), ("nics.json", "[" + nic + "]")));
        Assert.DoesNotContain("HV5001", Ids(("host.json", Host)));
    }

    [Fact]
    public void HV5002_when_every_adapter_is_bound_to_a_switch_shared_with_the_management_OS()
    {
        const string nics = "[ { \"Name\": \"NIC1\", \"InterfaceDescription\": \"Broadcom NetXtreme Gigabit Ethernet\", \"ifIndex\": 3, \"LinkSpeed\": \"1 Gbps\", \"ComputerName\": \"HV1\" }, { \"Name\": \"NIC2\", \"InterfaceDescription\": \"Broadcom NetXtreme Gigabit Ethernet #2\", \"ifIndex\": 4, \"LinkSpeed\": \"1 Gbps\", \"ComputerName\": \"HV1\" } ]";
        string Switch(string name, string uplink, bool shared) => "{ \"ComputerName\": \"HV1\", \"Name\": \"" + name + "\", \"SwitchType\": 2, \"AllowManagementOS\": " + (shared ? "true" : "false") + ", \"NetAdapterInterfaceDescription\": \"" + uplink + "\" }";
        Assert.Contains("HV5002", Ids(("nics.json", nics), ("switches.json", "[" + Switch("A", "Broadcom NetXtreme Gigabit Ethernet", true) + ", " + Switch("B", "Broadcom NetXtreme Gigabit Ethernet #2", true) + "]")));
        Assert.DoesNotContain("HV5002", Ids(("nics.json", nics), ("switches.json", "[" + Switch("A", "Broadcom NetXtreme Gigabit Ethernet", true) + ", " + Switch("B", "Broadcom NetXtreme Gigabit Ethernet #2", false) + "]")));
    }

    [Fact]
    public void HV5006_from_Get_VMHost_memory_against_the_host_release()
    {
        const string big = "{ \"ComputerName\": \"HV1\", \"Name\": \"HV1\", \"LogicalProcessorCount\": 64, \"MemoryCapacity\": 5497558138880 }";
        Assert.Contains("HV5006", Ids(("host.json", big), ("os.json", Os2012R2)));
    }

    [Fact]
    public void HV3005_duplicate_static_MAC_across_VMs()
    {
        string adapters = "[" + Adapter("a", ", \"Name\": \"Network Adapter\", \"IsLegacy\": false, \"SwitchName\": \"s\", \"MacAddress\": \"00155D0A0B0C\", \"DynamicMacAddressEnabled\": false")
            + ", " + Adapter("b", ", \"Name\": \"Network Adapter\", \"IsLegacy\": false, \"SwitchName\": \"s\", \"MacAddress\": \"00155D0A0B0C\", \"DynamicMacAddressEnabled\": false") + "]";
        Assert.Single(RunFiles(new[] { ("adapters.json", adapters) }).Of("HV3005"));
    }

    [Fact]
    public void HV3006_not_connected_and_HV7001_internal_switch()
    {
        const string switches = "[ { \"ComputerName\": \"HV1\", \"Name\": \"Lab\", \"SwitchType\": 1, \"AllowManagementOS\": true } ]";
        string adapters = "[" + Adapter("a", ", \"Name\": \"Network Adapter\", \"IsLegacy\": false, \"SwitchName\": null") + ", " + Adapter("b", ", \"Name\": \"Network Adapter\", \"IsLegacy\": false, \"SwitchName\": \"Lab\"") + "]";
        string[] ids = Ids(("switches.json", switches), ("adapters.json", adapters));
        Assert.Contains("HV3006", ids);
        Assert.Contains("HV7001", ids);
    }

    [Fact]
    public void HV2001_and_HV2002_from_Get_VMHardDiskDrive()
    {
        string drives = "[ { \"VMName\": \"a\", \"VMId\": \"" + Guid("a") + "\", \"ComputerName\": \"HV1\", \"ControllerType\": 1, \"ControllerNumber\": 0, \"ControllerLocation\": 0, \"Path\": \"C:\\\\VMs\\\\a.vhdx\", \"DiskNumber\": null } ]";
        Assert.Contains("HV2002", Ids(("vms.json", Vm("a")), ("drives.json", drives)));
        string bad = drives.Replace("\"ControllerType\": 1", "\"ControllerType\": 0").Replace("\"ControllerLocation\": 0", "\"ControllerLocation\": 2");
        Assert.Contains("HV2001", Ids(("vms.json", Vm("a")), ("drives.json", bad)));
    }

    [Fact]
    public void HV4001_from_IntegrationServicesState()
    {
        Assert.Contains("HV4001", Ids(("vms.json", Vm("a", ", \"IntegrationServicesState\": \"Update required\", \"IntegrationServicesVersion\": { \"Major\": 6, \"Minor\": 2, \"Build\": 9200, \"Revision\": 16384 }"))));
    }

    [Fact]
    public void HV4006_from_Get_VMFirmware_and_the_guest_the_KVP_items_name()
    {
        string vm = Vm("ci", processorCount: "2").Replace("\"Generation\": 1", "\"Generation\": 2");
        string kvp = "[ { \"VMName\": \"ci\", \"VMId\": \"" + Guid("ci") + "\", \"ComputerName\": \"HV1\", \"GuestIntrinsicExchangeItems\": { \"OSName\": \"Ubuntu 22.04.4 LTS\" } } ]";
        string Firmware(string secureBoot, string template) => "[ { \"VMName\": \"ci\", \"VMId\": \"" + Guid("ci") + "\", \"ComputerName\": \"HV1\", \"BootOrder\": [], \"SecureBoot\": " + secureBoot + ", \"SecureBootTemplate\": \"" + template + "\" } ]";
        // Windows PowerShell 5.1 writes OnOffState as a number (On 0, Off 1), PowerShell 7 with -EnumsAsStrings as its name.
        Assert.Single(RunFiles(new[] { ("vms.json", "[" + vm + "]"), ("kvp.json", kvp), ("firmware.json", Firmware("0", "MicrosoftWindows")) }).Of("HV4006"));
        Assert.Contains("HV4006", Ids(("vms.json", "[" + vm + "]"), ("kvp.json", kvp), ("firmware.json", Firmware("\"On\"", "MicrosoftWindows"))));
        Assert.DoesNotContain("HV4006", Ids(("vms.json", "[" + vm + "]"), ("kvp.json", kvp), ("firmware.json", Firmware("1", "MicrosoftWindows"))));
        Assert.DoesNotContain("HV4006", Ids(("vms.json", "[" + vm + "]"), ("kvp.json", kvp), ("firmware.json", Firmware("0", "MicrosoftUEFICertificateAuthority"))));
        Assert.DoesNotContain("HV4006", Ids(("vms.json", "[" + vm + "]"), ("firmware.json", Firmware("0", "MicrosoftWindows"))));
    }

    [Fact]
    public void HV1006_from_Get_VMMemory_and_the_guest_the_KVP_items_name()
    {
        string kvp = "[ { \"VMName\": \"a\", \"VMId\": \"" + Guid("a") + "\", \"ComputerName\": \"HV1\", \"GuestIntrinsicExchangeItems\": { \"OSName\": \"Windows Server 2012 R2 Datacenter\" } } ]";
        string Memory(long startup) => "[ { \"VMName\": \"a\", \"VMId\": \"" + Guid("a") + "\", \"ComputerName\": \"HV1\", \"DynamicMemoryEnabled\": false, \"Startup\": " + startup + ", \"Minimum\": " + startup + ", \"Maximum\": " + startup + " } ]";
        Assert.Contains("HV1006", Ids(("vms.json", "[" + Vm("a") + "]"), ("kvp.json", kvp), ("memory.json", Memory(256L << 20))));
        Assert.DoesNotContain("HV1006", Ids(("vms.json", "[" + Vm("a") + "]"), ("kvp.json", kvp), ("memory.json", Memory(512L << 20))));
        Assert.Contains("HV1007", Ids(("vms.json", "[" + Vm("a") + "]"), ("kvp.json", kvp), ("memory.json", Memory(1L << 30))));
    }

    [Fact]
    public void HV1008_from_Get_VM_ComPort1_and_ComPort2()
    {
        string Gen2(string ports) => Vm("dbg", ports).Replace("\"Generation\": 1", "\"Generation\": 2");
        const string kd = ", \"ComPort1\": { \"Path\": \"\\\\\\\\.\\\\pipe\\\\kd\", \"Name\": \"COM 1\" }, \"ComPort2\": { \"Path\": \"\", \"Name\": \"COM 2\" }";
        Assert.Single(RunFiles(new[] { ("vms.json", "[" + Gen2(kd) + "]") }).Of("HV1008"));
        Assert.DoesNotContain("HV1008", Ids(("vms.json", "[" + Vm("dbg", kd) + "]")));
        // Out of depth, ConvertTo-Json writes the port as its type name: nothing is known of it.
        Assert.DoesNotContain("HV1008", Ids(("vms.json", "[" + Gen2(", \"ComPort1\": \"Microsoft.HyperV.PowerShell.VMComPort\"") + "]")));
    }

    [Fact]
    public void HV5009_from_Get_VMHost_pool_and_the_dynamic_adapters_of_Get_VMNetworkAdapter()
    {
        string Pool(string max) => "{ \"ComputerName\": \"HV1\", \"Name\": \"HV1\", \"LogicalProcessorCount\": 4, \"MemoryCapacity\": 68719476736, \"MacAddressMinimum\": \"00155D0A1E00\", \"MacAddressMaximum\": \"" + max + "\" }";
        string adapters = "[" + Adapter("a", ", \"Name\": \"Network Adapter\", \"IsLegacy\": false, \"SwitchName\": \"s\", \"MacAddress\": \"000000000000\", \"DynamicMacAddressEnabled\": true")
            + ", " + Adapter("b", ", \"Name\": \"Network Adapter\", \"IsLegacy\": false, \"SwitchName\": \"s\", \"MacAddress\": \"000000000000\", \"DynamicMacAddressEnabled\": true") + "]";
        string vms = "[" + Vm("a") + ", " + Vm("b") + "]";
        Assert.Single(RunFiles(new[] { ("host.json", Pool("00155D0A1E15")), ("vms.json", vms), ("adapters.json", adapters) }).Of("HV5009"));
        Assert.DoesNotContain("HV5009", Ids(("host.json", Pool("00155D0A1E16")), ("vms.json", vms), ("adapters.json", adapters)));
    }

    [Fact]
    public void An_object_where_a_name_belongs_is_HV9001_not_a_crash()
    {
        // Found by mutating the samples: identity properties written as objects or arrays threw in the cast to string.
        string adapters = "[ { \"VMName\": { \"x\": 1 }, \"VMId\": [1], \"ComputerName\": { }, \"IsManagementOs\": false, \"Name\": \"Network Adapter\", \"IsLegacy\": false, \"SwitchName\": \"s\" } ]";
        string host = "{ \"ComputerName\": [ \"HV1\" ], \"Name\": { }, \"LogicalProcessorCount\": 4, \"MemoryCapacity\": 68719476736 }";
        HvLint.Engine.AuditResult result = RunFiles(new[] { ("adapters.json", adapters), ("host.json", host), ("vms.json", "[" + Vm("a") + "]") });
        Assert.Contains("'VMName': expected a string", Assert.Single(result.Of("HV9001")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HV6001_is_silent_because_exports_do_not_say_what_is_production()
    {
        // Checkpoints are known (ParentSnapshotId), the environment is not: no guess.
        Assert.DoesNotContain("HV6001", Ids(("vms.json", Vm("a", ", \"ParentSnapshotId\": \"" + Guid("snap") + "\""))));
    }

    [Fact]
    public void Host_virtual_adapters_are_not_VM_adapters()
    {
        string hostVnic = "[ { \"VMName\": \"\", \"ComputerName\": \"HV1\", \"IsManagementOs\": true, \"Name\": \"VM-External\", \"IsLegacy\": false, \"SwitchName\": \"VM-External\", \"MacAddress\": \"00155D000001\" } ]";
        var result = RunFiles(new[] { ("hostvnics.json", hostVnic) });
        Assert.Equal(0, result.VirtualMachines);
    }

    [Fact]
    public void A_number_past_64_bits_is_HV9001_at_the_number_and_the_other_VMs_are_audited()
    {
        // Found by fuzzing the samples: Newtonsoft reads such a number as a BigInteger, and the cast to long threw, which
        // ended the audit of every file.
        string vms = "[" + Vm("a", processorCount: "99999999999999999999") + ", " + Vm("b", processorCount: "64") + "]";
        var result = RunFiles(new[] { ("vms.json", vms) }, "hyperv-2008r2");
        var problem = Assert.Single(result.Of("HV9001"));
        Assert.Equal("'ProcessorCount': expected a whole number, found 99999999999999999999", problem.Message);
        Assert.Equal((1, vms.IndexOf("99999999999999999999", StringComparison.Ordinal) + 1), (problem.Location.Line, problem.Location.Column));
        Assert.Single(result.Of("HV1001")); // b's 64 virtual processors, above 2008 R2's 4
    }

    [Fact]
    public void A_VLAN_ID_past_32_bits_is_HV9001_and_not_wrapped_round_to_a_valid_one()
    {
        // 4294967297 cast to an Int32 was 1, a valid VLAN ID: the value was silently another.
        string adapters = "[" + Adapter("a", ", \"Name\": \"Network Adapter\", \"IsLegacy\": false, \"SwitchName\": \"s\", \"VlanSetting\": { \"OperationMode\": 1, \"AccessVlanId\": 4294967297 }") + "]";
        var result = RunFiles(new[] { ("vms.json", "[" + Vm("a") + "]"), ("adapters.json", adapters) });
        Assert.Equal("'AccessVlanId': 4294967297 is out of range for a 32-bit number", Assert.Single(result.Of("HV9001")).Message);
    }

    [Fact]
    public void A_wrong_value_type_is_HV9001_with_the_property_name()
    {
        var result = RunFiles(new[] { ("vms.json", Vm("a", processorCount: "\"many\"")) });
        Assert.Contains(result.Of("HV9001"), f => f.Message.Contains("'ProcessorCount'"));
    }
}
