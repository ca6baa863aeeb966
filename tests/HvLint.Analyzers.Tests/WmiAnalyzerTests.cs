namespace HvLint.Analyzers.Tests;

/// <summary>VMs defined through WMI (Msvm_* settings) and the HV8 provisioning-API rules.</summary>
public class WmiAnalyzerTests
{
    /// <summary>The shapes of System.Management used by provisioning code (the real package cannot run here).</summary>
    internal const string ManagementStub = """
        namespace System.Management
        {
            public class ManagementScope { public ManagementScope(string path) { } }
            public class ManagementPath { public ManagementPath(string path) { } }
            public class ManagementBaseObject
            {
                public object this[string propertyName] { get => null; set { } }
                public void SetPropertyValue(string propertyName, object value) { }
                public string GetText(int format) => "";
            }
            public class ManagementObject : ManagementBaseObject
            {
                public ManagementObject() { }
                public ManagementBaseObject InvokeMethod(string methodName, ManagementBaseObject inParameters, object options) => null;
            }
            public class ManagementClass : ManagementObject
            {
                public ManagementClass(ManagementScope scope, ManagementPath path, object options) { }
                public ManagementObject CreateInstance() => new ManagementObject();
            }
        }
        """;

    private static Task Check(string source, string? globalConfig = null) => Verify.AnalyzerWith<WmiAnalyzer>(source, ManagementStub, globalConfig);

    [Fact]
    public Task HV3003_an_emulated_adapter_on_a_Generation_2_VM() => Check("""
        using System.Management;
        class Provisioner
        {
            void Define()
            {
                var scope = new ManagementScope(@"\\.\root\virtualization\v2");
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "web01";
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:2";
                ManagementObject nic = new ManagementClass(scope, new ManagementPath("Msvm_EmulatedEthernetPortSettingData"), null).CreateInstance();
                nic["ResourceSubType"] = {|HV3003:"Microsoft:Hyper-V:Emulated Ethernet Port"|};
            }
        }
        """);

    [Fact]
    public Task HV2005_the_system_settings_allow_the_full_SCSI_command_set() => Check("""
        using System.Management;
        class Provisioner
        {
            void Define(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "tape01";
                settings["AllowFullSCSICommandSet"] = {|HV2005:true|};
            }

            void Filtered(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "web01";
                settings.SetPropertyValue("AllowFullSCSICommandSet", false);
            }
        }
        """);

    [Fact]
    public Task HV2006_a_virtual_floppy_disk_for_a_Generation_2_VM() => Check("""
        using System.Management;
        class Provisioner
        {
            void Gen2(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "win01";
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:2";
                ManagementObject floppy = new ManagementClass(scope, new ManagementPath("Msvm_StorageAllocationSettingData"), null).CreateInstance();
                floppy["ResourceSubType"] = {|HV2006:"Microsoft:Hyper-V:Virtual Floppy Disk"|};
                floppy["HostResource"] = new[] { @"D:\unattend\win01.vfd" };
            }

            void Gen1(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "win02";
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:1";
                ManagementObject floppy = new ManagementClass(scope, new ManagementPath("Msvm_StorageAllocationSettingData"), null).CreateInstance();
                floppy["ResourceSubType"] = "Microsoft:Hyper-V:Virtual Floppy Disk";
            }
        }
        """);

    [Fact]
    public Task HV6005_the_system_settings_choose_standard_checkpoints() => Check("""
        using System.Management;
        class Provisioner
        {
            void Define(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "dc01";
                settings["UserSnapshotType"] = {|HV6005:(ushort)5|};
            }

            void Production(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "dc02";
                settings.SetPropertyValue("UserSnapshotType", 3);
            }
        }
        """);

    [Fact]
    public Task HV2004_a_physical_disk_drive_is_a_pass_through_disk_in_either_namespace() => Check("""
        using System.Management;
        class Provisioner
        {
            void V2()
            {
                var scope = new ManagementScope(@"\\.\root\virtualization\v2");
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "sql01";
                ManagementObject disk = new ManagementClass(scope, new ManagementPath("Msvm_ResourceAllocationSettingData"), null).CreateInstance();
                disk["ResourceSubType"] = {|HV2004:"Microsoft:Hyper-V:Physical Disk Drive"|};
            }

            void V1()
            {
                var scope = new ManagementScope(@"\\.\root\virtualization");
                ManagementObject disk = new ManagementClass(scope, new ManagementPath("Msvm_ResourceAllocationSettingData"), null).CreateInstance();
                disk["ResourceSubType"] = {|HV2004:"Microsoft Physical Disk Drive"|};
            }

            // A virtual hard disk is not one.
            void Vhd()
            {
                var scope = new ManagementScope(@"\\.\root\virtualization\v2");
                ManagementObject disk = new ManagementClass(scope, new ManagementPath("Msvm_StorageAllocationSettingData"), null).CreateInstance();
                disk["ResourceSubType"] = "Microsoft:Hyper-V:Virtual Hard Disk";
            }
        }
        """);

    [Fact]
    public Task HV3005_two_adapters_given_the_same_static_address() => Check("""
        using System.Management;
        class Provisioner
        {
            void Define()
            {
                var scope = new ManagementScope(@"\\.\root\virtualization\v2");
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "db01";
                ManagementObject data = new ManagementClass(scope, new ManagementPath("Msvm_SyntheticEthernetPortSettingData"), null).CreateInstance();
                data["ResourceSubType"] = "Microsoft:Hyper-V:Synthetic Ethernet Port";
                data["StaticMacAddress"] = true;
                data["Address"] = "00155D0A0B0C";
                ManagementObject backup = new ManagementClass(scope, new ManagementPath("Msvm_SyntheticEthernetPortSettingData"), null).CreateInstance();
                backup["ResourceSubType"] = "Microsoft:Hyper-V:Synthetic Ethernet Port";
                backup["StaticMacAddress"] = true;
                backup["Address"] = {|HV3005:"00155D0A0B0C"|};
            }

            // A dynamic address is Hyper-V's to choose, whatever Address holds.
            void Dynamic()
            {
                var scope = new ManagementScope(@"\\.\root\virtualization\v2");
                ManagementObject a = new ManagementClass(scope, new ManagementPath("Msvm_SyntheticEthernetPortSettingData"), null).CreateInstance();
                a["ResourceSubType"] = "Microsoft:Hyper-V:Synthetic Ethernet Port";
                a["StaticMacAddress"] = false;
                a["Address"] = "00155D0A0B0D";
                ManagementObject b = new ManagementClass(scope, new ManagementPath("Msvm_SyntheticEthernetPortSettingData"), null).CreateInstance();
                b["ResourceSubType"] = "Microsoft:Hyper-V:Synthetic Ethernet Port";
                b["StaticMacAddress"] = false;
                b["Address"] = "00155D0A0B0D";
            }
        }
        """);

    [Fact]
    public Task HV4004_and_HV6002_integration_components_withheld_through_EnabledState() => Check("""
        using System.Management;
        class Provisioner
        {
            void Components(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "app01";
                ManagementObject heartbeat = new ManagementClass(scope, new ManagementPath("Msvm_HeartbeatComponentSettingData"), null).CreateInstance();
                heartbeat["EnabledState"] = {|HV4004:3|};
                ManagementObject vss = new ManagementClass(scope, new ManagementPath("Msvm_VssComponentSettingData"), null).CreateInstance();
                vss["EnabledState"] = {|HV6002:(ushort)3|};
                // Offered, and one that is off by default: nothing to say.
                ManagementObject shutdown = new ManagementClass(scope, new ManagementPath("Msvm_ShutdownComponentSettingData"), null).CreateInstance();
                shutdown["EnabledState"] = 2;
                ManagementObject guest = new ManagementClass(scope, new ManagementPath("Msvm_GuestServiceInterfaceComponentSettingData"), null).CreateInstance();
                guest["EnabledState"] = 3;
            }
        }
        """);

    [Fact]
    public Task Class_names_and_subtypes_written_with_escapes_are_read_as_their_values() => Check("""
        using System.Management;
        class Provisioner
        {
            // No telltale of Hyper-V's WMI appears as written; every one does once the escapes are decoded.
            void Define()
            {
                var scope = new ManagementScope("\\\\.\\root\\virtu\u0061lization\\v2");
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm\u005FVirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "web01";
                settings["VirtualSystemSubType"] = "Microsoft\x3AHyper-V:SubType:2";
                ManagementObject nic = new ManagementClass(scope, new ManagementPath("Msvm\u005FEmulatedEthernetPortSettingData"), null).CreateInstance();
                nic["ResourceSubType"] = {|HV3003:"Microsoft\u003AHyper-V\u003AEmulated Ethernet Port"|};
            }
        }
        """);

    [Fact]
    public Task HV3002_stays_silent_on_WMI_because_adapters_can_be_added_by_another_call() => Check("""
        using System.Management;
        class Provisioner
        {
            // DefineSystem with a PXE-first BootOrder, and the legacy adapter added later through AddResourceSettings
            // (often in another method): the adapters a WMI definition ends up with are never all in view, so the
            // rule that needs all of them stays silent rather than guess.
            void Define()
            {
                var scope = new ManagementScope(@"\\.\root\virtualization\v2");
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "pxe01";
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:1";
                settings.SetPropertyValue("BootOrder", new ushort[] { 3, 2, 1, 0 });
                ManagementObject nic = new ManagementClass(scope, new ManagementPath("Msvm_SyntheticEthernetPortSettingData"), null).CreateInstance();
                nic["ResourceSubType"] = "Microsoft:Hyper-V:Synthetic Ethernet Port";
            }
        }
        """);

    [Fact]
    public Task HV1001_processor_VirtualQuantity_on_a_v1_2008_R2_host() => Check("""
        using System.Management;
        class Provisioner
        {
            void Define()
            {
                var scope = new ManagementScope(@"\\HV-R2\root\virtualization");
                ManagementObject processor = new ManagementClass(scope, new ManagementPath("Msvm_ProcessorSettingData"), null).CreateInstance();
                processor.SetPropertyValue("VirtualQuantity", {|HV1001:8|});
                processor["Limit"] = 100000;
            }
        }
        """);

    [Fact]
    public Task Without_a_profile_the_v2_namespace_means_Windows_Server_2012_at_least() => Check("""
        using System.Management;
        class Provisioner
        {
            // 2012 allows 64 virtual processors per VM (2008 R2: 4), so 8 is fine here and 65 is not.
            void Eight()
            {
                var scope = new ManagementScope(@"root\virtualization\v2");
                ManagementObject processor = new ManagementClass(scope, new ManagementPath("Msvm_ProcessorSettingData"), null).CreateInstance();
                processor["VirtualQuantity"] = 8;
            }

            void SixtyFive()
            {
                var scope = new ManagementScope(@"root\virtualization\v2");
                ManagementObject processor = new ManagementClass(scope, new ManagementPath("Msvm_ProcessorSettingData"), null).CreateInstance();
                processor["VirtualQuantity"] = {|HV1001:65|};
            }
        }
        """);

    [Fact]
    public Task HV8001_a_v1_method_on_the_v2_namespace() => Check("""
        using System.Management;
        class Provisioner
        {
            void Define(ManagementObject service, ManagementBaseObject inParams)
            {
                var scope = new ManagementScope(@"root\virtualization\v2");
                service.InvokeMethod({|HV8001:"DefineVirtualSystem"|}, inParams, null);
            }
        }
        """);

    [Fact]
    public Task A_method_that_names_no_namespace_works_in_the_one_its_class_names() => Check("""
        using System.Management;
        class V2Provider
        {
            private const string Namespace = @"root\virtualization\v2";
            private readonly ManagementScope _scope = new ManagementScope(Namespace);

            // WMI class names are not case-sensitive.
            void Define(ManagementObject service, ManagementBaseObject inParams)
            {
                service.InvokeMethod({|HV8001:"DefineVirtualSystem"|}, inParams, null);
                var global = new ManagementPath({|HV8001:"msvm_VirtualSystemGlobalSettingData"|});
            }

            string Query() => {|HV8002:"SELECT * FROM Msvm_ResourceAllocationSettingData WHERE ResourceSubType = 'Microsoft Synthetic Disk Drive'"|};
        }

        // A method's own namespace comes first.
        class MixedProvider
        {
            private const string Namespace = @"root\virtualization\v2";

            void OwnV1(ManagementObject service, ManagementBaseObject inParams)
            {
                var scope = new ManagementScope(@"root\virtualization");
                service.InvokeMethod("DefineVirtualSystem", inParams, null);
            }
        }

        // A class that works in both namespaces says neither.
        class BothProvider
        {
            private readonly string _namespace;
            BothProvider(bool v2) => _namespace = v2 ? @"root\virtualization\v2" : @"root\virtualization";

            void Define(ManagementObject service, ManagementBaseObject inParams) => service.InvokeMethod("DefineVirtualSystem", inParams, null);

            ManagementPath Settings() => new ManagementPath("Msvm_VirtualSystemGlobalSettingData");
        }
        """);

    [Fact]
    public Task HV8002_v1_spelling_on_v2_and_a_misspelt_subtype() => Check("""
        using System.Management;
        class Provisioner
        {
            void Define()
            {
                var scope = new ManagementScope(@"root\virtualization\v2");
                ManagementObject nic = new ManagementClass(scope, new ManagementPath("Msvm_SyntheticEthernetPortSettingData"), null).CreateInstance();
                nic["ResourceSubType"] = {|HV8002:"Microsoft Synthetic Ethernet Port"|};
                ManagementObject disk = new ManagementClass(scope, new ManagementPath("Msvm_StorageAllocationSettingData"), null).CreateInstance();
                disk["ResourceSubType"] = {|HV8002:"Microsoft:Hyper-V:Virtual Hard Drive"|};
            }
        }
        """);

    [Fact]
    public Task HV8002_in_a_WQL_query() => Check("""
        using System.Management;
        class Provisioner
        {
            // The class works only in root\virtualization, so its query constant is read in that namespace too.
            const string Query = {|HV8002:"SELECT * FROM Msvm_ResourceAllocationSettingData WHERE ResourceSubType = 'Microsoft:Hyper-V:Synthetic Ethernet Port'"|};
            void Find()
            {
                var scope = new ManagementScope(@"root\virtualization");
                var q = {|HV8002:"SELECT * FROM Msvm_ResourceAllocationSettingData WHERE ResourceSubType = 'Microsoft:Hyper-V:Emulated Ethernet Port'"|};
            }
        }
        """);

    [Fact]
    public Task HV8003_processor_Limit_written_as_a_count() => Check("""
        using System.Management;
        class Provisioner
        {
            void Define()
            {
                var scope = new ManagementScope(@"root\virtualization\v2");
                ManagementObject processor = new ManagementClass(scope, new ManagementPath("Msvm_ProcessorSettingData"), null).CreateInstance();
                processor["VirtualQuantity"] = 4;
                processor["Limit"] = {|HV8003:4|};
                processor["Reservation"] = 10000;
            }
        }
        """, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task Traps_stay_silent() => Check("""
        using System.Collections.Generic;
        using System.Management;
        class Catalog
        {
            // A table that names subtypes; nothing is written.
            static readonly Dictionary<string, string> Subtypes = new() { ["legacy"] = "Microsoft:Hyper-V:Emulated Ethernet Port", ["ide"] = "Microsoft:Hyper-V:Emulated IDE Controller" };

            // v1 spellings on the v1 namespace.
            void V1()
            {
                var scope = new ManagementScope(@"root\virtualization");
                ManagementObject nic = new ManagementClass(scope, new ManagementPath("Msvm_SyntheticEthernetPortSettingData"), null).CreateInstance();
                nic["ResourceSubType"] = "Microsoft Synthetic Ethernet Port";
            }

            // The emulated IDE controller is mandatory on Generation 1.
            void Ide()
            {
                var scope = new ManagementScope(@"root\virtualization\v2");
                ManagementObject ide = new ManagementClass(scope, new ManagementPath("Msvm_ResourceAllocationSettingData"), null).CreateInstance();
                ide["ResourceSubType"] = "Microsoft:Hyper-V:Emulated IDE Controller";
            }

            // The adapter's kind is chosen from data: unknown.
            void FromData(bool legacy)
            {
                var scope = new ManagementScope(@"root\virtualization\v2");
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:2";
                ManagementObject nic = new ManagementClass(scope, new ManagementPath("Msvm_ResourceAllocationSettingData"), null).CreateInstance();
                nic["ResourceSubType"] = legacy ? "Microsoft:Hyper-V:Emulated Ethernet Port" : "Microsoft:Hyper-V:Synthetic Ethernet Port";
            }
        }
        """);
}

public class CimAnalyzerTests
{
    /// <summary>The shapes of Microsoft.Management.Infrastructure that provisioning code uses.</summary>
    private const string CimStub = """
        namespace Microsoft.Management.Infrastructure
        {
            public enum CimFlags { None = 0, In = 1 }
            public enum CimType { Instance = 1, InstanceArray = 2 }
            public class CimProperty
            {
                public object Value { get; set; }
                public static CimProperty Create(string name, object value, CimFlags flags) => new CimProperty();
            }
            public class CimKeyedCollection
            {
                public CimProperty this[string name] => new CimProperty();
                public void Add(CimProperty property) { }
            }
            public class CimInstance
            {
                public CimInstance(string className, string namespaceName) { }
                public CimInstance(string className) { }
                public CimKeyedCollection CimInstanceProperties => new CimKeyedCollection();
            }
            public class CimMethodParameter
            {
                public static CimMethodParameter Create(string name, object value, CimFlags flags) => new CimMethodParameter();
                public static CimMethodParameter Create(string name, object value, CimType type, CimFlags flags) => new CimMethodParameter();
            }
            public class CimMethodParametersCollection { public void Add(CimMethodParameter parameter) { } }
            public class CimMethodResult { }
            public class CimSession
            {
                public static CimSession Create(string computerName) => new CimSession();
                public CimInstance CreateInstance(string namespaceName, CimInstance instance) => instance;
                public CimMethodResult InvokeMethod(string namespaceName, CimInstance instance, string methodName, CimMethodParametersCollection methodParameters) => new CimMethodResult();
                public System.Collections.Generic.IEnumerable<CimInstance> QueryInstances(string namespaceName, string queryDialect, string queryExpression) => null;
            }
        }
        """;

    private static Task Check(string source, string? globalConfig = null) => Verify.AnalyzerWith<WmiAnalyzer>(source, CimStub, globalConfig);

    [Fact]
    public Task HV1001_through_CimInstance_properties() => Check("""
        using Microsoft.Management.Infrastructure;
        class Provisioner
        {
            void Define()
            {
                var processor = new CimInstance("Msvm_ProcessorSettingData", @"root\virtualization\v2");
                processor.CimInstanceProperties["VirtualQuantity"].Value = {|HV1001:96|};
            }
        }
        """);

    [Fact]
    public Task HV1001_through_CimProperty_Create_added_to_the_instance() => Check("""
        using Microsoft.Management.Infrastructure;
        class Provisioner
        {
            const string Namespace = @"root\virtualization";
            void Define(CimSession session, CimInstance service)
            {
                var processor = new CimInstance("Msvm_ProcessorSettingData", Namespace);
                processor.CimInstanceProperties.Add(CimProperty.Create("VirtualQuantity", {|HV1001:8|}, CimFlags.None));
                var parameters = new CimMethodParametersCollection();
                parameters.Add(CimMethodParameter.Create("ResourceSettingData", new[] { processor }, CimType.InstanceArray, CimFlags.In));
                session.InvokeMethod(@"root\virtualization", service, "ModifyVirtualSystemResources", parameters);
            }
        }
        """);

    [Fact]
    public Task HV3003_a_default_emulated_adapter_handed_to_AddResourceSettings_without_writes() => Check("""
        using Microsoft.Management.Infrastructure;
        class Provisioner
        {
            const string V2 = @"root\virtualization\v2";
            void Define(CimSession session, CimInstance service, CimInstance system)
            {
                var settings = new CimInstance("Msvm_VirtualSystemSettingData", V2);
                settings.CimInstanceProperties["VirtualSystemSubType"].Value = "Microsoft:Hyper-V:SubType:2";
                var parameters = new CimMethodParametersCollection();
                parameters.Add(CimMethodParameter.Create("AffectedConfiguration", system, CimFlags.In));
                parameters.Add(CimMethodParameter.Create("ResourceSettings", new[] { new CimInstance({|HV3003:"Msvm_EmulatedEthernetPortSettingData"|}, V2) }, CimType.InstanceArray, CimFlags.In));
                session.InvokeMethod(V2, service, "AddResourceSettings", parameters);
            }
        }
        """);

    [Fact]
    public Task HV8001_a_v1_method_invoked_through_CIM_on_the_v2_namespace() => Check("""
        using Microsoft.Management.Infrastructure;
        class Provisioner
        {
            void Define(CimSession session, CimInstance service, CimMethodParametersCollection parameters)
            {
                session.InvokeMethod(@"root\virtualization\v2", service, {|HV8001:"ModifyVirtualSystemResources"|}, parameters);
                foreach (CimInstance s in session.QueryInstances(@"root\virtualization\v2", "WQL", {|HV8001:"SELECT * FROM Msvm_VirtualSwitch"|})) { }
            }
        }
        """);

    [Fact]
    public Task A_synthetic_adapter_created_through_CreateInstance_and_a_typed_wrapper_nothing_instantiates_stay_silent() => Check("""
        using Microsoft.Management.Infrastructure;
        class Provisioner
        {
            void Define(CimSession session)
            {
                var settings = new CimInstance("Msvm_VirtualSystemSettingData", @"root\virtualization\v2");
                settings.CimInstanceProperties["VirtualSystemSubType"].Value = "Microsoft:Hyper-V:SubType:2";
                session.CreateInstance(@"root\virtualization\v2", new CimInstance("Msvm_SyntheticEthernetPortSettingData", @"root\virtualization\v2"));
            }

            void FromData(CimSession session, bool legacy)
            {
                var settings = new CimInstance("Msvm_VirtualSystemSettingData", @"root\virtualization\v2");
                settings.CimInstanceProperties["VirtualSystemSubType"].Value = "Microsoft:Hyper-V:SubType:2";
                session.CreateInstance(@"root\virtualization\v2", legacy ? new CimInstance("Msvm_EmulatedEthernetPortSettingData") : new CimInstance("Msvm_SyntheticEthernetPortSettingData"));
            }
        }

        // A typed wrapper as a class generator writes it: it names the class, but nothing here creates one.
        public sealed class EmulatedEthernetPortSettingData
        {
            private const string CreatedClassName = "Msvm_EmulatedEthernetPortSettingData";
            private readonly CimInstance _instance;
            public EmulatedEthernetPortSettingData(CimInstance instance) => _instance = instance;
            public static string ClassName => CreatedClassName;
            public string ResourceSubType
            {
                get => (string)_instance.CimInstanceProperties["ResourceSubType"].Value;
                set => _instance.CimInstanceProperties["ResourceSubType"].Value = value;
            }
        }
        """);
}
