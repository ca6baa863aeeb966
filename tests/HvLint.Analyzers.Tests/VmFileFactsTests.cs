using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace HvLint.Analyzers.Tests;

/// <summary>
/// A VM file in the project describes the guest of a VM that code creates by the same name: what the code cannot
/// say (guest operating system, template, integration services) comes from the file, the devices and processors
/// from the code, and guest rules report where the code sets them.
/// </summary>
public class VmFileFactsTests
{
    private static readonly (string, string)[] Files =
    {
        ("hvlint/guests.hvlint.json", """
            {
              "virtualMachines": [
                { "name": "app01", "guestOperatingSystem": "Windows Server 2012 R2 Standard" },
                { "name": "w2k3-template", "isTemplate": true, "guestOperatingSystem": "Windows Server 2003 R2 Enterprise Edition" },
                { "name": "kiosk01", "guestOperatingSystem": "Windows 8.1 Enterprise" },
                { "name": "ci-runner", "guestOperatingSystem": "Ubuntu 22.04 LTS" },
                { "name": "lab-dc01", "environment": "test" }
              ]
            }
            """),
    };

    [Fact]
    public Task HV3001_a_legacy_adapter_for_a_guest_the_VM_file_says_has_integration_services() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps) => ps.AddScript("New-VM -Name app01 -SwitchName LAN; Add-VMNetworkAdapter -VMName app01 -SwitchName LAN -IsLegacy {|HV3001:$true|}");

            // The same code for a VM no file describes: its guest is unknown, so nothing is said.
            void Unknown(PowerShell ps) => ps.AddScript("New-VM -Name app02 -SwitchName LAN; Add-VMNetworkAdapter -VMName app02 -SwitchName LAN -IsLegacy $true");

            // app01 again, but booting from the network first: the legacy adapter is the one PXE needs.
            void Pxe(PowerShell ps) => ps.AddScript("New-VM -Name app01 -BootDevice NetworkAdapter -SwitchName LAN");
        }
        """, additionalFiles: Files);

    [Fact]
    public Task HV4002_a_single_vCPU_for_a_Windows_Server_2003_template_the_VM_file_describes() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Templates
        {
            void Build(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "w2k3-template").AddStatement()
                  .AddCommand("Set-VMProcessor").AddParameter("VMName", "w2k3-template").AddParameter("Count", {|HV4002:1|});
            }

            void Two(PowerShell ps) => ps.AddScript("New-VM -Name w2k3-template; Set-VMProcessor -VMName w2k3-template -Count 2");
        }
        """, additionalFiles: Files);

    [Fact]
    public Task HV1006_HV1007_memory_set_in_code_for_a_guest_the_VM_file_describes() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Memory
        {
            // Windows 8.1 with Dynamic Memory: a minimum below 256 MB is required more of, a maximum below 1 GB recommended more.
            void Kiosk(PowerShell ps) => ps.AddScript("New-VM -Name kiosk01 -MemoryStartupBytes 512MB; Set-VMMemory -VMName kiosk01 -DynamicMemoryEnabled $true -MinimumBytes {|HV1006:128MB|} -MaximumBytes {|HV1007:768MB|}");

            // Windows Server 2012 R2 with static memory: 2 GB is recommended for a server guest.
            void Static(PowerShell ps) => ps.AddCommand("Set-VMMemory").AddParameter("VMName", "app01").AddParameter("DynamicMemoryEnabled", false).AddParameter("StartupBytes", {|HV1007:1073741824L|});

            // The same memory with the Dynamic Memory setting left as it is: the recommendation depends on it, so nothing is said.
            void Unsaid(PowerShell ps) => ps.AddCommand("Set-VMMemory").AddParameter("VMName", "app01").AddParameter("StartupBytes", 1073741824L);

            // Enough for the guest, and a VM no file describes.
            void Enough(PowerShell ps) => ps.AddScript("Set-VMMemory -VMName kiosk01 -DynamicMemoryEnabled $true -MinimumBytes 256MB -StartupBytes 512MB -MaximumBytes 2GB; Set-VMMemory -VMName other -DynamicMemoryEnabled $false -StartupBytes 128MB");
        }
        """, additionalFiles: Files);

    [Fact]
    public Task HV4006_a_Linux_VM_created_as_Generation_2_keeps_the_MicrosoftWindows_template() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Runners
        {
            // New-VM -Generation 2 turns Secure Boot on with the MicrosoftWindows template, and nothing changes it.
            void Create(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation {|HV4006:2|} -SwitchName LAN");

            // The template named in the code, as a command chain: reported where it is written.
            void Chain(PowerShell ps) => ps.AddCommand("Set-VMFirmware").AddParameter("VMName", "ci-runner").AddParameter("EnableSecureBoot", "On").AddParameter("SecureBootTemplate", {|HV4006:"MicrosoftWindows"|});

            // Fixed: the UEFI CA template, or Secure Boot off.
            void Ca(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 2; Set-VMFirmware -VMName ci-runner -SecureBootTemplate MicrosoftUEFICertificateAuthority");
            void Off(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 2; Set-VMFirmware -VMName ci-runner -EnableSecureBoot Off");

            // A template given by its ID: MicrosoftWindows's is reported; the UEFI CA template's passes, and so does an ID
            // HvLint does not know (the template is then unknown).
            void ByWindowsId(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 2; Set-VMFirmware -VMName ci-runner -SecureBootTemplateId {|HV4006:1734c6e8-3154-4dda-ba5f-a874cc483422|}");
            void ById(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 2; Set-VMFirmware -VMName ci-runner -SecureBootTemplateId 272e7447-90a4-4563-a4b9-8e4ab00526ce");
            void ByOtherId(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 2; Set-VMFirmware -VMName ci-runner -SecureBootTemplateId 00000000-0000-0000-0000-000000000001");

            // A Generation 1 VM has no Secure Boot; a Windows guest is what the template is for.
            void Gen1(PowerShell ps) => ps.AddScript("New-VM -Name ci-runner -Generation 1");
            void Windows(PowerShell ps) => ps.AddScript("New-VM -Name app01 -Generation 2");
        }
        """, additionalFiles: Files);

    [Fact]
    public Task HV6005_is_silent_for_a_VM_the_file_says_is_for_test() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Provisioner
        {
            void Lab(PowerShell ps) => ps.AddScript("Set-VM -Name lab-dc01 -CheckpointType Standard");

            // A VM no file describes may run a production workload.
            void Unknown(PowerShell ps) => ps.AddScript("Set-VM -Name dc01 -CheckpointType {|HV6005:Standard|}");
        }
        """, additionalFiles: Files);

    [Fact]
    public Task HV4006_through_WMI_the_MicrosoftWindows_template_by_its_ID_for_a_Linux_guest() => Verify.AnalyzerWith<WmiAnalyzer>("""
        using System.Management;
        class Provisioner
        {
            void Define(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "ci-runner";
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:2";
                settings["SecureBootEnabled"] = true;
                settings["SecureBootTemplateId"] = {|HV4006:"{1734C6E8-3154-4DDA-BA5F-A874CC483422}"|};
            }

            void UefiCa(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "ci-runner";
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:2";
                settings["SecureBootEnabled"] = true;
                settings["SecureBootTemplateId"] = "272e7447-90a4-4563-a4b9-8e4ab00526ce";
            }
        }
        """, WmiAnalyzerTests.ManagementStub, additionalFiles: Files);

    [Fact]
    public Task HV4006_through_WMI_on_2012_R2_Secure_Boot_itself_for_a_Linux_guest() => Verify.AnalyzerWith<WmiAnalyzer>("""
        using System.Management;
        class Provisioner
        {
            // Generation 2 without a template: 2012 R2 is the oldest release the code fits, and its Secure Boot is for
            // Windows guests only.
            void Define(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "ci-runner";
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:2";
                settings["SecureBootEnabled"] = {|HV4006:true|};
            }

            // Off is what 2012 R2 needs.
            void Off(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "ci-runner";
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:2";
                settings["SecureBootEnabled"] = false;
            }
        }
        """, WmiAnalyzerTests.ManagementStub, additionalFiles: Files);

    [Fact]
    public Task HV7002_through_WMI_Secure_Boot_off_for_a_Windows_guest_the_file_describes() => Verify.AnalyzerWith<WmiAnalyzer>("""
        using System.Management;
        class Provisioner
        {
            void Define(ManagementScope scope)
            {
                var v2 = @"root\virtualization\v2";
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "app01";
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:2";
                settings["SecureBootEnabled"] = {|HV7002:false|};
            }

            // The same for a Linux guest, which may need Secure Boot off: not this rule's.
            void Linux(ManagementScope scope)
            {
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "ci-runner";
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:2";
                settings["SecureBootEnabled"] = false;
            }
        }
        """, WmiAnalyzerTests.ManagementStub, additionalFiles: Files);

    [Fact]
    public Task HV3001_through_WMI_for_the_VM_the_file_describes() => Verify.AnalyzerWith<WmiAnalyzer>("""
        using System.Management;
        class Provisioner
        {
            void Define(ManagementScope scope)
            {
                var v2 = @"root\virtualization\v2";
                ManagementObject settings = new ManagementClass(scope, new ManagementPath("Msvm_VirtualSystemSettingData"), null).CreateInstance();
                settings["ElementName"] = "app01";
                settings["VirtualSystemSubType"] = "Microsoft:Hyper-V:SubType:1";
                settings["BootOrder"] = new ushort[] { 2, 1, 3, 0 };
                ManagementObject nic = new ManagementClass(scope, new ManagementPath("Msvm_ResourceAllocationSettingData"), null).CreateInstance();
                nic["ResourceSubType"] = {|HV3001:"Microsoft:Hyper-V:Emulated Ethernet Port"|};
            }
        }
        """, WmiAnalyzerTests.ManagementStub, additionalFiles: Files);

    [Fact]
    public async Task VM_files_are_read_once_per_compilation_for_their_own_findings_and_for_the_code()
    {
        ImmutableArray<MetadataReference> references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        SyntaxTree code = CSharpSyntaxTree.ParseText("""
            using System.Management.Automation;
            class Provisioner
            {
                void Create(PowerShell ps) => ps.AddScript("New-VM -Name app01 -SwitchName LAN; Add-VMNetworkAdapter -VMName app01 -SwitchName LAN -IsLegacy $true");
            }
            """, path: "Provisioner.cs");
        var compilation = CSharpCompilation.Create("App", new[] { code, CSharpSyntaxTree.ParseText(Verify.PowerShellStub) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var file = new CountingText("hvlint/guests.hvlint.json", """
            {
              "virtualMachines": [
                { "name": "app01", "guestOperatingSystem": "Windows Server 2012 R2 Standard" },
                { "name": "web02", "generation": 2, "networkAdapters": [ { "name": "PXE", "isLegacy": true } ] }
              ]
            }
            """);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HostedPowerShellAnalyzer(), new VmFileAnalyzer());
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(file))).GetAnalyzerDiagnosticsAsync();

        // The code's finding needs the file's guest; the file's own finding is reported inside the file.
        Assert.Contains(diagnostics, d => d.Id == "HV3001" && d.Location.SourceTree == code);
        Assert.Contains(diagnostics, d => d.Id == "HV3003" && d.Location.GetLineSpan().Path == file.Path && d.Location.GetLineSpan().StartLinePosition.Line == 3);
        Assert.Equal(1, file.Reads);
    }

    [Fact]
    public async Task The_audit_is_reused_by_a_new_compilation_of_the_same_VM_files_and_redone_when_a_file_changes()
    {
        // As in an IDE: each edit of a .cs file makes a new compilation; the AdditionalText objects stay until the VM file changes.
        ImmutableArray<MetadataReference> references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        SyntaxTree stub = CSharpSyntaxTree.ParseText(Verify.PowerShellStub);
        const string Guests = """{ "virtualMachines": [ { "name": "app01", "guestOperatingSystem": "Windows Server 2012 R2 Standard" } ] }""";
        var file = new CountingText("hvlint/guests.hvlint.json", Guests);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HostedPowerShellAnalyzer(), new VmFileAnalyzer());

        async Task<ImmutableArray<Diagnostic>> Analyze(string adapter, CountingText vmFile)
        {
            SyntaxTree code = CSharpSyntaxTree.ParseText("using System.Management.Automation; class P { void C(PowerShell ps) => ps.AddScript(\"New-VM -Name app01; Add-VMNetworkAdapter -VMName app01 -IsLegacy " + adapter + "\"); }", path: "P.cs");
            var compilation = CSharpCompilation.Create("App", new[] { code, stub }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            return await compilation.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(vmFile))).GetAnalyzerDiagnosticsAsync();
        }

        Assert.Contains(await Analyze("$true", file), d => d.Id == "HV3001");
        Assert.DoesNotContain(await Analyze("$false", file), d => d.Id == "HV3001");
        Assert.Contains(await Analyze("$true", file), d => d.Id == "HV3001");
        Assert.Equal(1, file.Reads);

        // The file edited: a new AdditionalText, read and audited again (the guest is now unknown, so HV3001 goes).
        var edited = new CountingText("hvlint/guests.hvlint.json", Guests.Replace("Windows Server 2012 R2 Standard", "Unknown OS", StringComparison.Ordinal));
        Assert.DoesNotContain(await Analyze("$true", edited), d => d.Id == "HV3001");
        Assert.Equal(1, edited.Reads);
    }

    private sealed class CountingText : AdditionalText
    {
        private readonly SourceText _text;
        private int _reads;

        public CountingText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public int Reads => _reads;

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return _text;
        }
    }
}
