using HvLint.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace HvLint.Analyzers.Tests;

public class CodeFixTests
{
    private static Task Fix(string source, string fixedSource, int iterations = 1) =>
        Fix<HostedPowerShellAnalyzer>(source, fixedSource, Verify.PowerShellStub, iterations);

    private static async Task Fix<TAnalyzer>(string source, string fixedSource, string stub, int iterations = 1, (string Path, string Text)[]? files = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, HvLintCodeFixes, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = source,
            FixedCode = fixedSource,
            NumberOfFixAllIterations = iterations,
        };
        test.TestState.Sources.Add(("Stub.cs", stub));
        test.FixedState.Sources.Add(("Stub.cs", stub));
        foreach (var f in files ?? Array.Empty<(string, string)>())
        {
            test.TestState.AdditionalFiles.Add(f);
            test.FixedState.AdditionalFiles.Add(f);
        }

        await test.RunAsync();
    }

    /// <summary>The guests of app01 (integration services in the box) and a Windows Server 2003 template.</summary>
    internal static readonly (string Path, string Text)[] Guests =
    {
        ("hvlint/guests.hvlint.json", """
            { "virtualMachines": [
                { "name": "app01", "guestOperatingSystem": "Windows Server 2012 R2 Standard" },
                { "name": "w2k3-template", "isTemplate": true, "guestOperatingSystem": "Windows Server 2003 R2 Enterprise Edition" } ] }
            """),
    };

    [Fact]
    public Task HV3001_the_IsLegacy_switch_is_removed_from_script_text_and_from_a_chain() => Fix<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name app01; Add-VMNetworkAdapter -VMName app01 {|HV3001:-IsLegacy|} -SwitchName LAN");
            void Chain(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "app01").AddStatement()
                .AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "app01").AddParameter({|HV3001:"IsLegacy"|}).AddParameter("SwitchName", "LAN");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name app01; Add-VMNetworkAdapter -VMName app01 -SwitchName LAN");
            void Chain(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "app01").AddStatement()
                .AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "app01").AddParameter("SwitchName", "LAN");
        }
        """, Verify.PowerShellStub, files: Guests);

    /// <summary>A Windows 8.1 desktop and a Windows Server 2012 R2 server, for the memory rules.</summary>
    internal static readonly (string Path, string Text)[] MemoryGuests =
    {
        ("hvlint/guests.hvlint.json", """
            { "virtualMachines": [
                { "name": "kiosk01", "guestOperatingSystem": "Windows 8.1 Enterprise" },
                { "name": "app01", "guestOperatingSystem": "Windows Server 2012 R2 Standard" } ] }
            """),
    };

    [Fact]
    public Task HV1006_HV1007_memory_is_raised_to_what_the_guest_needs_or_is_recommended_written_as_it_was() => Fix<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class P
        {
            void Kiosk(PowerShell ps) => ps.AddScript("Set-VMMemory -VMName kiosk01 -DynamicMemoryEnabled $true -MinimumBytes {|HV1006:128MB|} -StartupBytes 512MB -MaximumBytes {|HV1007:'768MB'|}");
            void Server(PowerShell ps) => ps.AddCommand("Set-VMMemory").AddParameter("VMName", "app01").AddParameter("DynamicMemoryEnabled", false).AddParameter("StartupBytes", {|HV1007:1073741824L|});
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void Kiosk(PowerShell ps) => ps.AddScript("Set-VMMemory -VMName kiosk01 -DynamicMemoryEnabled $true -MinimumBytes 256MB -StartupBytes 512MB -MaximumBytes '1GB'");
            void Server(PowerShell ps) => ps.AddCommand("Set-VMMemory").AddParameter("VMName", "app01").AddParameter("DynamicMemoryEnabled", false).AddParameter("StartupBytes", 2147483648L);
        }
        """, Verify.PowerShellStub, iterations: 2, files: MemoryGuests); // one Fix All per rule

    [Fact]
    public Task HV4002_a_single_vCPU_template_gets_two() => Fix<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class P
        {
            void Build(PowerShell ps) => ps.AddScript("New-VM -Name w2k3-template -MemoryStartupBytes 1GB; Set-VMProcessor -VMName w2k3-template -Count {|HV4002:1|}");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void Build(PowerShell ps) => ps.AddScript("New-VM -Name w2k3-template -MemoryStartupBytes 1GB; Set-VMProcessor -VMName w2k3-template -Count 2");
        }
        """, Verify.PowerShellStub, files: Guests);

    [Fact]
    public Task HV3001_and_HV3003_the_emulated_subtype_and_class_become_synthetic() => Fix<WmiAnalyzer>("""
        using System.Management;
        class P
        {
            void Gen2(ManagementScope scope)
            {
                var path = @"root\virtualization\v2";
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:2";
                ManagementObject nic = new ManagementClass(scope, new ManagementPath("Msvm_ResourceAllocationSettingData"), null).CreateInstance();
                nic["ResourceSubType"] = {|HV3003:"Microsoft:Hyper-V:Emulated Ethernet Port"|};
            }

            void App01(ManagementScope scope, ManagementObject service, ManagementBaseObject inParams)
            {
                var path = @"root\virtualization";
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "app01";
                settings["BootOrder"] = new ushort[] { 1, 2, 3, 0 };
                ManagementObject nic = new ManagementClass(scope, new ManagementPath({|HV3001:"Msvm_EmulatedEthernetPortSettingData"|}), null).CreateInstance();
                inParams["ResourceSettingData"] = new[] { nic.GetText(1) };
                service.InvokeMethod("AddVirtualSystemResources", inParams, null);
            }
        }
        """, """
        using System.Management;
        class P
        {
            void Gen2(ManagementScope scope)
            {
                var path = @"root\virtualization\v2";
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:2";
                ManagementObject nic = new ManagementClass(scope, new ManagementPath("Msvm_ResourceAllocationSettingData"), null).CreateInstance();
                nic["ResourceSubType"] = "Microsoft:Hyper-V:Synthetic Ethernet Port";
            }

            void App01(ManagementScope scope, ManagementObject service, ManagementBaseObject inParams)
            {
                var path = @"root\virtualization";
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "app01";
                settings["BootOrder"] = new ushort[] { 1, 2, 3, 0 };
                ManagementObject nic = new ManagementClass(scope, new ManagementPath("Msvm_SyntheticEthernetPortSettingData"), null).CreateInstance();
                inParams["ResourceSettingData"] = new[] { nic.GetText(1) };
                service.InvokeMethod("AddVirtualSystemResources", inParams, null);
            }
        }
        """, WmiAnalyzerTests.ManagementStub, iterations: 2, files: Guests);

    [Fact]
    public Task HV3003_IsLegacy_true_becomes_false_in_AddParameter() => Fix("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "w").AddParameter("Generation", 2)
                .AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "w").AddParameter("IsLegacy", {|HV3003:true|});
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "w").AddParameter("Generation", 2)
                .AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "w").AddParameter("IsLegacy", false);
        }
        """);

    [Fact]
    public Task HV3003_and_HV1001_inside_script_text_fixed_together() => Fix("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("New-VM -Name w -Generation 2; Add-VMNetworkAdapter -VMName w -IsLegacy {|HV3003:$true|}; Set-VMProcessor w -Count {|HV1001:300|}");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("New-VM -Name w -Generation 2; Add-VMNetworkAdapter -VMName w -IsLegacy $false; Set-VMProcessor w -Count 64");
        }
        """, iterations: 2); // one pass per rule: the two fixes have different equivalence keys

    [Fact]
    public Task HV1001_a_vCPU_literal_becomes_the_2008_R2_limit() => Fix("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "sql").AddParameter("Count", {|HV1001:8|});
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "sql").AddParameter("Count", 4);
        }
        """);

    [Fact]
    public Task No_fix_when_the_value_is_not_written_where_the_finding_is() => Fix("""
        using System.Management.Automation;
        class P
        {
            const int Cpus = 8;
            void C(PowerShell ps) => ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "sql").AddParameter("Count", {|HV1001:Cpus|});
        }
        """, """
        using System.Management.Automation;
        class P
        {
            const int Cpus = 8;
            void C(PowerShell ps) => ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "sql").AddParameter("Count", {|HV1001:Cpus|});
        }
        """, iterations: 0);

    [Fact]
    public Task HV6005_standard_checkpoints_become_production_ones_in_script_text_and_chains() => Fix("""
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("Set-VM -Name dc01 -CheckpointType {|HV6005:Standard|}");
            void Chain(PowerShell ps) => ps.AddCommand("Set-VM").AddParameter("Name", "dc02").AddParameter("CheckpointType", {|HV6005:"Standard"|});
            void Number(PowerShell ps) => ps.AddScript("Set-VM -Name dc03 -CheckpointType {|HV6005:5|}");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("Set-VM -Name dc01 -CheckpointType Production");
            void Chain(PowerShell ps) => ps.AddCommand("Set-VM").AddParameter("Name", "dc02").AddParameter("CheckpointType", "Production");
            void Number(PowerShell ps) => ps.AddScript("Set-VM -Name dc03 -CheckpointType 3");
        }
        """);

    [Fact]
    public Task HV6005_UserSnapshotType_5_becomes_3_also_behind_a_cast() => Fix<WmiAnalyzer>("""
        using System.Management;
        class P
        {
            void Cast(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "dc01";
                settings["UserSnapshotType"] = {|HV6005:(ushort)5|};
            }

            void Plain(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "dc02";
                settings.SetPropertyValue("UserSnapshotType", {|HV6005:5|});
            }
        }
        """, """
        using System.Management;
        class P
        {
            void Cast(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "dc01";
                settings["UserSnapshotType"] = (ushort)3;
            }

            void Plain(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "dc02";
                settings.SetPropertyValue("UserSnapshotType", 3);
            }
        }
        """, WmiAnalyzerTests.ManagementStub);
}

public class MoreCodeFixTests
{
    private static async Task Fix<TAnalyzer, TFix>(string source, string fixedSource, (string Path, string Text)[]? files = null, string? globalConfig = null)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.FixedState.MarkupHandling = MarkupMode.Allow; // a finding the fix leaves is marked in the fixed code
        test.TestState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        test.FixedState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        foreach (var f in files ?? Array.Empty<(string, string)>())
        {
            test.TestState.AdditionalFiles.Add(f);
            test.FixedState.AdditionalFiles.Add(f);
        }

        if (globalConfig != null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
            test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        await test.RunAsync();
    }

    /// <summary>An Ubuntu guest, for HV4006.</summary>
    private static readonly (string Path, string Text)[] LinuxGuest =
    {
        ("hvlint/runners.hvlint.json", """{ "virtualMachines": [ { "name": "ci-runner", "guestOperatingSystem": "Ubuntu 22.04 LTS" }, { "name": "ci-runner2", "guestOperatingSystem": "Ubuntu 24.04 LTS" } ] }"""),
    };

    [Fact]
    public Task HV4006_sets_the_UEFI_CA_template_after_New_VM_in_script_text_and_after_a_chain() => Fix<HostedPowerShellAnalyzer, AddCommandFix>("""
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation {|HV4006:2|} -SwitchName LAN; Start-VM -Name ci-runner");

            void Chain(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "ci-runner2").AddParameter("Generation", {|HV4006:2|});
            }

            // The template written in the code is the value fix's (HvLintCodeFixes), not this one's.
            void Written(PowerShell ps) => ps.AddScript("Set-VMFirmware -VMName ci-runner -EnableSecureBoot On -SecureBootTemplate {|HV4006:MicrosoftWindows|}");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 2 -SwitchName LAN; Set-VMFirmware -VMName 'ci-runner' -SecureBootTemplate MicrosoftUEFICertificateAuthority; Start-VM -Name ci-runner");

            void Chain(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "ci-runner2").AddParameter("Generation", 2);
                ps.AddStatement().AddCommand("Set-VMFirmware").AddParameter("VMName", "ci-runner2").AddParameter("SecureBootTemplate", "MicrosoftUEFICertificateAuthority");
            }

            // The template written in the code is the value fix's (HvLintCodeFixes), not this one's.
            void Written(PowerShell ps) => ps.AddScript("Set-VMFirmware -VMName ci-runner -EnableSecureBoot On -SecureBootTemplate {|HV4006:MicrosoftWindows|}");
        }
        """, LinuxGuest, "hvlint.profile = hyperv-2016");

    [Fact]
    public Task HV4006_on_2012_R2_turns_Secure_Boot_off_after_New_VM_and_where_the_code_turns_it_on() => Fix<HostedPowerShellAnalyzer, AddCommandFix>("""
        using System.Management.Automation;
        class P
        {
            // 2012 R2 has no UEFI CA template (Set-VMFirmware there has no -SecureBootTemplate): Secure Boot goes off.
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation {|HV4006:2|} -SwitchName LAN; Start-VM -Name ci-runner");

            void Chain(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "ci-runner2").AddParameter("Generation", {|HV4006:2|});
            }

            // Secure Boot turned on in the code is the value fix's (HvLintCodeFixes), not this one's.
            void Written(PowerShell ps) => ps.AddScript("Set-VMFirmware -VMName ci-runner -EnableSecureBoot {|HV4006:On|}");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            // 2012 R2 has no UEFI CA template (Set-VMFirmware there has no -SecureBootTemplate): Secure Boot goes off.
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 2 -SwitchName LAN; Set-VMFirmware -VMName 'ci-runner' -EnableSecureBoot Off; Start-VM -Name ci-runner");

            void Chain(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "ci-runner2").AddParameter("Generation", 2);
                ps.AddStatement().AddCommand("Set-VMFirmware").AddParameter("VMName", "ci-runner2").AddParameter("EnableSecureBoot", "Off");
            }

            // Secure Boot turned on in the code is the value fix's (HvLintCodeFixes), not this one's.
            void Written(PowerShell ps) => ps.AddScript("Set-VMFirmware -VMName ci-runner -EnableSecureBoot {|HV4006:On|}");
        }
        """, LinuxGuest, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task HV4006_on_2012_R2_Secure_Boot_turned_on_in_code_is_turned_off() => Fix<HostedPowerShellAnalyzer, HvLintCodeFixes>("""
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 2; Set-VMFirmware -VMName ci-runner -EnableSecureBoot {|HV4006:On|}");
            void Chain(PowerShell ps) => ps.AddCommand("Set-VMFirmware").AddParameter("VMName", "ci-runner2").AddParameter("EnableSecureBoot", {|HV4006:"On"|});

            // At New-VM's default there is no value to change: the fix that adds Set-VMFirmware is AddCommandFix's.
            void Default(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner2 -Generation {|HV4006:2|}");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 2; Set-VMFirmware -VMName ci-runner -EnableSecureBoot Off");
            void Chain(PowerShell ps) => ps.AddCommand("Set-VMFirmware").AddParameter("VMName", "ci-runner2").AddParameter("EnableSecureBoot", "Off");

            // At New-VM's default there is no value to change: the fix that adds Set-VMFirmware is AddCommandFix's.
            void Default(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner2 -Generation {|HV4006:2|}");
        }
        """, LinuxGuest, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task HV1006_a_memory_value_written_as_an_expression_is_left_as_it_is() => Fix<HostedPowerShellAnalyzer, HvLintCodeFixes>("""
        using System.Management.Automation;
        class P
        {
            // Which part of an expression to change is the author's call; a literal is changed.
            void Expression(PowerShell ps) => ps.AddCommand("Set-VMMemory").AddParameter("VMName", "app01").AddParameter("DynamicMemoryEnabled", false).AddParameter("StartupBytes", {|HV1006:256L * 1024 * 1024|});
            void Literal(PowerShell ps) => ps.AddScript("Set-VMMemory -VMName kiosk01 -DynamicMemoryEnabled $true -MinimumBytes {|HV1006:134217728|} -StartupBytes 512MB -MaximumBytes 1GB");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            // Which part of an expression to change is the author's call; a literal is changed.
            void Expression(PowerShell ps) => ps.AddCommand("Set-VMMemory").AddParameter("VMName", "app01").AddParameter("DynamicMemoryEnabled", false).AddParameter("StartupBytes", {|HV1006:256L * 1024 * 1024|});
            void Literal(PowerShell ps) => ps.AddScript("Set-VMMemory -VMName kiosk01 -DynamicMemoryEnabled $true -MinimumBytes 268435456 -StartupBytes 512MB -MaximumBytes 1GB");
        }
        """, CodeFixTests.MemoryGuests);

    [Fact]
    public Task HV7002_Secure_Boot_turned_off_for_a_Windows_guest_is_turned_back_on() => Fix<HostedPowerShellAnalyzer, HvLintCodeFixes>("""
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name app01 -Generation 2; Set-VMFirmware -VMName app01 -EnableSecureBoot {|HV7002:Off|}");
            void Chain(PowerShell ps) => ps.AddCommand("Set-VMFirmware").AddParameter("VMName", "app01").AddParameter("EnableSecureBoot", {|HV7002:"Off"|});

            // A Linux guest (ci-runner) is HV4006's, and off is what it may need; a VM no file describes has no known guest.
            void Linux(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 2; Set-VMFirmware -VMName ci-runner -EnableSecureBoot Off");
            void Unknown(PowerShell ps) => ps.AddScript("New-VM -Name other -Generation 2; Set-VMFirmware -VMName other -EnableSecureBoot Off");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name app01 -Generation 2; Set-VMFirmware -VMName app01 -EnableSecureBoot On");
            void Chain(PowerShell ps) => ps.AddCommand("Set-VMFirmware").AddParameter("VMName", "app01").AddParameter("EnableSecureBoot", "On");

            // A Linux guest (ci-runner) is HV4006's, and off is what it may need; a VM no file describes has no known guest.
            void Linux(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 2; Set-VMFirmware -VMName ci-runner -EnableSecureBoot Off");
            void Unknown(PowerShell ps) => ps.AddScript("New-VM -Name other -Generation 2; Set-VMFirmware -VMName other -EnableSecureBoot Off");
        }
        """, WindowsAndLinuxGuests);

    /// <summary>A Windows Server 2012 R2 guest and an Ubuntu guest.</summary>
    private static readonly (string Path, string Text)[] WindowsAndLinuxGuests =
    {
        ("hvlint/guests.hvlint.json", """{ "virtualMachines": [ { "name": "app01", "guestOperatingSystem": "Windows Server 2012 R2 Standard" }, { "name": "ci-runner", "guestOperatingSystem": "Ubuntu 22.04 LTS" } ] }"""),
    };

    [Fact]
    public Task HV8005_a_Generation_2_VM_boots_from_its_standard_network_adapter() => Fix<HostedPowerShellAnalyzer, HvLintCodeFixes>("""
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name pxe21 -Generation 2 -BootDevice {|HV8005:LegacyNetworkAdapter|} -SwitchName LAN");
            void Chain(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "pxe22").AddParameter("Generation", 2).AddParameter("BootDevice", {|HV8005:"LegacyNetworkAdapter"|});

            // No one replacement for a floppy.
            void Floppy(PowerShell ps) => ps.AddScript("New-VM -Name fd21 -Generation 2 -BootDevice {|HV8005:Floppy|}");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name pxe21 -Generation 2 -BootDevice NetworkAdapter -SwitchName LAN");
            void Chain(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "pxe22").AddParameter("Generation", 2).AddParameter("BootDevice", "NetworkAdapter");

            // No one replacement for a floppy.
            void Floppy(PowerShell ps) => ps.AddScript("New-VM -Name fd21 -Generation 2 -BootDevice {|HV8005:Floppy|}");
        }
        """);

    [Fact]
    public Task HV4006_the_MicrosoftWindows_template_written_in_code_becomes_the_UEFI_CA_template() => Fix<HostedPowerShellAnalyzer, HvLintCodeFixes>("""
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 2; Set-VMFirmware -VMName ci-runner -SecureBootTemplate {|HV4006:'MicrosoftWindows'|}");
            void Chain(PowerShell ps) => ps.AddCommand("Set-VMFirmware").AddParameter("VMName", "ci-runner2").AddParameter("EnableSecureBoot", "On").AddParameter("SecureBootTemplate", {|HV4006:"MicrosoftWindows"|});

            // By its ID: the UEFI CA template's ID, in the case and braces the code wrote.
            void ById(PowerShell ps) => ps.AddScript("Set-VMFirmware -VMName ci-runner -EnableSecureBoot On -SecureBootTemplateId {|HV4006:1734c6e8-3154-4dda-ba5f-a874cc483422|}");
            void ByIdBraced(PowerShell ps) => ps.AddCommand("Set-VMFirmware").AddParameter("VMName", "ci-runner2").AddParameter("EnableSecureBoot", "On").AddParameter("SecureBootTemplateId", {|HV4006:"{1734C6E8-3154-4DDA-BA5F-A874CC483422}"|});

            // At New-VM's default there is no value to change: the fix that adds Set-VMFirmware is AddCommandFix's.
            void Default(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner2 -Generation {|HV4006:2|}");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 2; Set-VMFirmware -VMName ci-runner -SecureBootTemplate 'MicrosoftUEFICertificateAuthority'");
            void Chain(PowerShell ps) => ps.AddCommand("Set-VMFirmware").AddParameter("VMName", "ci-runner2").AddParameter("EnableSecureBoot", "On").AddParameter("SecureBootTemplate", "MicrosoftUEFICertificateAuthority");

            // By its ID: the UEFI CA template's ID, in the case and braces the code wrote.
            void ById(PowerShell ps) => ps.AddScript("Set-VMFirmware -VMName ci-runner -EnableSecureBoot On -SecureBootTemplateId 272e7447-90a4-4563-a4b9-8e4ab00526ce");
            void ByIdBraced(PowerShell ps) => ps.AddCommand("Set-VMFirmware").AddParameter("VMName", "ci-runner2").AddParameter("EnableSecureBoot", "On").AddParameter("SecureBootTemplateId", "{272E7447-90A4-4563-A4B9-8E4AB00526CE}");

            // At New-VM's default there is no value to change: the fix that adds Set-VMFirmware is AddCommandFix's.
            void Default(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner2 -Generation {|HV4006:2|}");
        }
        """, LinuxGuest);


    [Fact]
    public Task HV3002_adds_a_legacy_adapter_in_script_text() => Fix<HostedPowerShellAnalyzer, AddCommandFix>("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("New-VM -Name pxe; Set-VMBios -VMName pxe -StartupOrder {|HV3002:LegacyNetworkAdapter,IDE,CD,Floppy|}");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("New-VM -Name pxe; Set-VMBios -VMName pxe -StartupOrder LegacyNetworkAdapter,IDE,CD,Floppy; Add-VMNetworkAdapter -VMName 'pxe' -IsLegacy $true");
        }
        """);

    [Fact]
    public Task HV3002_adds_the_legacy_adapter_into_a_pipeline_chain() => Fix<HostedPowerShellAnalyzer, AddCommandFix>("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("New-VM -Name pxe && Set-VMBios -VMName pxe -StartupOrder {|HV3002:LegacyNetworkAdapter,IDE,CD,Floppy|} && Start-VM -Name pxe");
            void D(PowerShell ps) => ps.AddScript("New-VM -Name pxe2 && Set-VMBios -VMName pxe2 -StartupOrder {|HV3002:LegacyNetworkAdapter,IDE|} || Write-Error 'no boot order'");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("New-VM -Name pxe && Set-VMBios -VMName pxe -StartupOrder LegacyNetworkAdapter,IDE,CD,Floppy && Add-VMNetworkAdapter -VMName 'pxe' -IsLegacy $true && Start-VM -Name pxe");
            void D(PowerShell ps) => ps.AddScript("New-VM -Name pxe2 && Set-VMBios -VMName pxe2 -StartupOrder {|HV3002:LegacyNetworkAdapter,IDE|} || Write-Error 'no boot order'");
        }
        """);

    [Fact]
    public Task HV3002_adds_the_legacy_adapter_inside_the_script_block_that_sets_the_boot_order() => Fix<HostedPowerShellAnalyzer, AddCommandFix>("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("if ($pxe) { New-VM -Name pxe; Set-VMBios -VMName pxe -StartupOrder {|HV3002:LegacyNetworkAdapter,IDE,CD,Floppy|} }");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("if ($pxe) { New-VM -Name pxe; Set-VMBios -VMName pxe -StartupOrder LegacyNetworkAdapter,IDE,CD,Floppy; Add-VMNetworkAdapter -VMName 'pxe' -IsLegacy $true }");
        }
        """);

    [Fact]
    public Task HV3002_adds_a_legacy_adapter_after_an_AddCommand_chain() => Fix<HostedPowerShellAnalyzer, AddCommandFix>("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "pxe");
                ps.AddCommand("Set-VMBios").AddParameter("VMName", "pxe").AddParameter("StartupOrder", {|HV3002:new[] { "LegacyNetworkAdapter", "IDE" }|});
            }
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "pxe");
                ps.AddCommand("Set-VMBios").AddParameter("VMName", "pxe").AddParameter("StartupOrder", new[] { "LegacyNetworkAdapter", "IDE" });
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "pxe").AddParameter("IsLegacy", true);
            }
        }
        """);

    [Fact]
    public Task HV3002_fix_all_adds_one_legacy_adapter_to_each_VM() => Fix<HostedPowerShellAnalyzer, AddCommandFix>("""
        using System.Management.Automation;
        class P
        {
            void Pxe1(PowerShell ps) => ps.AddScript("New-VM -Name pxe1; Set-VMBios -VMName pxe1 -StartupOrder {|HV3002:LegacyNetworkAdapter,IDE,CD,Floppy|}");
            void Pxe2(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "pxe2").AddParameter("Generation", 1);
                ps.AddCommand("Set-VMBios").AddParameter("VMName", "pxe2").AddParameter("StartupOrder", {|HV3002:new[] { "LegacyNetworkAdapter", "IDE" }|});
            }
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void Pxe1(PowerShell ps) => ps.AddScript("New-VM -Name pxe1; Set-VMBios -VMName pxe1 -StartupOrder LegacyNetworkAdapter,IDE,CD,Floppy; Add-VMNetworkAdapter -VMName 'pxe1' -IsLegacy $true");
            void Pxe2(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "pxe2").AddParameter("Generation", 1);
                ps.AddCommand("Set-VMBios").AddParameter("VMName", "pxe2").AddParameter("StartupOrder", new[] { "LegacyNetworkAdapter", "IDE" });
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "pxe2").AddParameter("IsLegacy", true);
            }
        }
        """);

    [Fact]
    public Task HV3002_for_a_VM_named_by_a_variable_names_it_by_that_variable() => Fix<HostedPowerShellAnalyzer, AddCommandFix>("""
        using System.Management.Automation;
        namespace Contoso { public static class Settings { public static readonly string ImagingVm = System.Environment.GetEnvironmentVariable("IMAGING_VM") ?? "pxe"; } }
        public sealed class VmSpec { public string Name { get; set; } = ""; }
        class P
        {
            void Chain(PowerShell ps, string vmName)
            {
                ps.AddCommand("New-VM").AddParameter("Name", vmName);
                ps.AddCommand("Set-VMBios").AddParameter("VMName", vmName).AddParameter("StartupOrder", {|HV3002:new[] { "LegacyNetworkAdapter", "IDE" }|});
            }

            void Script(PowerShell ps) => ps.AddScript("param($Name) New-VM -Name $Name; Set-VMBios -VMName $Name -StartupOrder {|HV3002:LegacyNetworkAdapter,IDE|}");

            void Spec(PowerShell ps, VmSpec spec)
            {
                ps.AddCommand("New-VM").AddParameter("Name", spec.Name);
                ps.AddCommand("Set-VMBios").AddParameter("VMName", spec.Name).AddParameter("StartupOrder", {|HV3002:new[] { "LegacyNetworkAdapter", "IDE" }|});
            }

            // Settings.ImagingVm does not name the field here (its namespace is not imported): no fix.
            void Imaging(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", Contoso.Settings.ImagingVm);
                ps.AddCommand("Set-VMBios").AddParameter("VMName", Contoso.Settings.ImagingVm).AddParameter("StartupOrder", {|HV3002:new[] { "LegacyNetworkAdapter", "IDE" }|});
            }
        }
        """, """
        using System.Management.Automation;
        namespace Contoso { public static class Settings { public static readonly string ImagingVm = System.Environment.GetEnvironmentVariable("IMAGING_VM") ?? "pxe"; } }
        public sealed class VmSpec { public string Name { get; set; } = ""; }
        class P
        {
            void Chain(PowerShell ps, string vmName)
            {
                ps.AddCommand("New-VM").AddParameter("Name", vmName);
                ps.AddCommand("Set-VMBios").AddParameter("VMName", vmName).AddParameter("StartupOrder", new[] { "LegacyNetworkAdapter", "IDE" });
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", vmName).AddParameter("IsLegacy", true);
            }

            void Script(PowerShell ps) => ps.AddScript("param($Name) New-VM -Name $Name; Set-VMBios -VMName $Name -StartupOrder LegacyNetworkAdapter,IDE; Add-VMNetworkAdapter -VMName $Name -IsLegacy $true");

            void Spec(PowerShell ps, VmSpec spec)
            {
                ps.AddCommand("New-VM").AddParameter("Name", spec.Name);
                ps.AddCommand("Set-VMBios").AddParameter("VMName", spec.Name).AddParameter("StartupOrder", new[] { "LegacyNetworkAdapter", "IDE" });
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", spec.Name).AddParameter("IsLegacy", true);
            }

            // Settings.ImagingVm does not name the field here (its namespace is not imported): no fix.
            void Imaging(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", Contoso.Settings.ImagingVm);
                ps.AddCommand("Set-VMBios").AddParameter("VMName", Contoso.Settings.ImagingVm).AddParameter("StartupOrder", {|HV3002:new[] { "LegacyNetworkAdapter", "IDE" }|});
            }
        }
        """);

    [Fact]
    public Task HV3002_in_raw_and_verbatim_scripts_the_adapter_follows_the_boot_order_statement_before_any_comment() => Fix<HostedPowerShellAnalyzer, AddCommandFix>(""""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("""
                New-VM -Name pxe -Generation 1
                Set-VMBios -VMName pxe `
                    -StartupOrder {|HV3002:LegacyNetworkAdapter,IDE,CD,Floppy|} -Confirm:$false
                Start-VM -Name pxe
                """);

            void Commented(PowerShell ps) => ps.AddScript(@"New-VM -Name pxe2
                Set-VMBios -VMName pxe2 -StartupOrder {|HV3002:LegacyNetworkAdapter,IDE|} # PXE first; then the disk
                Start-VM -Name pxe2");
        }
        """", """"
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("""
                New-VM -Name pxe -Generation 1
                Set-VMBios -VMName pxe `
                    -StartupOrder LegacyNetworkAdapter,IDE,CD,Floppy -Confirm:$false; Add-VMNetworkAdapter -VMName 'pxe' -IsLegacy $true
                Start-VM -Name pxe
                """);

            void Commented(PowerShell ps) => ps.AddScript(@"New-VM -Name pxe2
                Set-VMBios -VMName pxe2 -StartupOrder LegacyNetworkAdapter,IDE; Add-VMNetworkAdapter -VMName 'pxe2' -IsLegacy $true # PXE first; then the disk
                Start-VM -Name pxe2");
        }
        """");

    [Fact]
    public Task HV3002_in_a_script_with_escapes_the_adapter_follows_the_whole_pipeline() => Fix<HostedPowerShellAnalyzer, AddCommandFix>("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("New-VM -Name pxe3 -Generation 1\nSet-VMBios -VMName pxe3 -StartupOrder {|HV3002:LegacyNetworkAdapter,IDE|} -Passthru | Set-VM -Notes 'PXE; then \"disk\"'\nStart-VM pxe3");
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps) => ps.AddScript("New-VM -Name pxe3 -Generation 1\nSet-VMBios -VMName pxe3 -StartupOrder LegacyNetworkAdapter,IDE -Passthru | Set-VM -Notes 'PXE; then \"disk\"'; Add-VMNetworkAdapter -VMName 'pxe3' -IsLegacy $true\nStart-VM pxe3");
        }
        """);

    [Fact]
    public Task HV3002_a_single_string_boot_order_in_a_chain_gets_a_statement_not_script_text() => Fix<HostedPowerShellAnalyzer, AddCommandFix>("""
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "pxe");
                ps.AddCommand("Set-VMBios").AddParameter("VMName", "pxe").AddParameter("StartupOrder", {|HV3002:"LegacyNetworkAdapter"|});
            }
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void C(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "pxe");
                ps.AddCommand("Set-VMBios").AddParameter("VMName", "pxe").AddParameter("StartupOrder", "LegacyNetworkAdapter");
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "pxe").AddParameter("IsLegacy", true);
            }
        }
        """);

    [Fact]
    public Task HV8004_New_VM_is_given_Generation_2_in_script_text_and_in_a_chain() => Fix<HostedPowerShellAnalyzer, GenerationTwoFix>("""
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name web01 -MemoryStartupBytes 2GB; {|HV8004:Set-VMFirmware|} -VMName web01 -EnableSecureBoot On");

            void Chain(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "web02").AddStatement()
                  .AddCommand({|HV8004:"Set-VMFirmware"|}).AddParameter("VMName", "web02").AddParameter("EnableSecureBoot", "On");
            }
        }
        """, """
        using System.Management.Automation;
        class P
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Generation 2 -Name web01 -MemoryStartupBytes 2GB; Set-VMFirmware -VMName web01 -EnableSecureBoot On");

            void Chain(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Generation", 2).AddParameter("Name", "web02").AddStatement()
                  .AddCommand("Set-VMFirmware").AddParameter("VMName", "web02").AddParameter("EnableSecureBoot", "On");
            }
        }
        """);

    [Fact]
    public async Task HV3002_offers_no_fix_where_one_statement_sets_the_boot_order_of_several_VMs()
    {
        // In a loop or for a list of VMs the finding's statement is each VM's, and an adapter added there for one named
        // VM would be added again on every pass, never to the others.
        const string Source = """
            using System.Management.Automation;
            class P
            {
                void Loop(PowerShell ps)
                {
                    foreach (var name in new[] { "pxe1", "pxe2" })
                    {
                        ps.AddCommand("New-VM").AddParameter("Name", name).AddParameter("Generation", 1);
                        ps.AddCommand("Set-VMBios").AddParameter("VMName", name).AddParameter("StartupOrder", {|#0:new[] { "LegacyNetworkAdapter", "IDE" }|});
                    }
                }

                void List(PowerShell ps) => ps.AddScript("New-VM -Name pxe3; New-VM -Name pxe4; Set-VMBios -VMName pxe3, pxe4 -StartupOrder {|#1:LegacyNetworkAdapter,IDE|}");
            }
            """;
        var test = new CSharpCodeFixTest<HostedPowerShellAnalyzer, AddCommandFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = Source,
            FixedCode = Source,
            NumberOfFixAllIterations = 0,
        };
        foreach (var (location, vm) in new[] { (0, "pxe1"), (0, "pxe2"), (1, "pxe3"), (1, "pxe4") })
        {
            var expected = new DiagnosticResult("HV3002", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(location)
                .WithArguments("VM '" + vm + "' is Generation 1 and boots from the network before its disk, but has only synthetic network adapters (1); PXE boot on Generation 1 needs a legacy network adapter");
            test.TestState.ExpectedDiagnostics.Add(expected);
            test.FixedState.ExpectedDiagnostics.Add(expected);
        }

        test.TestState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        test.FixedState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_value_read_for_several_VMs_is_fixed_only_when_the_rule_finds_it_for_each()
    {
        // For web01 and web02 (both Generation 2) the legacy adapter is wrong, and false is right for both. For app01
        // (a guest with integration services, from the VM file) and app02 (a guest nothing says) it is wrong only for
        // app01: app02 may need the legacy adapter, so the shared value is not changed.
        const string Source = """
            using System.Management.Automation;
            class P
            {
                void Both(PowerShell ps)
                {
                    foreach (var name in new[] { "web01", "web02" })
                    {
                        ps.AddCommand("New-VM").AddParameter("Name", name).AddParameter("Generation", 2);
                        ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", name).AddParameter("IsLegacy", {|#0:true|});
                    }
                }

                void One(PowerShell ps)
                {
                    foreach (var name in new[] { "app01", "app02" })
                    {
                        ps.AddCommand("New-VM").AddParameter("Name", name);
                        ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", name).AddParameter("IsLegacy", {|#1:true|});
                    }
                }
            }
            """;
        var test = new CSharpCodeFixTest<HostedPowerShellAnalyzer, HvLintCodeFixes, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = Source,
            FixedCode = Source.Replace("{|#0:true|}", "false"),
        };
        const string Gen2 = "is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)";
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'web01' " + Gen2));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'web02' " + Gen2));
        var app01 = new DiagnosticResult("HV3001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1)
            .WithArguments("VM 'app01' has the legacy network adapter 'Legacy Network Adapter' although Windows Server 2012 R2 has integration services and the VM does not boot from the network before its disk; use a synthetic network adapter");
        test.TestState.ExpectedDiagnostics.Add(app01);
        test.FixedState.ExpectedDiagnostics.Add(app01);
        foreach (var (path, text) in CodeFixTests.Guests)
        {
            test.TestState.AdditionalFiles.Add((path, text));
            test.FixedState.AdditionalFiles.Add((path, text));
        }

        test.TestState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        test.FixedState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        await test.RunAsync();
    }

    [Fact]
    public async Task HV8004_offers_no_fix_where_New_VM_was_told_Generation_1_or_is_a_Command_object()
    {
        // Either command may be the wrong one when -Generation 1 is written; a Command object has no chain to extend.
        const string Source = """
            using System.Management.Automation;
            using System.Management.Automation.Runspaces;
            class P
            {
                void Told(PowerShell ps) => ps.AddScript("New-VM -Name a -Generation 1; {|HV8004:Set-VMFirmware|} -VMName a -EnableSecureBoot Off");

                void Objects(PowerShell ps)
                {
                    var newVm = new Command("New-VM");
                    newVm.Parameters.Add("Name", "b");
                    var firmware = new Command({|HV8004:"Set-VMFirmware"|});
                    firmware.Parameters.Add("VMName", "b");
                    ps.Commands.AddCommand(newVm).AddCommand(firmware);
                }
            }
            """;
        var test = new CSharpCodeFixTest<HostedPowerShellAnalyzer, GenerationTwoFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = Source,
            FixedCode = Source,
            NumberOfFixAllIterations = 0,
        };
        test.TestState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        test.FixedState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        await test.RunAsync();
    }
}
