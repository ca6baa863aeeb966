namespace HvLint.Analyzers.Tests;

/// <summary>VMs defined through WMI (Msvm_* settings) and the HV8 provisioning-API rules.</summary>
public class WmiAnalyzerTests
{
    /// <summary>The shapes of System.Management used by provisioning code (the real package cannot run here).</summary>
    private const string ManagementStub = """
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
            const string Query = "SELECT * FROM Msvm_ResourceAllocationSettingData WHERE ResourceSubType = 'Microsoft:Hyper-V:Synthetic Ethernet Port'";
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
    private const string CimStub = """
        namespace Microsoft.Management.Infrastructure
        {
            public class CimProperty { public object Value { get; set; } }
            public class CimKeyedCollection { public CimProperty this[string name] => new CimProperty(); }
            public class CimInstance
            {
                public CimInstance(string className, string namespaceName) { }
                public CimKeyedCollection CimInstanceProperties => new CimKeyedCollection();
            }
        }
        """;

    [Fact]
    public Task HV1001_through_CimInstance_properties() => Verify.AnalyzerWith<WmiAnalyzer>("""
        using Microsoft.Management.Infrastructure;
        class Provisioner
        {
            void Define()
            {
                var processor = new CimInstance("Msvm_ProcessorSettingData", @"root\virtualization\v2");
                processor.CimInstanceProperties["VirtualQuantity"].Value = {|HV1001:96|};
            }
        }
        """, CimStub);
}
