using Microsoft.CodeAnalysis.Testing;

namespace HvLint.Analyzers.Tests;

public class HostedPowerShellAnalyzerTests
{
    private static Task Check(string source, string? globalConfig = null) => Verify.Analyzer<HostedPowerShellAnalyzer>(source, globalConfig);

    /// <summary>Exactly one finding, at the markup {|#0:...|}, with its whole message.</summary>
    private static Task CheckMessage(string source, string id, Microsoft.CodeAnalysis.DiagnosticSeverity severity, string message) =>
        Verify.Analyzer<HostedPowerShellAnalyzer>(source, expected: new DiagnosticResult(id, severity).WithLocation(0).WithArguments(message));

    [Fact]
    public Task HV3003_a_legacy_adapter_on_a_Generation_2_VM_in_script_text() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create()
            {
                using var ps = PowerShell.Create();
                ps.AddScript("New-VM -Name web01 -Generation 2 -MemoryStartupBytes 4GB\nAdd-VMNetworkAdapter -VMName web01 -IsLegacy {|HV3003:$true|} -SwitchName External").Invoke();
            }
        }
        """);

    [Fact]
    public Task Calls_on_one_name_are_PowerShell_s_only_where_the_name_means_that_PowerShell() => Check(OwnBuilder + """
        class Provisioner
        {
            private readonly Builder ps = new Builder();

            void Create()
            {
                {
                    var ps = PowerShell.Create();
                    ps.AddCommand("New-VM").AddParameter("Name", "web07").AddParameter("Generation", 2);
                    ps.AddStatement();
                    ps.AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "web07").AddParameter("IsLegacy", {|HV3003:true|});
                }

                // Past the block, ps is the field: a builder of the user's own, whose commands never run.
                ps.AddCommand("New-VM").AddParameter("Name", "web08").AddParameter("Generation", 2);
                ps.AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "web08").AddParameter("IsLegacy", true);
            }

            void Twice()
            {
                { var ps = PowerShell.Create(); ps.AddCommand("New-VM").AddParameter("Name", "web09").AddParameter("Generation", 2); }
                { var ps = new Builder(); ps.AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "web09").AddParameter("IsLegacy", true); }
            }

            void Shadowed()
            {
                var ps = PowerShell.Create();
                ps.AddCommand("New-VM").AddParameter("Name", "web10").AddParameter("Generation", 2);
                System.Action<Builder> add = ps => ps.AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "web10").AddParameter("IsLegacy", true);
            }
        }
        """);

    [Fact]
    public Task HV3003_in_a_multi_line_raw_script_is_reported_at_the_value() => Check(""""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps) => ps.AddScript("""
                New-VM -Name web01 -Generation 2 -MemoryStartupBytes 4GB
                Add-VMNetworkAdapter -VMName web01 -IsLegacy {|HV3003:$true|} -SwitchName External
                """);

            void OneLine(PowerShell ps) => ps.AddScript("""New-VM -Name web02 -Generation 2; Add-VMNetworkAdapter -VMName web02 -IsLegacy {|HV3003:$true|}""");
        }
        """");

    [Fact]
    public Task Findings_in_script_text_are_exact_with_and_without_escapes() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // Escaped backslashes make the text longer than its value: every position after them shifts.
            void Unc(PowerShell ps) => ps.AddScript("New-VM -Name web04 -Generation 2 -Path \\\\srv\\vms; Add-VMNetworkAdapter -VMName web04 -IsLegacy {|HV3003:$true|}");

            void Verbatim(PowerShell ps) => ps.AddScript(@"New-VM -Name web05 -Generation 2; Add-VMNetworkAdapter -VMName web05 -IsLegacy {|HV3003:$true|}");

            void Plain(PowerShell ps) => ps.AddScript("New-VM -Name web06 -Generation 2; Add-VMNetworkAdapter -VMName web06 -IsLegacy {|HV3003:$true|}");
        }
        """);

    [Fact]
    public Task A_comment_after_a_command_is_not_read_as_its_parameters() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps) => ps.AddScript("New-VM -Name web03 -Generation 2\nAdd-VMNetworkAdapter -VMName web03 -SwitchName External # was: -IsLegacy $true; Gen2 needs none");
        }
        """);

    [Fact]
    public Task Block_comments_are_not_read_and_the_commands_around_them_are() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // Commands commented out, on one line or several, are not run.
            void Disabled(PowerShell ps) => ps.AddScript("<# New-VM -Name old01 -Generation 2; Add-VMNetworkAdapter -VMName old01 -IsLegacy $true #> Get-Date");
            void Lines(PowerShell ps) => ps.AddScript("New-VM -Name old02 -Generation 2\n<#\nAdd-VMNetworkAdapter -VMName old02 -IsLegacy $true\n#>\nGet-Date");

            // A comment between parameters, or before a command, leaves the rest of it in place.
            void Inline(PowerShell ps) => ps.AddScript("<# PXE #>New-VM -Name web04 -Generation 2; Add-VMNetworkAdapter <# legacy #> -VMName web04 -IsLegacy {|HV3003:$true|}");
        }
        """);

    [Fact]
    public Task Script_blocks_pipeline_chains_and_variables_that_hold_a_VM_are_read() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // The commands inside braces run, as a C# method's branches do.
            void Block(PowerShell ps) => ps.AddScript("if ($pxe) { New-VM -Name b1 -Generation 2; Add-VMNetworkAdapter -VMName b1 -IsLegacy {|HV3003:$true|} }");
            void Remote(PowerShell ps) => ps.AddScript("Invoke-Command -ComputerName hv01 -ScriptBlock {New-VM -Name b2 -Generation 2; Set-VMProcessor -VMName b2 -Count {|HV1001:65|}}");
            void NoSpace(PowerShell ps) => ps.AddScript("1..2 | %{New-VM -Name b10 -Generation 2; Add-VMNetworkAdapter -VMName b10 -IsLegacy {|HV3003:$true|}}");

            // PowerShell 7's && runs the next command as a statement of its own.
            void Chain(PowerShell ps) => ps.AddScript("New-VM -Name b3 -Generation 2 && Add-VMNetworkAdapter -VMName b3 -IsLegacy {|HV3003:$true|}");

            // $vm = New-VM / Get-VM binds the VM to the variable: -VM $vm, a positional $vm, and $vm | ... are that VM.
            void Assigned(PowerShell ps) => ps.AddScript("$vm = New-VM -Name b4 -Generation 2; Add-VMNetworkAdapter -VM $vm -IsLegacy {|HV3003:$true|}");
            void Positional(PowerShell ps) => ps.AddScript("$VM = New-VM -Name b5 -Generation 2\nSet-VMProcessor $vm -Count {|HV1001:65|}");
            void Piped(PowerShell ps) => ps.AddScript("New-VM -Name b6 -Generation 2; New-VM -Name b7; $vm = Get-VM b6; $vm | Add-VMNetworkAdapter -IsLegacy {|HV3003:$true|}");

            // A bare word that expands a variable the script does not fix names a VM known only at run time, as "web$i" in
            // double quotes does (a loop over items the script lists fixes it: see A_loop_over_items_the_script_lists...).
            void Loop(PowerShell ps) => ps.AddScript("foreach ($i in Get-Content ids.txt) { New-VM -Name web$i -Generation 2; Add-VMNetworkAdapter -VMName web$i -IsLegacy $true }");

            // A variable assigned again, or one that never held a VM, holds no VM the model knows.
            void Reassigned(PowerShell ps) => ps.AddScript("$vm = New-VM -Name b8 -Generation 2; $vm = Get-Item C:\\vm.txt; Add-VMNetworkAdapter -VM $vm -IsLegacy $true");
            void Unbound(PowerShell ps) => ps.AddScript("New-VM -Name b9 -Generation 2; $other | Add-VMNetworkAdapter -IsLegacy $true; Set-VMProcessor $other -Count 65");
        }
        """, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task HV2002_a_Generation_1_VM_whose_disks_the_code_attaches_all_to_SCSI() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // New-VM gives a Generation 1 VM no disk of its own without -NewVHDPath or -VHDPath.
            void OnlyScsi(PowerShell ps) => ps.AddScript("New-VM -Name g1; Add-VMHardDiskDrive -VMName g1 -ControllerType {|HV2002:SCSI|} -Path os.vhd");

            // With its boot disk on IDE, data disks on SCSI are fine; so is a disk whose controller the code does not fix.
            void DataOnScsi(PowerShell ps) => ps.AddScript("New-VM -Name g2 -NewVHDPath os.vhdx -NewVHDSizeBytes 60GB; Add-VMHardDiskDrive -VMName g2 -ControllerType SCSI -Path data.vhdx");
            void Unknown(PowerShell ps, string type) => ps.AddScript("New-VM -Name g3; Add-VMHardDiskDrive -VMName g3 -ControllerType SCSI -Path data.vhd; Add-VMHardDiskDrive -VMName g3 -ControllerType $type -Path os.vhd");
        }
        """);

    [Fact]
    public Task Set_VMHardDiskDrive_and_Set_VMDvdDrive_move_the_drive_in_the_slot_they_name() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // Into the slot of the DVD drive New-VM gives a Generation 1 VM (IDE 1:0).
            void Into(PowerShell ps) => ps.AddScript("New-VM -Name m1; Add-VMHardDiskDrive -VMName m1 -ControllerType IDE -ControllerNumber 0 -ControllerLocation 1 -Path data.vhd; Set-VMHardDiskDrive -VMName m1 -ControllerType IDE -ControllerNumber 0 -ControllerLocation 1 -ToControllerNumber 1 -ToControllerLocation {|HV2001:0|}");

            // The DVD drive moved out of the way first: the slot is free.
            void OutOfTheWay(PowerShell ps) => ps.AddScript("New-VM -Name m2; Set-VMDvdDrive -VMName m2 -ControllerNumber 1 -ControllerLocation 0 -ToControllerNumber 0 -ToControllerLocation 1; Add-VMHardDiskDrive -VMName m2 -ControllerType IDE -ControllerNumber 1 -ControllerLocation 0 -Path data.vhd");

            // A Generation 1 VM's only disk moved to SCSI does not boot.
            void ToScsi(PowerShell ps) => ps.AddScript("New-VM -Name m3 -NewVHDPath os.vhdx -NewVHDSizeBytes 40GB; Set-VMHardDiskDrive m3 -ControllerType IDE -ControllerNumber 0 -ControllerLocation 0 -ToControllerType {|HV2002:SCSI|}");

            // Remove-VMHardDiskDrive takes the disk out of its slot; a disk in another slot stays; without a slot, or from a
            // pipeline, any disk may be gone.
            void Removed(PowerShell ps) => ps.AddScript("New-VM -Name r1; Add-VMHardDiskDrive -VMName r1 -ControllerType IDE -ControllerNumber 1 -ControllerLocation 0 -Path d.vhd; Remove-VMHardDiskDrive -VMName r1 -ControllerType IDE -ControllerNumber 1 -ControllerLocation 0");
            void Kept(PowerShell ps) => ps.AddScript("Add-VMHardDiskDrive -VMName r2 -ControllerType SCSI -ControllerNumber 0 -ControllerLocation 1 -DiskNumber {|HV2004:3|}; Remove-VMHardDiskDrive -VMName r2 -ControllerType SCSI -ControllerNumber 0 -ControllerLocation 2");
            void AnyOf(PowerShell ps) => ps.AddScript("Add-VMHardDiskDrive -VMName r3 -DiskNumber 3; Remove-VMHardDiskDrive -VMName r3 -ControllerType SCSI -ControllerNumber 0 -ControllerLocation 2");
            void Piped(PowerShell ps) => ps.AddScript("Add-VMHardDiskDrive -VMName r4 -ControllerType SCSI -ControllerNumber 0 -ControllerLocation 1 -DiskNumber 3; Get-VMHardDiskDrive -VMName r4 | Remove-VMHardDiskDrive");

            // A slot the code does not fix, or a drive the model does not have there, changes nothing known.
            void Unknown(PowerShell ps, int slot) => ps.AddScript("New-VM -Name m4; Add-VMHardDiskDrive -VMName m4 -ControllerType IDE -ControllerNumber 0 -ControllerLocation 1 -Path data.vhd; Set-VMHardDiskDrive -VMName m4 -ControllerType IDE -ControllerNumber 0 -ControllerLocation 1 -ToControllerNumber 1 -ToControllerLocation $slot");
            void Elsewhere(PowerShell ps) => ps.AddScript("New-VM -Name m5; Set-VMHardDiskDrive -VMName m5 -ControllerType IDE -ControllerNumber 0 -ControllerLocation 1 -ToControllerNumber 1 -ToControllerLocation 0");
        }
        """);

    [Fact]
    public Task HV2001_a_drive_in_the_slot_of_the_DVD_drive_New_VM_gives_a_Generation_1_VM() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void OnTheDvd(PowerShell ps) => ps.AddScript("New-VM -Name d1; Add-VMHardDiskDrive -VMName d1 -ControllerType IDE -ControllerNumber 1 -ControllerLocation {|HV2001:0|} -Path data.vhdx");

            // Removed first, by its slot or without one, the slot is free.
            void Removed(PowerShell ps) => ps.AddScript("New-VM -Name d2; Remove-VMDvdDrive -VMName d2 -ControllerNumber 1 -ControllerLocation 0; Add-VMHardDiskDrive -VMName d2 -ControllerType IDE -ControllerNumber 1 -ControllerLocation 0 -Path data.vhdx");
            void RemovedAll(PowerShell ps, int n) => ps.AddScript("New-VM -Name d3; Get-VMDvdDrive d3 | Remove-VMDvdDrive; Remove-VMDvdDrive -VMName d3 -ControllerNumber $n -ControllerLocation 0; Add-VMHardDiskDrive -VMName d3 -ControllerType IDE -ControllerNumber 1 -ControllerLocation 0 -Path data.vhdx");

            // Generation 2: New-VM adds no DVD drive; one added where the code says takes its slot.
            void Gen2(PowerShell ps) => ps.AddScript("New-VM -Name d4 -Generation 2; Add-VMHardDiskDrive -VMName d4 -ControllerType SCSI -ControllerNumber 0 -ControllerLocation 0 -Path data.vhdx");
            void Added(PowerShell ps) => ps.AddScript("New-VM -Name d5 -Generation 2; Add-VMDvdDrive -VMName d5 -ControllerNumber 0 -ControllerLocation 1 -Path setup.iso; Add-VMHardDiskDrive -VMName d5 -ControllerType SCSI -ControllerNumber 0 -ControllerLocation {|HV2001:1|} -Path data.vhdx");
        }
        """, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task HV1008_a_COM_port_connected_on_a_Generation_2_VM() => Check("""
        using System.Management.Automation;
        class Debugging
        {
            void Named(PowerShell ps) => ps.AddScript(@"New-VM -Name kd01 -Generation 2; Set-VMComPort -VMName kd01 -Number 1 -Path {|HV1008:\\.\pipe\kd01|}");

            // Positional: -VMName, -Number, -Path in turn; and a chain.
            void Positional(PowerShell ps) => ps.AddScript(@"New-VM -Name kd02 -Generation 2; Set-VMComPort kd02 2 {|HV1008:'\\.\pipe\kd02'|}");
            void Chain(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "kd03").AddParameter("Generation", 2).AddStatement()
                .AddCommand("Set-VMComPort").AddParameter("VMName", "kd03").AddParameter("Number", 1).AddParameter("Path", {|HV1008:@"\\.\pipe\kd03"|});

            // Disconnected again, on Generation 1, and a port whose number the code does not give.
            void Disconnected(PowerShell ps) => ps.AddScript(@"New-VM -Name kd04 -Generation 2; Set-VMComPort -VMName kd04 -Number 1 -Path \\.\pipe\kd04; Set-VMComPort -VMName kd04 -Number 1 -Path ''");
            void Gen1(PowerShell ps) => ps.AddScript(@"New-VM -Name kd05; Set-VMComPort -VMName kd05 -Number 1 -Path \\.\pipe\kd05");
            void Unnumbered(PowerShell ps, int n) => ps.AddCommand("New-VM").AddParameter("Name", "kd06").AddParameter("Generation", 2).AddStatement()
                .AddCommand("Set-VMComPort").AddParameter("VMName", "kd06").AddParameter("Number", n).AddParameter("Path", @"\\.\pipe\kd06");
        }
        """);

    [Fact]
    public Task HV2006_Set_VMFloppyDiskDrive_on_a_Generation_2_VM() => Check("""
        using System.Management.Automation;
        class Unattended
        {
            void Named(PowerShell ps) => ps.AddScript(@"New-VM -Name win01 -Generation 2; Set-VMFloppyDiskDrive -VMName win01 -Path {|HV2006:D:\unattend\win01.vfd|}");

            // Positional: -VMName, then -Path; a chain; and emptying the drive, which Generation 2 does not have either.
            void Positional(PowerShell ps) => ps.AddScript(@"New-VM -Name win02 -Generation 2; Set-VMFloppyDiskDrive win02 {|HV2006:'D:\unattend\win02.vfd'|}");
            void Chain(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "win03").AddParameter("Generation", 2).AddStatement()
                .AddCommand("Set-VMFloppyDiskDrive").AddParameter("VMName", "win03").AddParameter("Path", {|HV2006:@"D:\unattend\win03.vfd"|});
            void Empty(PowerShell ps) => ps.AddScript("New-VM -Name win04 -Generation 2; Set-VMFloppyDiskDrive -VMName win04 -Path {|HV2006:$null|}");

            // Generation 1 (New-VM's default) has a floppy drive; a VM whose generation the code does not give may too.
            void Gen1(PowerShell ps) => ps.AddScript(@"New-VM -Name win05; Set-VMFloppyDiskDrive -VMName win05 -Path D:\unattend\win05.vfd");
            void Unknown(PowerShell ps) => ps.AddScript(@"Set-VMFloppyDiskDrive -VMName win06 -Path D:\unattend\win06.vfd");
        }
        """);

    [Fact]
    public Task HV2008_New_VHD_makes_a_dynamic_or_differencing_VHD_that_a_VM_attaches() => Check("""
        using System.Management.Automation;
        class Disks
        {
            // New-VHD's default parameter set makes a dynamically expanding disk; -ParentPath a differencing one.
            void Dynamic(PowerShell ps) => ps.AddScript(@"New-VM -Name app01; {|HV2008:New-VHD|} -Path D:\vms\app01.vhd -SizeBytes 40GB; Add-VMHardDiskDrive -VMName app01 -Path D:\vms\app01.vhd");
            void Differencing(PowerShell ps) => ps.AddScript(@"New-VM -Name app02; New-VHD -Path D:\vms\app02.vhd -ParentPath {|HV2008:D:\base\w2k12r2.vhd|}; Add-VMHardDiskDrive -VMName app02 -Path D:\vms\app02.vhd");
            void Positional(PowerShell ps) => ps.AddScript(@"New-VM -Name app03; New-VHD D:\vms\app03.vhd {|HV2008:D:\base\w2k12r2.vhd|}; Add-VMHardDiskDrive -VMName app03 -Path D:\vms\app03.vhd");

            // Fixed, VHDX, a disk no VM attaches, and a switch whose value the code does not fix.
            void Fixed(PowerShell ps) => ps.AddScript(@"New-VM -Name app04; New-VHD -Path D:\vms\app04.vhd -SizeBytes 40GB -Fixed; Add-VMHardDiskDrive -VMName app04 -Path D:\vms\app04.vhd");
            void Vhdx(PowerShell ps) => ps.AddScript(@"New-VM -Name app05; New-VHD -Path D:\vms\app05.vhdx -SizeBytes 40GB; Add-VMHardDiskDrive -VMName app05 -Path D:\vms\app05.vhdx");
            void Unattached(PowerShell ps) => ps.AddScript(@"New-VHD -Path D:\vms\spare.vhd -SizeBytes 40GB");
            void Unknown(PowerShell ps, bool fixedSize) => ps.AddCommand("New-VM").AddParameter("Name", "app06").AddStatement()
                .AddCommand("New-VHD").AddParameter("Path", @"D:\vms\app06.vhd").AddParameter("SizeBytes", 42949672960L).AddParameter("Fixed", fixedSize).AddStatement()
                .AddCommand("Add-VMHardDiskDrive").AddParameter("VMName", "app06").AddParameter("Path", @"D:\vms\app06.vhd");
        }
        """, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task HV6005_Set_VM_chooses_standard_checkpoints() => Check("""
        using System.Management.Automation;
        class Checkpoints
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name dc01 -Generation 2; Set-VM -Name dc01 -CheckpointType {|HV6005:Standard|}");
            void Chain(PowerShell ps) => ps.AddCommand("Set-VM").AddParameter("Name", "dc02").AddParameter("CheckpointType", {|HV6005:"Standard"|});

            // The number PowerShell converts to the name, and an unambiguous prefix of the parameter.
            void Number(PowerShell ps) => ps.AddScript("Set-VM dc03 -CheckpointT {|HV6005:5|}");

            // Production, ProductionOnly and Disabled pass; a later Set-VM decides; a type the code does not fix is unknown.
            void Production(PowerShell ps) => ps.AddScript("Set-VM -Name dc04 -CheckpointType Production; Set-VM -Name dc05 -CheckpointType ProductionOnly; Set-VM -Name dc06 -CheckpointType Disabled");
            void Changed(PowerShell ps) => ps.AddScript("Set-VM -Name dc07 -CheckpointType Standard; Set-VM -Name dc07 -CheckpointType Production");
            void Unknown(PowerShell ps, string type) => ps.AddScript("Set-VM -Name dc08 -CheckpointType Standard; Set-VM -Name dc08 -CheckpointType " + type);
        }
        """);

    [Fact]
    public Task A_Generation_2_VM_in_a_project_for_a_release_without_Generation_2_is_HV1005() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Chain(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "web21").AddParameter("Generation", {|HV1005:2|});
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name web22 -Generation {|HV1005:2|} -SwitchName VM-Traffic");
            void GenerationOne(PowerShell ps) => ps.AddScript("New-VM -Name web23 -Generation 1");
        }
        """, "hvlint.profile = hyperv-2012");

    [Fact]
    public Task Remove_VMNetworkAdapter_takes_adapters_out_of_the_model() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // Eight synthetic adapters, one of them replaced: still eight, the Generation 2 maximum on 2012 R2.
            void Replaced(PowerShell ps) => ps.AddScript("New-VM -Name r1 -Generation 2; Add-VMNetworkAdapter r1 -Name A; Add-VMNetworkAdapter r1 -Name B; Add-VMNetworkAdapter r1 -Name C; Add-VMNetworkAdapter r1 -Name D; Add-VMNetworkAdapter r1 -Name E; Add-VMNetworkAdapter r1 -Name F; Add-VMNetworkAdapter r1 -Name G; Remove-VMNetworkAdapter -VMName r1 -VMNetworkAdapterName C; Add-VMNetworkAdapter r1 -Name H");

            // All of them removed: New-VM's legacy adapter is gone, and the BIOS still boots from the network first.
            void PxeAdapterRemoved(PowerShell ps) => ps.AddScript("New-VM -Name r2 -BootDevice {|HV3002:NetworkAdapter|}; Remove-VMNetworkAdapter -VMName r2");

            // Nine adapters: one too many.
            void Nine(PowerShell ps) => ps.AddScript("New-VM -Name r3 -Generation 2; Add-VMNetworkAdapter r3 -Name A; Add-VMNetworkAdapter r3 -Name B; Add-VMNetworkAdapter r3 -Name C; Add-VMNetworkAdapter r3 -Name D; Add-VMNetworkAdapter r3 -Name E; Add-VMNetworkAdapter r3 -Name F; Add-VMNetworkAdapter r3 -Name G; {|HV3004:Add-VMNetworkAdapter|} r3 -Name H");
        }
        """, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task Splatted_parameters_may_set_anything_so_the_command_sets_nothing_known() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // @settings may hold -Generation 2: New-VM's default of Generation 1 is not known, so Set-VMFirmware is not HV8004.
            void Firmware(PowerShell ps) => ps.AddScript("New-VM -Name s1 @settings; Set-VMFirmware -VMName s1 -EnableSecureBoot Off");

            // @more may hold -IsLegacy $false; the splatted name is not a VM called '@settings'.
            void Adapter(PowerShell ps) => ps.AddScript("New-VM -Name s2 -Generation 2; Add-VMNetworkAdapter -VMName s2 @more; New-VM @settings; Set-VMProcessor -Count 65");

            // Written parameters after the splat still name the VM New-VM creates.
            void Named(PowerShell ps) => ps.AddScript("New-VM @settings -Name s3; Set-VMProcessor -VMName s3 -Count {|HV1001:65|}");

            // AddParameters is PowerShell's splatting in code, and so is a parameter named at run time.
            void Chain(PowerShell ps, System.Collections.Generic.Dictionary<string, object> settings)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "s4").AddParameters(settings).AddStatement()
                  .AddCommand("Set-VMFirmware").AddParameter("VMName", "s4").AddParameter("EnableSecureBoot", "Off");
            }

            void Loop(PowerShell ps, System.Collections.Generic.Dictionary<string, object> settings)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "s5");
                foreach (var setting in settings) ps.AddParameter(setting.Key, setting.Value);
                ps.AddStatement().AddCommand("Set-VMFirmware").AddParameter("VMName", "s5").AddParameter("EnableSecureBoot", "Off");
            }

            void Objects(string key, object value)
            {
                var create = new System.Management.Automation.Runspaces.Command("New-VM");
                create.Parameters.Add("Name", "s6");
                create.Parameters.Add(key, value);
                var firmware = new System.Management.Automation.Runspaces.Command("Set-VMFirmware");
                firmware.Parameters.Add("VMName", "s6");
            }
        }
        """, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task A_hashtable_the_script_writes_as_a_literal_splats_its_entries() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Splat(PowerShell ps) => ps.AddScript(@"
                $vm = @{
                    Name = 'sql01'
                    Generation = 2
                    MemoryStartupBytes = 8GB
                }
                $cpu = @{ VMName = 'sql01'; 'Count' = {|HV1001:300|} }
                New-VM @vm
                Set-VMProcessor @cpu
                Add-VMNetworkAdapter -VMName sql01 -IsLegacy {|HV3003:$true|}");

            // An array splats positional arguments: here the VM.
            void Arguments(PowerShell ps) => ps.AddScript("$target = @('sql02'); New-VM -Name sql02 -Generation 2; Set-VMProcessor @target -Count {|HV1001:300|}");

            // A table changed after it is written, or one HvLint cannot read, may hold any parameter.
            void Changed(PowerShell ps) => ps.AddScript("$cpu = @{ VMName = 'sql03'; Count = 300 }; $cpu.Count = 2; Set-VMProcessor @cpu");
            void Indexed(PowerShell ps) => ps.AddScript("$cpu = @{ VMName = 'sql04'; Count = 300 }; $cpu['Count'] = 2; Set-VMProcessor @cpu");
            void Unreadable(PowerShell ps) => ps.AddScript("$settings = @{ Name 'sql05' }; New-VM -Name sql05 @settings; Set-VMFirmware -VMName sql05 -EnableSecureBoot Off");

            // A key removed is gone from the table: the count is the -Count written beside the splat.
            void Removed(PowerShell ps) => ps.AddScript("$cpu = @{ VMName = 'sql06'; Count = 300 }; $cpu.Remove('Count'); Set-VMProcessor @cpu -Count 2");

            // A bare word in a table is a command PowerShell runs, not a VM's name.
            void BareWord(PowerShell ps) => ps.AddScript("$cpu = @{ VMName = sql07; Count = 300 }; Set-VMProcessor @cpu");

            // A key set on the table itself leaves its other entries known: sql08 is Generation 2, with a new disk of a
            // size the script does not fix.
            void KeySet(PowerShell ps) => ps.AddScript("$vm = @{ Name = 'sql08'; Generation = 2 }; $vm.NewVHDPath = 'sql08.vhdx'; $vm['NewVHDSizeBytes'] = $size; New-VM @vm; Add-VMNetworkAdapter -VMName sql08 -IsLegacy {|HV3003:$true|}");

            // A key set through another variable (a function's parameter, another name for the table) may be any table's:
            // sql09's and sql10's Generation is not known.
            void ThroughParameter(PowerShell ps) => ps.AddScript("function Set-Gen($t) { $t.Generation = 1 }; $vm = @{ Name = 'sql09'; Generation = 2 }; Set-Gen $vm; New-VM @vm; Add-VMNetworkAdapter -VMName sql09 -IsLegacy $true");
            // A copy (Clone()) is a table of its own: a key set on it leaves the original's known, and its other entries too.
            void Copied(PowerShell ps) => ps.AddScript("$defaults = @{ Generation = 2 }; $p = $defaults.Clone(); $p.Generation = 1; $q = $defaults.Clone(); $q.SwitchName = 'Lab'; New-VM @defaults -Name sql11; Add-VMNetworkAdapter -VMName sql11 -IsLegacy {|HV3003:$true|}; New-VM @q -Name sql12; Add-VMNetworkAdapter -VMName sql12 -IsLegacy {|HV3003:$true|}; New-VM @p -Name sql13; Add-VMNetworkAdapter -VMName sql13 -IsLegacy $true");

            // A key set to one value holds it from there, in the block that sets it: sql14 is made Generation 2, then made
            // again with a Generation HvLint does not know; sql15's name is set in a branch that may not run.
            void SetInOrder(PowerShell ps) => ps.AddScript("$p = @{ Name = 'sql14' }; $p.Generation = 2; New-VM @p; Add-VMNetworkAdapter -VMName sql14 -IsLegacy {|HV3003:$true|}; $p.Generation = (Get-Generation); New-VM @p; Add-VMNetworkAdapter -VMName sql14 -IsLegacy $true");
            void SetInBranch(PowerShell ps, bool b) => ps.AddScript("$p = @{ Generation = 2 }; if ($b) { $p.Name = 'sql15' }; New-VM @p; Add-VMNetworkAdapter -VMName sql15 -IsLegacy $true");

            void ThroughAlias(PowerShell ps) => ps.AddScript("$vm = @{ Name = 'sql10'; Generation = 2 }; $same = $vm; $same.Generation = 1; New-VM @vm; Add-VMNetworkAdapter -VMName sql10 -IsLegacy $true");
        }
        """, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task AddParameters_with_a_dictionary_written_in_place_gives_its_entries() => Check("""
        using System.Collections;
        using System.Collections.Generic;
        using System.Management.Automation;
        class Provisioner
        {
            void Inline(PowerShell ps) => ps.AddCommand("New-VM").AddParameters(new Dictionary<string, object> { ["Name"] = "cs1", ["Generation"] = 2 })
                .AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "cs1").AddParameter("IsLegacy", {|HV3003:true|});

            void Pairs(PowerShell ps) => ps.AddCommand("Set-VMProcessor").AddParameters(new Hashtable { { "VMName", "cs2" }, { "Count", {|HV1001:300|} } });

            void Local(PowerShell ps)
            {
                var settings = new Dictionary<string, object> { ["VMName"] = "cs3", ["Count"] = {|HV1001:300|} };
                ps.AddCommand("Set-VMProcessor").AddParameters(settings);
            }

            // A dictionary changed after it is written, or one from elsewhere, may hold any parameter.
            void Changed(PowerShell ps)
            {
                var settings = new Dictionary<string, object> { ["VMName"] = "cs4", ["Count"] = 300 };
                settings["Count"] = 2;
                ps.AddCommand("Set-VMProcessor").AddParameters(settings);
            }

            void Computed(PowerShell ps, string key) => ps.AddCommand("Set-VMProcessor").AddParameters(new Hashtable { { "VMName", "cs5" }, { key, 2 } }).AddParameter("Count", 300);
        }
        """, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task What_a_splatted_command_may_set_is_no_longer_known() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // @legacy may add the legacy adapter a PXE boot needs, to the VM written outside the splat or, when none is,
            // to any VM of the method; likewise in a chain (AddParameters).
            void Named(PowerShell ps) => ps.AddScript("New-VM -Name p1; Set-VMBios -VMName p1 -StartupOrder LegacyNetworkAdapter,IDE; Add-VMNetworkAdapter -VMName p1 @legacy");
            void Anywhere(PowerShell ps) => ps.AddScript("New-VM -Name p2; Set-VMBios -VMName p2 -StartupOrder LegacyNetworkAdapter,IDE; Add-VMNetworkAdapter @legacy");
            void Chain(PowerShell ps, System.Collections.IDictionary legacy)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "p3").AddStatement().AddCommand("Set-VMBios").AddParameter("VMName", "p3").AddParameter("StartupOrder", new[] { "LegacyNetworkAdapter", "IDE" });
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameters(legacy);
            }

            // A count, a boot order or a slot the splat may change again.
            void Count(PowerShell ps) => ps.AddScript("Set-VMProcessor -VMName p4 -Count 65; Set-VMProcessor -VMName p4 @cpu");
            void Order(PowerShell ps) => ps.AddScript("New-VM -Name p5; Set-VMBios -VMName p5 -StartupOrder LegacyNetworkAdapter,IDE; Set-VMBios -VMName p5 @order");
            void Slot(PowerShell ps) => ps.AddScript("New-VM -Name p6; Add-VMHardDiskDrive -VMName p6 -ControllerType IDE -ControllerNumber 1 -ControllerLocation 0 -Path d.vhd; Set-VMDvdDrive -VMName p6 @move");

            // A splat about another VM leaves this one as it is.
            void Other(PowerShell ps) => ps.AddScript("New-VM -Name p7; Set-VMBios -VMName p7 -StartupOrder {|HV3002:LegacyNetworkAdapter,IDE|}; Add-VMNetworkAdapter -VMName p8 @legacy");
        }
        """, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task A_command_whose_VM_the_code_does_not_fix_may_be_about_any_VM() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // $name may be u1: the legacy adapter a PXE boot needs may be there.
            void Variable(PowerShell ps) => ps.AddScript("New-VM -Name u1; Set-VMBios -VMName u1 -StartupOrder LegacyNetworkAdapter,IDE; Add-VMNetworkAdapter -VMName $name -IsLegacy $true");

            // $name may be u5: the VLAN it sets may be u5's last word.
            void Vlan(PowerShell ps) => ps.AddScript("New-VM -Name u5 -Generation 2 -SwitchName Ext; Set-VMNetworkAdapterVlan -VMName u5 -Access -VlanId 5000; Set-VMNetworkAdapterVlan -VMName $name -Untagged");

            // So may the memory, the adapters and the integration services it sets.
            void Memory(PowerShell ps) => ps.AddScript("New-VM -Name u6 -Generation 2; Set-VMMemory -VMName u6 -StartupBytes 2TB; Set-VMMemory -VMName $name -StartupBytes 4GB");
            void Adapters(PowerShell ps) => ps.AddScript("New-VM -Name u7 -Generation 2; Add-VMNetworkAdapter -VMName u7 -IsLegacy $true; Remove-VMNetworkAdapter -VMName $name -Name Legacy");
            void Services(PowerShell ps) => ps.AddScript("New-VM -Name u8 -Generation 2; Disable-VMIntegrationService -VMName u8 -Name 'Backup (volume shadow copy)'; Enable-VMIntegrationService -VMName $name -Name 'Backup (volume shadow copy)'");

            // Get-VM alone passes every VM on, u2 among them.
            void Every(PowerShell ps) => ps.AddScript("Set-VMProcessor -VMName u2 -Count 65; Get-VM | Set-VMProcessor -Count 2");

            // In code, a VM name from a parameter.
            void Chain(PowerShell ps, string name)
            {
                ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "u3").AddParameter("Count", 65);
                ps.AddStatement().AddCommand("Set-VMProcessor").AddParameter("VMName", name).AddParameter("Count", 2);
            }

            // What the command cannot set stays: a processor count is no adapter.
            void Unrelated(PowerShell ps) => ps.AddScript("Set-VMProcessor -VMName u4 -Count {|HV1001:65|}; Add-VMNetworkAdapter -VMName $name");
        }
        """, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task A_command_run_with_WhatIf_changes_nothing() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void DryRun(PowerShell ps) => ps.AddScript("New-VM -Name web05 -Generation 2; Add-VMNetworkAdapter -VMName web05 -IsLegacy $true -WhatIf");
            void Chain(PowerShell ps) => ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "db01").AddParameter("Count", 64).AddParameter("WhatIf");

            // Nor does it pass a VM down its pipeline.
            void Piped(PowerShell ps) => ps.AddScript("New-VM -Name web08 -Generation 2; New-VM -Name web06 -Generation 2 -WhatIf | Add-VMNetworkAdapter -IsLegacy $true");

            // -WhatIf:$false runs it.
            void Runs(PowerShell ps) => ps.AddScript("New-VM -Name web07 -Generation 2; Add-VMNetworkAdapter -VMName web07 -IsLegacy {|HV3003:$true|} -WhatIf:$false");
        }
        """);

    [Fact]
    public Task A_here_string_in_script_text_is_text_not_commands() => Check(""""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps) => ps.AddScript("""
                $note = @"
                New-VM -Name web09 -Generation 2
                Add-VMNetworkAdapter -VMName web09 -IsLegacy $true
                "@
                New-VM -Name web01 -Generation 2
                Set-VM -VMName web01 -Notes $note
                Add-VMNetworkAdapter -VMName web01 -IsLegacy {|HV3003:$true|}
                """);
        }
        """");

    [Fact]
    public Task HV3003_through_AddCommand_and_AddParameter() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            const int Generation = 2;
            void Create(PowerShell ps)
            {
                ps.AddCommand("Hyper-V\\New-VM").AddParameter("Name", "web02").AddParameter("Generation", Generation).AddStatement()
                  .AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "web02").AddParameter("IsLegacy", {|HV3003:true|});
            }
        }
        """);

    [Fact]
    public Task HV3002_Generation_1_network_first_without_a_legacy_adapter() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "pxe01");
                ps.AddCommand("Set-VMBios").AddParameter("VMName", "pxe01").AddParameter("StartupOrder", {|HV3002:new[] { "LegacyNetworkAdapter", "IDE", "CD", "Floppy" }|});
            }
        }
        """);

    [Fact]
    public Task HV3002_is_silent_when_New_VM_boots_from_the_network_and_so_adds_a_legacy_adapter() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps)
            {
                ps.AddScript("New-VM pxe02 -BootDevice NetworkAdapter -SwitchName Deploy; Set-VMBios pxe02 -StartupOrder @('LegacyNetworkAdapter','IDE','CD','Floppy')");
            }
        }
        """);

    [Fact]
    public Task HV1001_Set_VMProcessor_above_the_2008_R2_limit_with_a_prefix_and_a_pipeline() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps)
            {
                ps.AddScript(@"New-VM -Name sql01 -MemoryStartupBytes 16GB |
                    Set-VMProcessor -Cou {|HV1001:8|}");
            }
        }
        """);

    [Fact]
    public Task The_configured_profile_is_used() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps) => ps.AddScript("New-VM -Name sql01; Set-VMProcessor -VMName sql01 -Count 8");
        }
        """, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task A_command_for_several_VMs_is_about_each_of_them_and_Get_VM_passes_them_on() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Provisioner
        {
            // -VMName web01, web02 sets each VM; the list is no VM of its own (before, its type name became one).
            void Both(PowerShell ps) => ps.AddScript("New-VM -Name web01; New-VM -Name web02; Set-VMProcessor -VMName web01, web02 -Count {|#0:8|}");

            // What follows in its pipeline is about several VMs, none of them the one a later command means.
            void Piped(PowerShell ps) => ps.AddScript("New-VM -Name web03; Set-VMMemory -VMName web03, web04 -StartupBytes 1GB | Set-VMProcessor -Count 8");

            // -Name is the VM on Set-VM.
            void SetVm(PowerShell ps) => ps.AddScript("Set-VM -Name db01, db02 -ProcessorCount {|#1:6|}");

            // Get-VM passes each VM it names down its pipeline; a filter passes on some of them, which ones is unknown.
            void Fleet(PowerShell ps) => ps.AddScript("Get-VM -Name app01, app02 | Set-VMMemory -StartupBytes 2GB | Set-VMProcessor -Count {|#2:8|}");
            void Filtered(PowerShell ps) => ps.AddScript("Get-VM app03, app04 | Where-Object State -eq Off | Set-VMProcessor -Count 8");
            void Later(PowerShell ps) => ps.AddScript("Get-VM app05, app06 | Set-VMMemory -StartupBytes 2GB; Set-VMProcessor -Count 8");

            // A list in the VM's place is the same, and a variable assigned it holds every VM (before, only the last).
            void Held(PowerShell ps) => ps.AddScript("$pool = Get-VM app07, app08; $pool | Set-VMProcessor -Count {|#3:7|}");

            // So is the variable given as -VM or in the VM's place (before, it named no VM).
            void Objects(PowerShell ps) => ps.AddScript("$pool = Get-VM app09, app10; Set-VMProcessor -VM $pool -Count {|#4:6|}");
            void Positional(PowerShell ps) => ps.AddScript("$db = Get-VM db03, db04; Set-VM $db -ProcessorCount {|#5:5|}");
        }
        """, expected: new[]
        {
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(3).WithArguments("VM 'app07' has 7 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(3).WithArguments("VM 'app08' has 7 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(4).WithArguments("VM 'app09' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(4).WithArguments("VM 'app10' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(5).WithArguments("VM 'db03' has 5 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(5).WithArguments("VM 'db04' has 5 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM 'app01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM 'app02' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'web01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'web02' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM 'db01' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM 'db02' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
        });

    [Fact]
    public Task Script_variables_assigned_a_literal_once_hold_it() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Provisioner
        {
            void Named(PowerShell ps) => ps.AddScript(@"
                $name = 'web01'
                [int]$cpus = 8
                New-VM -Name $name
                Set-VMProcessor -VMName $name -Count {|#0:$cpus|}");

            // Expanded in double quotes and in a bare word, and read in a block inside the one that assigns it, or as $using:.
            void Expanded(PowerShell ps) => ps.AddScript(@"
                $base = 'db'
                $count = 6
                New-VM -Name ""${base}01""
                Set-VMProcessor -VMName sql-$base -Count {|#1:7|}
                function Grow { Set-VMProcessor -VMName db01 -Count {|#2:$count|} }
                Invoke-Command -ComputerName hv2 -ScriptBlock { Set-VMProcessor -VMName app01 -Count {|#3:$using:count|} }");
        }
        """, expected: new[]
        {
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'web01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM 'sql-db' has 7 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM 'db01' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(3).WithArguments("VM 'app01' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
        });

    [Fact]
    public Task Quoted_strings_are_read_with_their_escapes() => Verify.Analyzer<HostedPowerShellAnalyzer>(""""""
        using System.Management.Automation;
        class Provisioner
        {
            // A quote written twice, or escaped with a backtick in "...", is part of the string: the parameters after it
            // are still read (before, the string ended at that quote and swallowed -ProcessorCount).
            void Doubled(PowerShell ps) => ps.AddScript("Set-VM -Name 'O''Brien-lab' -Notes 'Owner: O''Brien' -ProcessorCount {|#0:8|}");

            void Escaped(PowerShell ps) => ps.AddScript(@"Set-VM -Name ""db`""01`"""" -Notes ""Owner: """"Ops"""" team"" -ProcessorCount {|#1:6|}");

            // `$ is a dollar sign, not a variable: the VM is named $name, whatever $name holds.
            void Dollar(PowerShell ps) => ps.AddScript(@"$name = 'web01'; Set-VMProcessor -VMName ""`$name"" -Count {|#2:5|}");
        }
        """""", expected: new[]
        {
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'O'Brien-lab' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM 'db\"01\"' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM '$name' has 5 virtual processors; hyperv-2008r2 allows 4 per VM"),
        });

    [Fact]
    public Task AddParameter_after_AddScript_gives_the_script_its_parameters() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Collections.Generic;
        using System.Management.Automation;
        class Provisioner
        {
            // The script's param( ) block takes them by name, in any case, also from AddParameters.
            void Params(PowerShell ps) => ps.AddScript("param($Name, [int]$Count) New-VM -Name $Name; Set-VMProcessor -VMName $Name -Count {|#0:$count|}")
                .AddParameter("Name", "web01").AddParameter("Count", 8);

            void Attributes(PowerShell ps) => ps.AddScript(@"
                # Provision one VM
                [CmdletBinding()]
                param(
                    [Parameter(Mandatory)] [string] $Name,
                    [int] $Count
                )
                Set-VMProcessor -VMName $Name -Count {|#1:$Count|}").AddParameters(new Dictionary<string, object> { ["Name"] = "db01", ["Count"] = 6 });

            // AddArgument binds by position, in the order the block declares them, skipping those given by name; not where
            // an attribute sets the positions.
            void Arguments(PowerShell ps) => ps.AddScript("param([string]$Name, [ValidateRange(1, 64)][int]$Count) Set-VMProcessor -VMName $Name -Count {|#2:$Count|}")
                .AddArgument("app05").AddArgument(10);
            void Mixed(PowerShell ps) => ps.AddScript("param($Name, $Count) Set-VMProcessor -VMName $Name -Count {|#3:$Count|}").AddParameter("Name", "app06").AddArgument(11);
            void Positions(PowerShell ps) => ps.AddScript("param([Parameter(Position = 1)] $Name, [Parameter(Position = 0)] $Count) Set-VMProcessor -VMName $Name -Count $Count")
                .AddArgument("app07").AddArgument(12);

            // Not to the script's last command (before, this Set-VMProcessor got -Count 16), nor, after a script the code
            // does not fix, to the command before it.
            void NotTheLastCommand(PowerShell ps) => ps.AddScript("Set-VMProcessor -VMName app01 -Count 2").AddParameter("Count", 16);

            void UnknownScript(PowerShell ps, string text)
            {
                ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "app02").AddParameter("Count", 2);
                ps.AddScript(text).AddParameter("Count", 32);
            }

            // A name the block does not declare, or a parameter the script also writes, binds nothing HvLint reads.
            void Undeclared(PowerShell ps) => ps.AddScript("Set-VMProcessor -VMName app03 -Count $Count").AddParameter("Count", 12);
            void Written(PowerShell ps) => ps.AddScript("param($Count = 2) $Count++; Set-VMProcessor -VMName app04 -Count $Count").AddParameter("Count", 12);

            // A default in the block is what the parameter holds only when the code leaves it out: a value given replaces it
            // (before, the default counted as a write, and the script's parameter stayed unknown).
            void Defaulted(PowerShell ps) => ps.AddScript("param([string]$Name = 'app08', [int]$Count = 2) Set-VMProcessor -VMName $Name -Count {|#4:$Count|}")
                .AddParameter("Count", 12);
        }
        """, expected: new[]
        {
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'web01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM 'db01' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM 'app05' has 10 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(3).WithArguments("VM 'app06' has 11 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(4).WithArguments("VM '$Name' has 12 virtual processors; hyperv-2008r2 allows 4 per VM"),
        });

    [Fact]
    public Task A_VM_named_by_a_parameter_the_code_never_changes_is_one_VM() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Provisioner
        {
            // The name is not known, but each command names the same VM: {vmName}.
            void Chain(PowerShell ps, string vmName)
            {
                ps.AddCommand("New-VM").AddParameter("Name", vmName).AddParameter("Generation", 2);
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", vmName).AddParameter("IsLegacy", {|#0:true|});
            }

            // A parameter of the script that nothing gives it, or one the code gives a parameter of its own.
            void Script(PowerShell ps) => ps.AddScript("param($Name) New-VM -Name $Name -Generation 2; Add-VMNetworkAdapter -VMName $Name -IsLegacy {|#1:$true|}");

            void Given(PowerShell ps, string vmName)
            {
                ps.AddCommand("New-VM").AddParameter("Name", vmName).AddParameter("Generation", 2);
                ps.AddStatement().AddScript("param($Name) Add-VMNetworkAdapter -VMName $Name -IsLegacy {|#2:$true|}").AddParameter("Name", vmName);
            }

            // The same in a C# interpolated script, bare or in double quotes; in single quotes, or run into other text,
            // the hole is a value HvLint does not know.
            void Interpolated(PowerShell ps, string host) => ps.AddScript({|#3:$"New-VM -Name {host} -Generation 2; Add-VMNetworkAdapter -VMName \"{host}\" -IsLegacy $true"|});
            void Quoted(PowerShell ps, string vmName) => ps.AddScript($"New-VM -Name '{vmName}' -Generation 2; Add-VMNetworkAdapter -VMName '{vmName}' -IsLegacy $true");

            // A local assigned once is its value, not a symbol.
            void Local(PowerShell ps)
            {
                string node = "web07";
                ps.AddScript({|#4:$"New-VM -Name {node} -Generation 2; Add-VMNetworkAdapter -VMName {node} -IsLegacy $true"|});
            }
            void Suffixed(PowerShell ps, string vmName) => ps.AddScript($"New-VM -Name {vmName}01 -Generation 2; Add-VMNetworkAdapter -VMName {vmName}01 -IsLegacy $true");

            // A variable written again may name another VM, and $_ is another item in each pipeline.
            void Reassigned(PowerShell ps, string vmName)
            {
                ps.AddCommand("New-VM").AddParameter("Name", vmName).AddParameter("Generation", 2);
                vmName = vmName + "-2";
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", vmName).AddParameter("IsLegacy", true);
            }

            void Pipes(PowerShell ps) => ps.AddScript("Get-Content a.txt | % { New-VM -Name $_ -Generation 2 }; Get-Content b.txt | % { Add-VMNetworkAdapter -VMName $_ -IsLegacy $true }");

            // {name} may be u3, and web01 may be {vmName}: what a command for one may set is unknown on the other.
            void MayBeU3(PowerShell ps, string name)
            {
                ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "u3").AddParameter("Count", 65);
                ps.AddStatement().AddCommand("Set-VMProcessor").AddParameter("VMName", name).AddParameter("Count", 2);
            }

            void MayBeWeb01(PowerShell ps, string vmName)
            {
                ps.AddCommand("New-VM").AddParameter("Name", vmName).AddParameter("Generation", 2);
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", vmName).AddParameter("IsLegacy", true);
                ps.AddStatement().AddCommand("Remove-VMNetworkAdapter").AddParameter("VMName", "web01");
            }
        }
        """, expected: new[]
        {
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM '{vmName}' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM '$Name' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM '{vmName}' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(3).WithArguments("VM '{host}' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(4).WithArguments("VM 'web07' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
        });

    [Fact]
    public Task A_VM_named_by_a_field_or_property_the_method_never_assigns_is_one_VM() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        namespace Contoso.Provisioning;
        public sealed class VmSpec
        {
            public string Name { get; set; } = "";
            public VmSpec Parent { get; init; } = null!;
            public string this[int i] => Name + i;
            public string Next() => Name + "-next";
        }
        public static class Settings { public static readonly string ImagingVm = System.Environment.GetEnvironmentVariable("IMAGING_VM") ?? "pxe"; }
        class Provisioner
        {
            private readonly string _vmName;
            private readonly VmSpec _spec = new VmSpec();
            private string name = "";
            Provisioner(string vmName) { _vmName = vmName; }

            // A property read through a parameter, however deep, and a field read with or without this: each names one VM.
            void Spec(PowerShell ps, VmSpec spec)
            {
                ps.AddCommand("New-VM").AddParameter("Name", spec.Parent.Name).AddParameter("Generation", 2);
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", spec.Parent.Name).AddParameter("IsLegacy", {|#0:true|});
            }

            void Field(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", _vmName).AddParameter("Generation", 2);
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", this._vmName).AddParameter("IsLegacy", {|#1:true|});
            }

            void Static(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", Settings.ImagingVm).AddParameter("Generation", 2);
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", Contoso.Provisioning.Settings.ImagingVm).AddParameter("IsLegacy", {|#2:true|});
            }

            void Interpolated(PowerShell ps) => ps.AddScript({|#3:$"New-VM -Name {_spec.Name} -Generation 2; Add-VMNetworkAdapter -VMName {this._spec.Name} -IsLegacy $true"|});

            // Assigned in the method, or read through something that may give another value each time: not one VM.
            void Assigned(PowerShell ps, VmSpec spec)
            {
                ps.AddCommand("New-VM").AddParameter("Name", spec.Name).AddParameter("Generation", 2);
                spec.Name = spec.Name + "-b";
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", spec.Name).AddParameter("IsLegacy", true);
            }

            void Replaced(PowerShell ps, VmSpec spec)
            {
                ps.AddCommand("New-VM").AddParameter("Name", spec.Name).AddParameter("Generation", 2);
                spec = spec.Parent;
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", spec.Name).AddParameter("IsLegacy", true);
            }

            void Computed(PowerShell ps, VmSpec spec)
            {
                ps.AddCommand("New-VM").AddParameter("Name", System.Environment.MachineName).AddParameter("Generation", 2);
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", System.Environment.MachineName).AddParameter("IsLegacy", true);
                ps.AddCommand("New-VM").AddParameter("Name", spec[1]).AddParameter("Generation", 2);
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", spec[1]).AddParameter("IsLegacy", true);
                ps.AddCommand("New-VM").AddParameter("Name", spec.Next()).AddParameter("Generation", 2);
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", spec.Next()).AddParameter("IsLegacy", true);
            }

            // A parameter and a field of the same name are two VMs, and so are two loops' variables of the same name.
            void SameName(PowerShell ps, string name)
            {
                ps.AddCommand("New-VM").AddParameter("Name", name).AddParameter("Generation", 2);
                ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", this.name).AddParameter("IsLegacy", true);
            }

            void TwoLoops(PowerShell ps, string[] modern, string[] legacy)
            {
                foreach (string vm in modern)
                {
                    ps.AddStatement().AddCommand("New-VM").AddParameter("Name", vm).AddParameter("Generation", 2);
                    ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", vm).AddParameter("IsLegacy", {|#4:true|});
                }

                foreach (string vm in legacy) ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", vm).AddParameter("IsLegacy", true);
            }
        }
        """, expected: new[]
        {
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM '{spec.Parent.Name}' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM '{this._vmName}' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM '{Settings.ImagingVm}' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(3).WithArguments("VM '{this._spec.Name}' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(4).WithArguments("VM '{vm (line 73)}' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
        });

    [Fact]
    public Task A_script_keeps_the_variables_an_earlier_script_of_the_same_PowerShell_object_assigned() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Provisioner
        {
            private readonly PowerShell _ps = PowerShell.Create();

            // AddScript runs its text in the runspace's own scope: $name and $cpus hold in the next script.
            void Two(PowerShell ps)
            {
                ps.AddScript("$name = 'web02'; New-VM -Name $name -Generation 2");
                ps.AddStatement().AddScript("Add-VMNetworkAdapter -VMName $name -IsLegacy {|#0:$true|}");
            }

            void Field()
            {
                _ps.AddScript("$cpus = 8");
                _ps.Invoke();
                _ps.Commands.Clear();
                this._ps.AddScript("Set-VMProcessor -VMName app07 -Count {|#1:$cpus|}");
            }

            // Not kept: a script with a scope of its own, another PowerShell object, a variable another script may
            // write, a read before the write, a script the code does not fix or one that may write any variable, and a
            // parameter of the same name.
            void LocalScope(PowerShell ps)
            {
                ps.AddScript("$cpus = 8", true);
                ps.AddStatement().AddScript("Set-VMProcessor -VMName app08 -Count $cpus");
            }

            void TwoObjects(PowerShell ps, PowerShell other)
            {
                ps.AddScript("$cpus = 8");
                other.AddScript("Set-VMProcessor -VMName app09 -Count $cpus");
            }

            void WrittenAgain(PowerShell ps, bool fewer)
            {
                ps.AddScript("$cpus = 2");
                if (!fewer) ps.AddStatement().AddScript("$cpus = 8");
                ps.AddStatement().AddScript("Set-VMProcessor -VMName app10 -Count $cpus");
            }

            void ReadFirst(PowerShell ps)
            {
                ps.AddScript("Set-VMProcessor -VMName app11 -Count $cpus");
                ps.AddStatement().AddScript("$cpus = 8");
            }

            void Unknown(PowerShell ps, string settings)
            {
                ps.AddScript("$cpus = 8");
                ps.AddStatement().AddScript(settings);
                ps.AddStatement().AddScript("Set-VMProcessor -VMName app12 -Count $cpus");
            }

            void SetVariable(PowerShell ps)
            {
                ps.AddScript("$cpus = 8");
                ps.AddStatement().AddScript("Set-Variable -Name cpus -Value 2");
                ps.AddStatement().AddScript("Set-VMProcessor -VMName app13 -Count $cpus");
            }

            void Parameter(PowerShell ps)
            {
                ps.AddScript("$cpus = 8");
                ps.AddStatement().AddScript("param($cpus) Set-VMProcessor -VMName app14 -Count $cpus");
            }

            void TwoObjectsOfOneName()
            {
                using (PowerShell ps = PowerShell.Create()) ps.AddScript("$cpus = 8");
                using (PowerShell ps = PowerShell.Create()) ps.AddScript("Set-VMProcessor -VMName app16 -Count $cpus");
            }

            void InABlock(PowerShell ps)
            {
                ps.AddScript("if ($env:BIG) { $cpus = 8 }");
                ps.AddStatement().AddScript("Set-VMProcessor -VMName app15 -Count $cpus");
            }
        }
        """, expected: new[]
        {
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'web02' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM 'app07' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
        });

    [Fact]
    public Task Helpers_of_the_same_file_are_read_where_they_are_called() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Provisioner
        {
            // The helpers' commands are read in the place of each call, their parameters holding what the call gives:
            // New-VM -Generation 2 and a legacy adapter for {name} are HV3003, at the call that adds the adapter.
            public void Provision(string name)
            {
                using var ps = PowerShell.Create();
                CreateVm(ps, name, 2);
                {|#0:AddLegacyNic(ps, name)|};
                ps.Invoke();
            }

            // A constant the call gives: 8 virtual processors for web01 under 2008 R2, through two helpers.
            public void Sized()
            {
                using var ps = PowerShell.Create();
                {|#2:Web(ps, 8)|};
            }

            // A helper read for several calls: each finding at the call that gave its facts.
            public void Two()
            {
                using var ps = PowerShell.Create();
                CreateVm(ps, "g1", 1);
                CreateVm(ps, "g2", 2);
                AddLegacyNic(ps, "g1");
                {|#5:AddLegacyNic(ps, "g2")|};
            }

            public void Each()
            {
                using var ps = PowerShell.Create();
                foreach (string n in new[] { "g3", "g4" }) {|#6:SetCpus(ps, n, 8)|};
            }

            // A static helper of another class of the file; an instance method of another object is not read (its
            // fields are that object's).
            public void Static(PowerShell ps, Provisioner other)
            {
                {|#10:VmHelpers.Processors(ps, "s1", 8)|};
                other.Instance(ps, "s2", 8);
            }

            public void Instance(PowerShell ps, string vm, int count) => SetCpus(ps, vm, count);

            // A variable the method's script assigns holds in the helper's script on the same PowerShell object.
            public void Scripts()
            {
                using var ps = PowerShell.Create();
                ps.AddScript("$cpus = 8");
                {|#7:Cpus(ps, "h1")|};
            }

            // What a helper finds on its own is reported there, once, and not again at each call.
            public void Calls(PowerShell ps)
            {
                Big(ps);
                this.Big(ps);
                Twelve(ps, "f1");
            }

            // Not read through: a parameter the helper writes, and a helper that calls itself.
            public void Written(PowerShell ps) => Renamed(ps, "web02");
            public void Loops(PowerShell ps) => Again(ps, 3);

            private static void CreateVm(PowerShell ps, string vm, int generation) =>
                ps.AddCommand("New-VM").AddParameter("Name", vm).AddParameter("Generation", generation).AddStatement();

            private static void AddLegacyNic(PowerShell ps, string vm) =>
                ps.AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", vm).AddParameter("IsLegacy", {|#1:true|}).AddStatement();

            private static void Web(PowerShell ps, int count) => SetCpus(ps, "web01", count);

            private static void SetCpus(PowerShell ps, string vm, int count) =>
                ps.AddCommand("Set-VMProcessor").AddParameter("VMName", vm).AddParameter("Count", {|#3:count|}).AddStatement();

            private static void Cpus(PowerShell ps, string vm) => ps.AddStatement().AddScript({|#8:$"Set-VMProcessor -VMName {vm} -Count $cpus"|});

            private static class VmHelpers
            {
                public static void Processors(PowerShell ps, string vm, int count) =>
                    ps.AddStatement().AddCommand("Set-VMProcessor").AddParameter("VMName", vm).AddParameter("Count", {|#11:count|});
            }

            private static void Twelve(PowerShell ps, string vm) => ps.AddCommand("Set-VMProcessor").AddParameter("VMName", vm).AddParameter("Count", {|#9:12|});

            private void Big(PowerShell ps) => ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "u1").AddParameter("Count", {|#4:65|});

            private static void Renamed(PowerShell ps, string vm)
            {
                vm += "-b";
                ps.AddCommand("Set-VMProcessor").AddParameter("VMName", vm).AddParameter("Count", 8);
            }

            private static void Again(PowerShell ps, int n)
            {
                if (n > 0) Again(ps, n - 1);
                ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "r1").AddParameter("Count", n + 6);
            }
        }
        """, expected: new[]
        {
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithLocation(1).WithArguments("VM '{name}' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithLocation(3).WithArguments("VM 'web01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(4).WithArguments("VM 'u1' has 65 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(5).WithLocation(1).WithArguments("VM 'g2' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(6).WithLocation(3).WithArguments("VM 'g3' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(6).WithLocation(3).WithArguments("VM 'g4' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(7).WithLocation(8).WithArguments("VM 'h1' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(9).WithArguments("VM '{vm}' has 12 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(10).WithLocation(11).WithArguments("VM 's1' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
        });

    [Fact]
    public Task A_static_helper_is_read_through_an_alias_or_its_full_name() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        using Sizes = Lab.VmSizes;
        namespace Lab
        {
            class Provisioner
            {
                // Only a name this file declares (a type or a using alias) can lead to a static helper of the file, so
                // PowerShell.Create() is PowerShell's own and not the helper named Create below.
                public void Provision()
                {
                    using var ps = PowerShell.Create();
                    {|#0:Sizes.Processors(ps, "a1", 8)|};
                    {|#2:Lab.VmSizes.Processors(ps, "a2", 6)|};
                }

                public static void Create(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "c1");
            }

            static class VmSizes
            {
                public static void Processors(PowerShell ps, string vm, int count) =>
                    ps.AddStatement().AddCommand("Set-VMProcessor").AddParameter("VMName", vm).AddParameter("Count", {|#1:count|});
            }
        }
        """, expected: new[]
        {
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithLocation(1).WithArguments("VM 'a1' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithLocation(1).WithArguments("VM 'a2' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
        });

    [Fact]
    public Task A_method_reads_at_most_MaxHelperReads_helper_calls()
    {
        // One call more than the budget (64, HostedPowerShellAnalyzer.MaxHelperReads), each giving another VM 8 virtual
        // processors: the last is not read.
        int calls = 64 + 1;
        var source = new System.Text.StringBuilder("using System.Management.Automation;\nclass Provisioner\n{\n    void Many(PowerShell ps)\n    {\n");
        for (int i = 0; i < calls; i++) source.Append("        ").Append(i < calls - 1 ? "{|#" + i + ":" : string.Empty).Append("SetCpus(ps, \"vm").Append(i).Append("\", 8)").Append(i < calls - 1 ? "|}" : string.Empty).Append(";\n");
        source.Append("    }\n\n    static void SetCpus(PowerShell ps, string vm, int count) => ps.AddStatement().AddCommand(\"Set-VMProcessor\").AddParameter(\"VMName\", vm).AddParameter(\"Count\", {|#").Append(calls).Append(":count|});\n}\n");
        var expected = Enumerable.Range(0, calls - 1).Select(i => new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(i).WithLocation(calls)
            .WithArguments("VM 'vm" + i + "' has 8 virtual processors; hyperv-2008r2 allows 4 per VM")).ToArray();
        return Verify.Analyzer<HostedPowerShellAnalyzer>(source.ToString(), expected: expected);
    }

    [Fact]
    public Task A_loop_over_items_the_script_lists_runs_its_block_for_each() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Provisioner
        {
            void Names(PowerShell ps) => ps.AddScript(@"
                foreach ($name in 'web01', 'web02') {
                    New-VM -Name $name
                    Set-VMProcessor -VMName $name -Count {|#0:8|}
                }");

            void Range(PowerShell ps) => ps.AddScript("foreach ($i in 1..2) { Set-VMProcessor -VMName \"db0$i\" -Count {|#1:6|} }");

            void Piped(PowerShell ps) => ps.AddScript(@"
                $pool = @('app01', 'app02')
                $pool | ForEach-Object { Set-VMProcessor -VMName $_ -Count {|#2:5|} }
                'app03' | % -Process { Set-VMProcessor -VMName $PSItem -Count {|#3:7|} }");

            // Items the script does not list: the block once, its variable unknown. No items: the block never runs.
            void FromData(PowerShell ps) => ps.AddScript("foreach ($name in Get-Content names.txt) { Set-VMProcessor -VMName $name -Count 8 }");
            void None(PowerShell ps) => ps.AddScript("foreach ($name in @()) { Set-VMProcessor -VMName never -Count 8 }");
        }
        """, expected: new[]
        {
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'web01' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'web02' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM 'db01' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM 'db02' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM 'app01' has 5 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM 'app02' has 5 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(3).WithArguments("VM 'app03' has 7 virtual processors; hyperv-2008r2 allows 4 per VM"),
        });

    [Fact]
    public Task A_foreach_over_items_the_code_lists_reads_its_calls_for_each() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Provisioner
        {
            void Names(PowerShell ps)
            {
                foreach (var name in new[] { "web01", "web02" })
                {
                    ps.AddCommand("New-VM").AddParameter("Name", name).AddParameter("Generation", 2);
                    ps.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", name).AddParameter("IsLegacy", {|#0:true|});
                }
            }

            // A local the method uses only for the loop; the item in an interpolation and after + of a string.
            void Local(PowerShell ps)
            {
                string[] nodes = { "sql01", "sql02" };
                foreach (string node in nodes) ps.AddScript({|#1:$"Set-VMProcessor -VMName {node}-db -Count 8"|}).AddStatement();
            }

            void Numbers(PowerShell ps)
            {
                foreach (int n in new[] { 1, 2 }) ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "app0" + n).AddParameter("Count", {|#2:6|}).AddStatement();
            }

            // Items from elsewhere, a list the method changes, or arithmetic on the item: unknown. The calls are read once,
            // and the variable stands for whichever item is current ({name}): 8 vCPUs are too many for any of them.
            void Data(PowerShell ps, string[] names)
            {
                foreach (var name in names) ps.AddCommand("Set-VMProcessor").AddParameter("VMName", name).AddParameter("Count", {|#3:8|}).AddStatement();
            }

            void Changed(PowerShell ps)
            {
                string[] nodes = { "db01" };
                nodes[0] = "db02";
                foreach (string node in nodes) ps.AddCommand("Set-VMProcessor").AddParameter("VMName", node).AddParameter("Count", {|#4:8|}).AddStatement();
            }

            // A collection expression that spreads another collection holds items not written here.
            void Spread(PowerShell ps, string[] others)
            {
                string[] nodes = [.. others, "db11"];
                foreach (string node in nodes) ps.AddCommand("Set-VMProcessor").AddParameter("VMName", node).AddParameter("Count", {|#5:8|}).AddStatement();
            }

            void Arithmetic(PowerShell ps)
            {
                foreach (int n in new[] { 1, 2 }) ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "db10").AddParameter("Count", n + 6).AddStatement();
            }
        }
        """, expected: new[]
        {
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'web01' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
            new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'web02' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM 'sql01-db' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM 'sql02-db' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM 'app01' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM 'app02' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(3).WithArguments("VM '{name}' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(4).WithArguments("VM '{node}' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(5).WithArguments("VM '{node}' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
        });

    [Fact]
    public Task A_for_loop_that_counts_between_constants_reads_its_calls_for_each_count_and_loops_nest() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Provisioner
        {
            private const int Last = 3;

            void Up(PowerShell ps)
            {
                for (int i = 1; i <= 2; i++)
                {
                    ps.AddCommand("Set-VMProcessor").AddParameter("VMName", $"node0{i}").AddParameter("Count", {|#0:6|}).AddStatement();
                }
            }

            // Down by a step, from a constant, into script text.
            void Down(PowerShell ps)
            {
                for (long n = Last; n > 0; n -= 2) ps.AddScript({|#1:$"Set-VMProcessor -VMName edge{n} -Count 5"|}).AddStatement();
            }

            // Loops in loops: each item of one with each of the other, also inside a loop over data.
            void Sites(PowerShell ps)
            {
                foreach (var site in new[] { "ams", "fra" })
                {
                    for (int i = 1; i <= 2; i++) ps.AddCommand("Set-VMProcessor").AddParameter("VMName", $"{site}-web{i}").AddParameter("Count", {|#2:7|}).AddStatement();
                }
            }

            void Hosts(PowerShell ps, string[] hosts)
            {
                foreach (var host in hosts)
                {
                    foreach (var name in new[] { "db1", "db2" }) ps.AddCommand("Set-VMProcessor").AddParameter("VMName", name).AddParameter("ComputerName", host).AddParameter("Count", {|#3:5|}).AddStatement();
                }
            }

            // Loops in loops past 256 runs in all: the loop that would pass them is read once, its variable unknown, and a
            // command for a VM whose name is unknown may be about any VM, so nothing is reported (without the limit, 2,500).
            void Grid(PowerShell ps)
            {
                for (int a = 0; a < 50; a++)
                    for (int b = 0; b < 50; b++) ps.AddCommand("Set-VMProcessor").AddParameter("VMName", $"g{a}-{b}").AddParameter("Count", 8).AddStatement();
            }

            // A bound from data, a count the body changes, a loop that may stop early, or one past 64 counts: the variable
            // is unknown, and the calls are read once (a foreach's variable stands for whichever item is current, {name}).
            void Bound(PowerShell ps, int count)
            {
                for (int i = 0; i < count; i++) ps.AddCommand("Set-VMProcessor").AddParameter("VMName", $"x{i}").AddParameter("Count", 8).AddStatement();
            }

            void Skips(PowerShell ps)
            {
                for (int i = 0; i < 2; i++) { i++; ps.AddCommand("Set-VMProcessor").AddParameter("VMName", $"y{i}").AddParameter("Count", 8).AddStatement(); }
            }

            void Stops(PowerShell ps, bool done)
            {
                foreach (var name in new[] { "z1", "z2" })
                {
                    if (done) break;
                    ps.AddCommand("Set-VMProcessor").AddParameter("VMName", name).AddParameter("Count", {|#4:8|}).AddStatement();
                }
            }

            void Many(PowerShell ps)
            {
                for (int i = 0; i < 100; i++) ps.AddCommand("Set-VMProcessor").AddParameter("VMName", $"w{i}").AddParameter("Count", 8).AddStatement();
            }
        }
        """, expected: new[]
        {
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'node01' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("VM 'node02' has 6 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM 'edge3' has 5 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("VM 'edge1' has 5 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM 'ams-web1' has 7 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM 'ams-web2' has 7 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM 'fra-web1' has 7 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("VM 'fra-web2' has 7 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(3).WithArguments("VM 'db1' has 5 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(3).WithArguments("VM 'db2' has 5 virtual processors; hyperv-2008r2 allows 4 per VM"),
            new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(4).WithArguments("VM '{name}' has 8 virtual processors; hyperv-2008r2 allows 4 per VM"),
        });

    // AddScript text reads JSON it writes itself as a script file does (it reads no files).
    [Fact]
    public Task AddScript_text_reads_JSON_it_writes_itself() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps) => ps.AddScript("$cfg = '{ \"Name\": \"js-web\", \"Cpu\": 80 }' | ConvertFrom-Json; New-VM -Name $cfg.Name; Set-VMProcessor -VMName $cfg.Name -Count {|HV1001:$cfg.Cpu|}");
        }
        """);

    [Fact]
    public Task Script_variables_written_elsewhere_or_read_out_of_their_block_are_unknown() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Twice(PowerShell ps) => ps.AddScript("$cpus = 8; $cpus = 2; Set-VMProcessor -VMName a1 -Count $cpus");
            void Stepped(PowerShell ps) => ps.AddScript("$cpus = 8; $cpus--; Set-VMProcessor -VMName a2 -Count $cpus");
            void Loop(PowerShell ps) => ps.AddScript("$cpus = 8; foreach ($cpus in 2, 4) { Set-VMProcessor -VMName a3 -Count $cpus }");
            void Default(PowerShell ps) => ps.AddScript("param(\n $cpus = 8\n)\nSet-VMProcessor -VMName a4 -Count $cpus");
            void Block(PowerShell ps) => ps.AddScript("if ($big) { $cpus = 8 }\nSet-VMProcessor -VMName a5 -Count $cpus");
            void Early(PowerShell ps) => ps.AddScript("Set-VMProcessor -VMName a6 -Count $cpus; $cpus = 8");
            void Out(PowerShell ps) => ps.AddScript("$cpus = 8; Get-Count -OutVariable cpus; Set-VMProcessor -VMName a7 -Count $cpus");
            void Any(PowerShell ps) => ps.AddScript("$cpus = 8; Set-Variable -Name $which -Value 2; Set-VMProcessor -VMName a8 -Count $cpus");
            void Expression(PowerShell ps) => ps.AddScript("$cpus = [Math]::Max(4, 8); Set-VMProcessor -VMName a9 -Count $cpus");
            void Command(PowerShell ps) => ps.AddScript("$cpus = Get-Count 8; Set-VMProcessor -VMName a10 -Count $cpus; Set-VMProcessor -VMName a11 -Count \"$cpus\"");
            void Reference(PowerShell ps) => ps.AddScript("$cpus = 8; Update-Count ([ref]$cpus); Set-VMProcessor -VMName a12 -Count $cpus");
        }
        """);

    [Fact]
    public Task Values_the_code_does_not_fix_are_unknown_and_never_fire() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps, int generation, bool legacy, string name)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "app01").AddParameter("Generation", generation);
                ps.AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "app01").AddParameter("IsLegacy", legacy);
                ps.AddScript("Add-VMNetworkAdapter -VMName $name -IsLegacy $true");
            }
        }
        """);

    [Fact]
    public Task Traps_stay_silent() => Check("""
        using System.Collections.Generic;
        using System.Management.Automation;
        class Catalog
        {
            // A table that merely names the emulated adapter's subtype.
            static readonly Dictionary<string, string> Subtypes = new() { ["legacy"] = "Microsoft:Hyper-V:Emulated Ethernet Port" };

            // Generation 2 network boot on the synthetic adapter.
            void Gen2Pxe(PowerShell ps) => ps.AddScript("New-VM -Name pxe03 -Generation 2 -SwitchName Deploy; Add-VMNetworkAdapter -VMName pxe03 -SwitchName Deploy");

            // A vCPU count validated against 4 before use.
            void Validated(PowerShell ps, int count)
            {
                if (count > 4) throw new System.ArgumentOutOfRangeException(nameof(count));
                ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "x").AddParameter("Count", count);
            }

            // Not PowerShell at all.
            void Other(System.Text.StringBuilder sb) => sb.Append("New-VM -Generation 2; Add-VMNetworkAdapter -IsLegacy $true");
        }
        """);

    private const string OwnShell = """
        namespace Contoso
        {
            public sealed class PowerShell { public PowerShell AddScript(string script) => this; }
        }
        """;

    private const string OwnShellUse = """
        class Provisioner
        {
            void Create(Contoso.PowerShell ps) => ps.AddScript("New-VM -Name w -Generation 2; Add-VMNetworkAdapter -VMName w -IsLegacy $true");
        }
        """;

    [Fact]
    public Task A_compilation_without_System_Management_Automation_is_left_at_once() => Verify.AnalyzerWith<HostedPowerShellAnalyzer>(OwnShellUse, OwnShell);

    [Fact]
    public Task Code_compiled_without_its_references_is_read_by_the_APIs_names() => Verify.AnalyzerWith<HostedPowerShellAnalyzer>(
        OwnShellUse.Replace("-IsLegacy $true", "-IsLegacy {|HV3003:$true|}"), OwnShell, AnalyzerSettings.UnresolvedReferences + " = true");

    [Fact]
    public Task Escapes_in_a_regular_string_literal_keep_the_location_exact() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps) => ps.AddScript("New-VM -Name \"w\" -Generation 2\r\nAdd-VMNetworkAdapter -VMName \"w\" -IsLegacy:{|HV3003:$true|}");
        }
        """);

    [Fact]
    public Task A_name_spelt_with_Unicode_escapes_is_still_read() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // Add\u0053cript is AddScript: the method's text does not contain the name, its tokens do.
            void Create(PowerShell ps) => ps.Add\u0053cript("New-VM -Name web07 -Generation 2; Add-VMNetworkAdapter -VMName web07 -IsLegacy {|HV3003:$true|}");
        }
        """);

    [Fact]
    public Task Calls_are_found_by_their_name_wherever_and_however_it_is_written() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // The calls are found where their names are written in the text: a verbatim identifier, a name after a
            // comment or a line break, a call in an interpolation's hole, and a lambda's body are all still read, and
            // the names in the comment, the string and the nameof are not calls.
            void Create(PowerShell ps, System.Action<PowerShell> more)
            {
                // ps.AddCommand("Set-VMProcessor").AddParameter("Count", 99)
                string s = "ps.AddCommand(\"Set-VMProcessor\")" + nameof(PowerShell.AddCommand);
                ps.@AddCommand("New-VM").AddParameter("Name", "web08").AddParameter("Generation", 2)
                  .AddStatement()./* the adapter */AddCommand("Add-VMNetworkAdapter")
                  .AddParameter("VMName", "web08")
                  .AddParameter("IsLegacy", {|HV3003:true|});
                string t = $"{ps.AddStatement().AddCommand("Set-VMProcessor").AddParameter("VMName", "web08").AddParameter("Count", {|HV1001:300|})}";
                more = p => p.AddScript("Set-VMMemory -VMName web08 -StartupBytes 1GB");
            }
        }
        """);

    [Fact]
    public Task A_method_configured_as_a_script_sink_is_read() => Check("""
        class Runner
        {
            public static void Run(string script) { }
        }
        class Provisioner
        {
            void Create() => Runner.Run("New-VM -Name w -Generation 2; Add-VMNetworkAdapter -VMName w -IsLegacy {|HV3003:$true|}");
        }
        """, "hvlint.script_sinks = Contoso.Runner.Run");

    // A wrapper that records commands and replays them on a PowerShell object later, as provisioning libraries write.
    private const string Builder = """
        namespace Contoso.Hv
        {
            public sealed class PsCommandBuilder
            {
                public static PsCommandBuilder Create() => new PsCommandBuilder();
                public PsCommandBuilder AddCommand(string command) => this;
                public PsCommandBuilder AddParameter(string parameter, object value) => this;
                public PsCommandBuilder AddParameter(string parameter) => this;
                public PsCommandBuilder AddArgument(object value) => this;
            }

            public interface IEngine { void Run(PsCommandBuilder command); }
        }

        """;

    [Fact]
    public Task A_type_configured_as_a_command_builder_is_read_as_PowerShell_is() => Check(Builder + """
        class Provisioner
        {
            void Create(Contoso.Hv.IEngine engine)
            {
                engine.Run(Contoso.Hv.PsCommandBuilder.Create().AddCommand("New-VM").AddParameter("Name", "web01").AddParameter("Generation", 2));
                engine.Run(Contoso.Hv.PsCommandBuilder.Create().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "web01").AddParameter("IsLegacy", {|HV3003:true|}));
            }

            // -VM is a VM object the code got at run time, not the VM created before it.
            void Other(Contoso.Hv.IEngine engine, object vm)
            {
                engine.Run(Contoso.Hv.PsCommandBuilder.Create().AddCommand("New-VM").AddParameter("Name", "web02"));
                engine.Run(Contoso.Hv.PsCommandBuilder.Create().AddCommand("Set-VMProcessor").AddParameter("VM", vm).AddParameter("Count", 64));
            }
        }
        """, "hvlint.command_builders = Contoso.Hv.PsCommandBuilder");

    [Fact]
    public async Task A_builder_is_not_read_unless_configured_and_is_known_by_name_when_it_does_not_resolve()
    {
        const string unconfigured = """
            class Provisioner
            {
                void Create(Contoso.Hv.IEngine engine) => engine.Run(Contoso.Hv.PsCommandBuilder.Create().AddCommand("Set-VMProcessor").AddParameter("VMName", "a").AddParameter("Count", 64));
            }
            """;
        await Check(Builder + unconfigured);

        const string byName = """
            class Provisioner
            {
                void Create(Contoso.Hv.IEngine engine) => engine.Run(Contoso.Hv.PsCommandBuilder.Create().AddCommand("Set-VMProcessor").AddParameter("VMName", "a").AddParameter("Count", {|HV1001:64|}));
            }
            """;
        await Check(Builder + byName, "hvlint.command_builders = PsCommandBuilder");
    }

    [Fact]
    public Task A_local_assigned_once_is_a_known_value_and_one_written_again_is_not() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Once(PowerShell ps)
            {
                int cpus = 8;
                ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "a").AddParameter("Count", {|HV1001:cpus|});
            }

            void Twice(PowerShell ps, bool small)
            {
                int cpus = 8;
                if (small) cpus = 2;
                ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "b").AddParameter("Count", cpus);
            }
        }
        """);

    [Fact]
    public Task Command_and_CommandParameter_objects() => Check("""
        using System.Management.Automation;
        using System.Management.Automation.Runspaces;
        class Provisioner
        {
            void Create(PowerShell ps)
            {
                var newVm = new Command("New-VM");
                newVm.Parameters.Add(new CommandParameter("Name", "web03"));
                newVm.Parameters.Add(new CommandParameter("Generation", 2));
                var nic = new Command("Add-VMNetworkAdapter");
                nic.Parameters.Add(new CommandParameter("VMName", "web03"));
                nic.Parameters.Add(new CommandParameter("IsLegacy", {|HV3003:true|}));
                ps.Commands.AddCommand(newVm).AddCommand(nic);
            }
        }
        """);

    [Fact]
    public Task Command_objects_created_with_target_typed_new_and_named_parameters() => Check("""
        using System.Management.Automation;
        using System.Management.Automation.Runspaces;
        class Provisioner
        {
            void Create(PowerShell ps)
            {
                Command newVm = new("New-VM");
                newVm.Parameters.Add("Name", "web04");
                newVm.Parameters.Add("Generation", 2);
                Command nic = new("Add-VMNetworkAdapter");
                nic.Parameters.Add("VMName", "web04");
                nic.Parameters.Add("IsLegacy", {|HV3003:true|});
                ps.Commands.AddCommand(newVm).AddCommand(nic);
            }
        }
        """);

    [Fact]
    public Task Command_objects_created_through_a_using_alias() => Check("""
        using PsCmd = System.Management.Automation.Runspaces.Command;
        using PsParameter = System.Management.Automation.Runspaces.CommandParameter;
        class Provisioner
        {
            // Nothing here spells "Command": the alias is the only name the method uses.
            static PsCmd[] Build()
            {
                var newVm = new PsCmd("New-VM");
                newVm.Parameters.Add(new PsParameter("Name", "web05"));
                newVm.Parameters.Add(new PsParameter("Generation", 2));
                var nic = new PsCmd("Add-VMNetworkAdapter");
                nic.Parameters.Add(new PsParameter("VMName", "web05"));
                nic.Parameters.Add(new PsParameter("IsLegacy", {|HV3003:true|}));
                return new[] { newVm, nic };
            }
        }
        """);

    [Fact]
    public Task Command_objects_in_code_without_its_references_are_read_by_the_declared_type()
    {
        // As the CLI compiles code whose references are missing: Command does not resolve, so `Command nic = new(...)`
        // is known by the variable's declared type and CommandParameter by the name written.
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<HostedPowerShellAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = """
                using System.Management.Automation.Runspaces;
                class Provisioner
                {
                    void Create()
                    {
                        Command newVm = new("New-VM");
                        newVm.Parameters.Add(new CommandParameter("Name", "web06"));
                        newVm.Parameters.Add(new CommandParameter("Generation", 2));
                        Command nic = new("Add-VMNetworkAdapter");
                        nic.Parameters.Add(new CommandParameter("VMName", "web06"));
                        nic.Parameters.Add(new CommandParameter("IsLegacy", {|HV3003:true|}));
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nhvlint.unresolved_references = true"));
        return test.RunAsync();
    }

    [Fact]
    public Task Objects_of_other_types_created_with_target_typed_new_are_not_commands() => Check("""
        using System.Collections.Generic;
        using System.Management.Automation;
        class Provisioner
        {
            sealed class Step { public Step(string name) { } public List<(string, object)> Parameters { get; } = new(); }
            void Plan(PowerShell ps)
            {
                Step newVm = new("New-VM");
                newVm.Parameters.Add(("Generation", 2));
                Step nic = new("Add-VMNetworkAdapter");
                nic.Parameters.Add(("IsLegacy", true));
                ps.AddCommand("Get-VM");
            }
        }
        """);

    [Fact]
    public Task HV2004_and_HV6003_a_pass_through_disk_on_a_VM_that_is_then_checkpointed() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name sql01 -Generation 2; Add-VMHardDiskDrive -VMName sql01 -ControllerType SCSI -DiskNumber {|HV2004:3|}; {|HV6003:Checkpoint-VM|} -Name sql01 -SnapshotName before-patch");

            void Chain(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "sql02").AddParameter("Generation", 2).AddStatement()
                  .AddCommand("Add-VMHardDiskDrive").AddParameter("VMName", "sql02").AddParameter("DiskNumber", {|HV2004:4|}).AddStatement()
                  .AddCommand({|HV6003:"Checkpoint-VM"|}).AddArgument("sql02");
            }
        }
        """);

    [Fact]
    public Task A_VHD_or_a_VM_created_elsewhere_is_not_said_to_lose_a_pass_through_disk_to_checkpoints() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // A virtual hard disk, checkpointed: nothing to say.
            void Vhd(PowerShell ps) => ps.AddScript("New-VM -Name app01 -Generation 2; Add-VMHardDiskDrive -VMName app01 -Path D:\\VMs\\app01-data.vhdx; Checkpoint-VM app01");

            // sql03 was not created here: how many checkpoints it has is unknown, so only the disk itself is reported.
            void Existing(PowerShell ps) => ps.AddScript("Add-VMHardDiskDrive -VMName sql03 -DiskNumber {|HV2004:5|}; Checkpoint-VM -Name sql03");

            // A pass-through disk and no checkpoint taken here.
            void NoCheckpoint(PowerShell ps) => ps.AddScript("New-VM -Name sql04; Add-VMHardDiskDrive -VMName sql04 -ControllerType IDE -ControllerNumber 0 -ControllerLocation 1 -DiskNumber {|HV2004:6|}");
        }
        """);

    [Fact]
    public Task HV8004_a_firmware_cmdlet_for_the_other_generation_than_New_VM_made() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Provisioner
        {
            // New-VM without -Generation makes Generation 1, which has a BIOS: Set-VMFirmware stops the script.
            void SecureBoot(PowerShell ps) => ps.AddScript("New-VM -Name web01 -MemoryStartupBytes 2GB; {|#0:Set-VMFirmware|} -VMName web01 -EnableSecureBoot On");

            void Bios(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "web02").AddParameter("Generation", 2).AddStatement()
                  .AddCommand({|#1:"Set-VMBios"|}).AddParameter("VMName", "web02").AddParameter("StartupOrder", new[] { "IDE", "CD", "LegacyNetworkAdapter", "Floppy" });
            }
        }
        """,
        expected: new[]
        {
            new DiagnosticResult("HV8004", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Set-VMFirmware fails on VM 'web01': it is Generation 1 (New-VM's default without -Generation 2), whose firmware is set with Set-VMBios"),
            new DiagnosticResult("HV8004", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1)
                .WithArguments("Set-VMBios fails on VM 'web02': it is Generation 2, whose firmware is set with Set-VMFirmware"),
        });

    [Fact]
    public Task HV8005_New_VM_options_that_Generation_2_refuses() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.Management.Automation;
        class Provisioner
        {
            // A Generation 2 VM has no legacy adapter: it boots from the network through its standard one.
            void Pxe(PowerShell ps) => ps.AddScript("New-VM -Name pxe21 -Generation 2 -BootDevice {|#0:LegacyNetworkAdapter|} -SwitchName LAN");

            void Chain(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "fd21").AddParameter("Generation", 2).AddParameter("BootDevice", {|#1:"Floppy"|});

            // A VHD-format disk is refused too.
            void Disk(PowerShell ps) => ps.AddScript(@"New-VM -Name db21 -Generation 2 -VHDPath {|#2:D:\Disks\db21.vhd|}");

            // What Generation 2 takes, and the same options on Generation 1 (New-VM's default).
            void Fine(PowerShell ps) => ps.AddScript(@"New-VM -Name pxe22 -Generation 2 -BootDevice NetworkAdapter; New-VM -Name db22 -Generation 2 -VHDPath D:\Disks\db22.vhdx -BootDevice VHD");
            void Gen1(PowerShell ps) => ps.AddScript(@"New-VM -Name pxe23 -BootDevice LegacyNetworkAdapter -SwitchName LAN; New-VM -Name db23 -VHDPath D:\Disks\db23.vhd -BootDevice IDE");
        }
        """,
        expected: new[]
        {
            new DiagnosticResult("HV8005", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("New-VM fails for VM 'pxe21': Generation 2 has no LegacyNetworkAdapter boot device; it boots from the network through its standard adapter (-BootDevice NetworkAdapter)"),
            new DiagnosticResult("HV8005", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1)
                .WithArguments("New-VM fails for VM 'fd21': Generation 2 has no Floppy boot device"),
            new DiagnosticResult("HV8005", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2)
                .WithArguments(@"New-VM fails for VM 'db21': Generation 2 refuses a disk in the VHD format ('D:\Disks\db21.vhd'); convert it to VHDX"),
        });

    [Fact]
    public Task A_loop_that_replays_the_same_misuse_for_the_same_VM_reports_it_once() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Replayed(PowerShell ps)
            {
                foreach (int attempt in new[] { 1, 2, 3 })
                {
                    ps.AddScript("New-VM -Name web01; {|HV8004:Set-VMFirmware|} -VMName web01 -EnableSecureBoot On");
                }
            }
        }
        """);

    [Fact]
    public Task Firmware_cmdlets_on_a_VM_of_their_own_generation_or_of_one_the_code_does_not_create() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Matching(PowerShell ps) => ps.AddScript("New-VM -Name a -Generation 2; Set-VMFirmware -VMName a -EnableSecureBoot Off; New-VM -Name b -Generation 1; Set-VMBios -VMName b -StartupOrder IDE,CD,LegacyNetworkAdapter,Floppy");

            // The VM exists already and the generation is chosen at run time: both cmdlets appear, one per branch.
            void Either(PowerShell ps, bool uefi)
            {
                if (uefi) ps.AddCommand("Set-VMFirmware").AddParameter("VMName", "c").AddParameter("EnableSecureBoot", "On");
                else ps.AddCommand("Set-VMBios").AddParameter("VMName", "c").AddParameter("StartupOrder", new[] { "IDE", "CD" });
            }

            // Set-VMFirmware says the VM is Generation 2, so a legacy adapter on it is HV3003.
            void Existing(PowerShell ps) => ps.AddScript("Set-VMFirmware -VMName d -EnableSecureBoot On; Add-VMNetworkAdapter -VMName d -IsLegacy {|HV3003:$true|}");
        }
        """);

    [Fact]
    public Task HV2001_an_IDE_disk_on_a_Generation_2_VM_names_only_the_part_of_the_slot_the_code_gives() => CheckMessage("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps) => ps.AddScript("New-VM -Name g2 -Generation 2; Add-VMHardDiskDrive -VMName g2 -ControllerType {|#0:IDE|} -Path D:\\VMs\\g2.vhdx");
        }
        """, "HV2001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error,
        "VM 'g2' is Generation 2 but has a drive on IDE; Generation 2 VMs have no IDE controller (use SCSI)");

    [Fact]
    public Task HV3007_VLAN_IDs_set_with_Set_VMNetworkAdapterVlan() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Access(PowerShell ps) => ps.AddScript("New-VM -Name web01 -SwitchName LAN; Set-VMNetworkAdapterVlan -VMName web01 -Access -VlanId {|HV3007:4095|}");

            void Trunk(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "fw01").AddParameter("SwitchName", "Trunk").AddStatement()
                  .AddCommand("Set-VMNetworkAdapterVlan").AddParameter("VMName", "fw01").AddParameter("Trunk")
                  .AddParameter("AllowedVlanIdList", {|HV3007:"10-20,4000-5000"|}).AddParameter("NativeVlanId", 10);
            }

            // An adapter of a VM created elsewhere, named by the command: it is the one with the VLAN.
            void Existing(PowerShell ps) => ps.AddScript("Set-VMNetworkAdapterVlan sql01 -VMNetworkAdapterName Data -Access -VlanId {|HV3007:0|}");
        }
        """);

    [Fact]
    public Task Valid_VLANs_the_host_s_own_adapter_and_VLANs_chosen_at_run_time_are_not_reported() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Valid(PowerShell ps) => ps.AddScript("New-VM -Name a -SwitchName LAN; Set-VMNetworkAdapterVlan -VMName a -Access -VlanId 4094; Set-VMNetworkAdapterVlan -VMName a -Trunk -AllowedVlanIdList '1-100,200' -NativeVlanId 1");

            // -ManagementOS is the host's adapter; an unquoted list is an array PowerShell joins its own way.
            void Host(PowerShell ps) => ps.AddScript("New-VM -Name b; Set-VMNetworkAdapterVlan -ManagementOS -Access -VlanId 5000");

            void Unquoted(PowerShell ps) => ps.AddScript("New-VM -Name b2; Set-VMNetworkAdapterVlan b2 -Trunk -AllowedVlanIdList 10-20,4000-5000 -NativeVlanId 1");

            void FromData(PowerShell ps, int vlan) => ps.AddCommand("Set-VMNetworkAdapterVlan").AddParameter("VMName", "c").AddParameter("Access").AddParameter("VlanId", vlan);
        }
        """);

    [Fact]
    public Task HV2003_a_disk_New_VM_creates_above_the_VHDX_maximum() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Script(PowerShell ps) => ps.AddScript("New-VM -Name archive01 -Generation 2 -NewVHDPath D:\\VMs\\archive01.vhdx -NewVHDSizeBytes {|HV2003:70TB|}");

            void Chain(PowerShell ps) => ps.AddCommand("New-VM").AddParameter("Name", "archive02").AddParameter("NewVHDPath", "archive02.vhdx").AddParameter("NewVHDSizeBytes", {|HV2003:80L * 1024 * 1024 * 1024 * 1024|});

            // At the maximum, and a size chosen at run time.
            void Limit(PowerShell ps) => ps.AddScript("New-VM -Name archive03 -NewVHDPath archive03.vhdx -NewVHDSizeBytes 64TB");
            void RunTime(PowerShell ps, long size) => ps.AddCommand("New-VM").AddParameter("Name", "archive04").AddParameter("NewVHDPath", "archive04.vhdx").AddParameter("NewVHDSizeBytes", size);
        }
        """, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task HV2003_a_VHD_New_VHD_creates_above_2040_GB_for_a_VM_to_attach() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Created(PowerShell ps) => ps.AddScript("New-VHD -Path D:\\VMs\\big.vhd -SizeBytes {|HV2003:3TB|}; New-VM -Name big -VHDPath D:\\VMs\\big.vhd");
            void Attached(PowerShell ps) => ps.AddScript("New-VHD D:\\VMs\\data.vhd {|HV2003:2100GB|} -Fixed; New-VM -Name data01; Add-VMHardDiskDrive -VMName data01 -Path D:\\VMs\\data.vhd");

            // At the limit, and a disk no VM attaches.
            void Fits(PowerShell ps) => ps.AddScript("New-VHD -Path D:\\VMs\\ok.vhd -SizeBytes 2040GB; New-VM -Name ok -VHDPath D:\\VMs\\ok.vhd");
            void Spare(PowerShell ps) => ps.AddScript("New-VHD -Path D:\\VMs\\spare.vhd -SizeBytes 3TB");
        }
        """);

    [Fact]
    public Task HV2003_a_VHDX_New_VM_creates_under_a_configured_2008_R2_profile() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // New-VM -NewVHDPath creates a VHDX, whatever the path's extension; 2008 R2 cannot open one.
            void Create(PowerShell ps) => ps.AddScript("New-VM -Name web01 -NewVHDPath {|HV2003:D:\\VMs\\web01.vhdx|} -NewVHDSizeBytes 60GB");
            void NoExtension(PowerShell ps) => ps.AddScript("New-VM -Name web02 -NewVHDPath {|HV2003:D:\\VMs\\web02|}");

            // An existing VHD attached with -VHDPath, and a .vhd path given to -NewVHDPath, whose outcome the facts do not give.
            void Existing(PowerShell ps) => ps.AddScript("New-VM -Name web03 -VHDPath D:\\VMs\\web03.vhd; New-VM -Name web04 -NewVHDPath D:\\VMs\\web04.vhd");
        }
        """, "hvlint.profile = hyperv-2008r2");

    [Fact]
    public Task A_VHDX_in_the_code_is_evidence_of_2012_when_no_profile_is_configured() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // VHDX arrived with Windows Server 2012, whose VMs take up to 64 virtual processors.
            void Vhdx(PowerShell ps) => ps.AddScript("New-VM -Name sql01 -NewVHDPath D:\\VMs\\sql01.vhdx -NewVHDSizeBytes 120GB; Set-VMProcessor sql01 -Count 8");
            void Attached(PowerShell ps) => ps.AddScript("New-VM -Name sql02; Add-VMHardDiskDrive -VMName sql02 -Path D:\\VMs\\sql02.vhdx; Set-VMProcessor sql02 -Count 8");

            // Nothing says 2012: the default profile, hyperv-2008r2, allows 4.
            void Nothing(PowerShell ps) => ps.AddScript("New-VM -Name sql03 -VHDPath D:\\VMs\\sql03.vhd; Set-VMProcessor sql03 -Count {|HV1001:8|}");
        }
        """);

    [Fact]
    public Task HV2001_a_drive_added_where_New_VM_put_its_new_disk() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // New-VM attaches the disk it creates at IDE 0:0 on Generation 1 and SCSI 0:0 on Generation 2.
            void Gen1(PowerShell ps) => ps.AddScript("New-VM -Name app01 -NewVHDPath app01.vhdx; Add-VMHardDiskDrive -VMName app01 -ControllerType IDE -ControllerNumber 0 -ControllerLocation {|HV2001:0|} -Path data.vhdx");
            void Gen2(PowerShell ps) => ps.AddScript("New-VM -Name app02 -Generation 2 -NewVHDPath app02.vhdx; Add-VMHardDiskDrive -VMName app02 -ControllerType SCSI -ControllerNumber 0 -ControllerLocation {|HV2001:0|} -Path data.vhdx");

            // The next free location.
            void Free(PowerShell ps) => ps.AddScript("New-VM -Name app03 -Generation 2 -NewVHDPath app03.vhdx; Add-VMHardDiskDrive -VMName app03 -ControllerType SCSI -ControllerNumber 0 -ControllerLocation 1 -Path data.vhdx");
        }
        """, "hvlint.profile = hyperv-2012r2");

    [Fact]
    public Task HV7001_an_adapter_on_an_Internal_switch_the_same_code_creates() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Lab(PowerShell ps) => ps.AddScript("New-VMSwitch -Name Lab -SwitchType Internal; New-VM -Name lab01 -Generation 2 -SwitchName {|HV7001:Lab|}");

            // Connected after New-VM, in a chain; the switch type given by its number (Internal is 1).
            void Chain(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "lab02").AddStatement()
                  .AddCommand("New-VMSwitch").AddParameter("Name", "Lab2").AddParameter("SwitchType", 1).AddStatement()
                  .AddCommand("Connect-VMNetworkAdapter").AddParameter("VMName", "lab02").AddParameter("SwitchName", {|HV7001:"Lab2"|});
            }

            // All three of Connect-VMNetworkAdapter's positions: the VM, the adapter, the switch.
            void Positional(PowerShell ps) => ps.AddScript("New-VMSwitch Lab3 -SwitchType Internal; Add-VMNetworkAdapter -VMName lab03 -Name Lab; Connect-VMNetworkAdapter lab03 Lab {|HV7001:Lab3|}");
        }
        """);

    [Fact]
    public Task HV7001_names_the_host_the_switch_is_created_on() => CheckMessage("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps) => ps.AddScript("New-VMSwitch -Name Lab -SwitchType Internal -ComputerName hv05; New-VM -Name lab01 -SwitchName {|#0:Lab|} -ComputerName hv05");
        }
        """, "HV7001", Microsoft.CodeAnalysis.DiagnosticSeverity.Info,
        "VM 'lab01' adapter 'Network Adapter' is on the Internal switch 'Lab', which also connects the management OS of host 'hv05'");

    [Fact]
    public Task HV7001_without_a_host_name_says_its_host() => CheckMessage("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps) => ps.AddScript("New-VMSwitch -Name Lab -SwitchType Internal; New-VM -Name lab01 -SwitchName {|#0:Lab|}");
        }
        """, "HV7001", Microsoft.CodeAnalysis.DiagnosticSeverity.Info,
        "VM 'lab01' adapter 'Network Adapter' is on the Internal switch 'Lab', which also connects the management OS of its host");

    [Fact]
    public Task Switches_of_other_types_other_hosts_or_replaced_connections_are_not_reported_as_Internal() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Private(PowerShell ps) => ps.AddScript("New-VMSwitch -Name Isolated -SwitchType Private; New-VM -Name a -SwitchName Isolated");

            // -NetAdapterName makes an External switch.
            void External(PowerShell ps) => ps.AddScript("New-VMSwitch -Name Uplink -NetAdapterName NIC2 -AllowManagementOS $false; New-VM -Name b -SwitchName Uplink");

            // The switch is created on another host than the VM.
            void OtherHost(PowerShell ps) => ps.AddScript("New-VMSwitch -Name Lab -SwitchType Internal -ComputerName hv01; New-VM -Name c -SwitchName Lab -ComputerName hv02");

            // Several hosts at once are no one host.
            void Hosts(PowerShell ps) => ps.AddScript("New-VMSwitch -Name Lab -SwitchType Internal -ComputerName hv01, hv02; New-VM -Name c2 -SwitchName Lab -ComputerName hv01, hv02");

            // The host is chosen at run time.
            void RunTime(PowerShell ps, string host) => ps.AddCommand("New-VMSwitch").AddParameter("Name", "Lab").AddParameter("SwitchType", "Internal").AddParameter("ComputerName", host).AddStatement()
                .AddCommand("New-VM").AddParameter("Name", "d").AddParameter("SwitchName", "Lab").AddParameter("ComputerName", host);

            // Moved to an External switch, or disconnected, after New-VM put it on the Internal one.
            void Moved(PowerShell ps) => ps.AddScript("New-VMSwitch -Name Lab -SwitchType Internal; New-VM -Name e -SwitchName Lab; Connect-VMNetworkAdapter -VMName e -SwitchName Corp");
            void Disconnected(PowerShell ps) => ps.AddScript("New-VMSwitch -Name Lab -SwitchType Internal; New-VM -Name f -SwitchName Lab; Disconnect-VMNetworkAdapter f");

            // A switch the code does not create: the host's other switches are unknown, so naming one is not HV3006.
            void Elsewhere(PowerShell ps) => ps.AddScript("New-VMSwitch -Name Lab -SwitchType Internal; New-VM -Name g -SwitchName Corp");

            // What follows New-VMSwitch in its pipeline is about no VM the code created.
            void Piped(PowerShell ps) => ps.AddScript("New-VM -Name h; New-VMSwitch -Name Lab -SwitchType Internal | Set-VMProcessor -Count 64");
        }
        """);

    [Fact]
    public Task HV3005_the_same_static_MAC_address_given_twice() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            // A copied line: web02 gets web01's address.
            void Clones(PowerShell ps) => ps.AddScript("New-VM -Name web01 -SwitchName LAN; Set-VMNetworkAdapter -VMName web01 -StaticMacAddress 00155D010101; New-VM -Name web02 -SwitchName LAN; Set-VMNetworkAdapter web02 -StaticMacAddress {|HV3005:00-15-5D-01-01-01|}");

            void Adapters(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "db01").AddStatement()
                  .AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "db01").AddParameter("Name", "Data").AddParameter("StaticMacAddress", "00155D0A0B0C").AddStatement()
                  .AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "db01").AddParameter("Name", "Backup").AddParameter("StaticMacAddress", {|HV3005:"00155d0a0b0c"|});
            }
        }
        """);

    [Fact]
    public Task Different_dynamic_or_run_time_MAC_addresses_are_not_duplicates() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Different(PowerShell ps) => ps.AddScript("New-VM -Name a; Set-VMNetworkAdapter a -StaticMacAddress 00155D010101; New-VM -Name b; Set-VMNetworkAdapter b -StaticMacAddress 00155D010102");

            // Made dynamic again before the second VM takes the address.
            void Released(PowerShell ps) => ps.AddScript("New-VM -Name c; Set-VMNetworkAdapter c -StaticMacAddress 00155D010103; Set-VMNetworkAdapter c -DynamicMacAddress; New-VM -Name d; Set-VMNetworkAdapter d -StaticMacAddress 00155D010103");

            // Only the named adapter takes the address; the VM's other adapter keeps its own.
            void Named(PowerShell ps) => ps.AddScript("New-VM -Name e; Add-VMNetworkAdapter e -Name Data; Set-VMNetworkAdapter e -Name Data -StaticMacAddress 00155D010104; Add-VMNetworkAdapter e -Name Backup -StaticMacAddress 00155D010105");

            // The host's own adapters (-ManagementOS) are not the VM's, even right after New-VM.
            void Host(PowerShell ps) => ps.AddScript("New-VM -Name h; Set-VMNetworkAdapter h -StaticMacAddress 00155D010107; Add-VMNetworkAdapter -ManagementOS -Name Backup -SwitchName External -StaticMacAddress 00155D010107");

            void FromData(PowerShell ps, string mac) => ps.AddScript("New-VM -Name f; Set-VMNetworkAdapter f -StaticMacAddress 00155D010106").AddStatement()
                .AddCommand("New-VM").AddParameter("Name", "g").AddStatement().AddCommand("Set-VMNetworkAdapter").AddParameter("VMName", "g").AddParameter("StaticMacAddress", mac);
        }
        """);

    [Fact]
    public Task HV4004_and_HV6002_integration_services_disabled_by_the_code() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Named(PowerShell ps) => ps.AddScript("New-VM -Name app01; Disable-VMIntegrationService -VMName app01 -Name {|HV4004:Shutdown|}");

            void Chain(PowerShell ps)
            {
                ps.AddCommand("New-VM").AddParameter("Name", "app03").AddStatement()
                  .AddCommand("Disable-VMIntegrationService").AddParameter("VMName", "app03").AddParameter("Name", {|HV6002:"VSS"|});
            }

            void Piped(PowerShell ps) => ps.AddScript("New-VM -Name app04 | Disable-VMIntegrationService -Name {|HV4004:Heartbeat|}");
        }
        """);

    [Fact]
    public Task Positionally_the_service_names_come_first_and_the_VM_second() => CheckMessage("""
        using System.Management.Automation;
        class Provisioner
        {
            void Positional(PowerShell ps) => ps.AddScript("New-VM -Name app02; Disable-VMIntegrationService {|#0:'Time Synchronization'|} app02");
        }
        """, "HV4004", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning,
        "VM 'app02' has the integration service 'Time Synchronization' disabled; enable it (Enable-VMIntegrationService -Name 'Time Synchronization')");

    [Fact]
    public Task Services_enabled_again_or_off_by_default_are_not_reported() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Again(PowerShell ps) => ps.AddScript("New-VM -Name a; Disable-VMIntegrationService -VMName a -Name Shutdown; Enable-VMIntegrationService -VMName a -Name Shutdown");

            // Guest Service Interface is off by default (HV4004's page); a service chosen at run time is unknown.
            void Optional(PowerShell ps, string service) => ps.AddScript("New-VM -Name b; Disable-VMIntegrationService -VMName b -Name 'Guest Service Interface'")
                .AddStatement().AddCommand("Disable-VMIntegrationService").AddParameter("VMName", "b").AddParameter("Name", service);
        }
        """);

    [Fact]
    public Task A_PSCommand_built_on_its_own_and_handed_to_PowerShell() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps)
            {
                var commands = new PSCommand();
                commands.AddCommand("New-VM").AddParameter("Name", "web07").AddParameter("Generation", 2);
                commands.AddStatement().AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "web07").AddParameter("IsLegacy", {|HV3003:true|});
                ps.Commands = commands;
            }
        }
        """);

    /// <summary>A builder of the user's own with PowerShell's method names, whose commands never run.</summary>
    private const string OwnBuilder = """
        using System.Management.Automation;
        class Builder
        {
            public Builder AddCommand(string name) => this;
            public Builder AddParameter(string name, object value) => this;
        }

        """;

    [Fact]
    public Task Fluent_methods_of_other_types_are_not_PowerShell() => Check(OwnBuilder + """
        class Provisioner
        {
            void Plan(PowerShell ps)
            {
                new Builder().AddCommand("New-VM").AddParameter("Name", "plan01").AddParameter("Generation", 2)
                    .AddCommand("Add-VMNetworkAdapter").AddParameter("VMName", "plan01").AddParameter("IsLegacy", true);
                ps.AddCommand("Get-VM");
            }
        }
        """);

    [Fact]
    public Task A_pipeline_carries_the_VM_its_first_command_names_or_none_HvLint_knows() => CheckMessage("""
        using System.Management.Automation;
        class Provisioner
        {
            // Get-VM names the VM the pipeline carries: web02, not the web01 created just before.
            void Named(PowerShell ps) => ps.AddScript("New-VM -Name web01 -Generation 2; Get-VM web02 | Set-VMProcessor -Count {|#0:300|}");

            // Import-VM and a bare Get-VM carry VMs HvLint does not know: nothing is said about web03.
            void Unknown(PowerShell ps) => ps.AddScript("New-VM -Name web03 -Generation 2; Import-VM -Path D:\\export\\app.vmcx | Set-VMProcessor -Count 300; Get-VM | Set-VMProcessor -Count 300");
        }
        """, "HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error,
        "VM 'web02' has 300 virtual processors; hyperv-2012r2 allows 64 per VM");

    [Fact]
    public Task The_adapter_name_is_not_taken_for_the_VM_name() => Check("""
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps) => ps.AddScript("New-VM -Name web -Generation 2\nAdd-VMNetworkAdapter -Name 'Legacy NIC' -VMName web -IsLegacy {|HV3003:$true|}");
        }
        """);

    [Fact]
    public Task A_static_readonly_field_with_a_constant_initialiser_is_known() => Check("""
        using System.Management.Automation;
        static class Defaults
        {
            public static readonly int ProcessorCount = 16;
        }
        class Provisioner
        {
            void Create(PowerShell ps) => ps.AddCommand("Set-VMProcessor").AddParameter("VMName", "a").AddParameter("Count", {|HV1001:Defaults.ProcessorCount|});
        }
        """);

    [Fact]
    public Task Half_typed_Command_objects_aliases_and_firmware_cmdlets_do_not_throw()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<HostedPowerShellAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = """
                using System.Management.Automation;
                using System.Management.Automation.Runspaces;
                using PsCmd = ;
                using Half = System.Management.Automation.Runspaces.
                class Provisioner
                {
                    void Create(PowerShell ps)
                    {
                        Command newVm = new(
                        Command nic = new("Add-VMNetworkAdapter"
                        nic.Parameters.Add("IsLegacy", 
                        var other = new PsCmd(
                        ps.AddScript("New-VM -Name w; Set-VMFirmware -VMName w -EnableSecureBoot; Set-VMBios -VMName ; Checkpoint-VM ; Add-VMHardDiskDrive -VMName w -DiskNumber
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        // What is typed already says enough for two findings (Set-VMFirmware on the Generation 1 VM New-VM made, and
        // -DiskNumber, which means a pass-through disk whatever number follows); nothing throws (no AD0001).
        test.ExpectedDiagnostics.Add(new DiagnosticResult("HV8004", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithSpan(13, 39, 13, 53)
            .WithArguments("Set-VMFirmware fails on VM 'w': it is Generation 1 (New-VM's default without -Generation 2), whose firmware is set with Set-VMBios"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("HV2004", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithSpan(13, 150, 13, 161)
            .WithArguments("VM 'w' passes a physical disk through; it is not captured by checkpoints or host-level VSS backup (use a fixed-size VHDX)"));
        return test.RunAsync();
    }

    [Fact]
    public async Task Arrays_separated_by_semicolons_are_read_and_script_blocks_in_them_end_the_read()
    {
        // @('CD'; 'IDE') is an array of two, as a comma makes it. A script block or a pipeline inside @( ) is an
        // expression, unknown; before, the reader looped for ever on it, which hangs a build or an editor. The time limit
        // only stops a regression from hanging the test run: the analysis takes milliseconds.
        Task check = Check("""
            using System.Management.Automation;
            class Provisioner
            {
                void Pxe(PowerShell ps) => ps.AddScript("New-VM -Name pxe; Set-VMBios -VMName pxe -StartupOrder {|HV3002:@('LegacyNetworkAdapter'; 'IDE')|}");
                void Block(PowerShell ps) => ps.AddScript("New-VM -Name pxe2; Set-VMBios -VMName pxe2 -StartupOrder @({ 'LegacyNetworkAdapter' }, 'IDE')");
                void Pipe(PowerShell ps) => ps.AddScript("New-VM -Name pxe3; Set-VMBios -VMName pxe3 -StartupOrder @('LegacyNetworkAdapter' | Sort-Object)");
                void Open(PowerShell ps) => ps.AddScript("Set-VMBios -VMName pxe4 -StartupOrder @(;");
            }
            """);
        await check.WaitAsync(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task A_param_block_is_found_past_comments_and_attributes_and_text_that_is_neither_ends_the_search()
    {
        // A '#' right after an attribute's ']' is no comment HvLint reads, and the search for the block stops there;
        // before, it stood still on that '#' for ever. The time limit only stops a regression from hanging the test run.
        Task check = Check("""
            using System.Management.Automation;
            class Provisioner
            {
                void Help(PowerShell ps) => ps.AddScript("<# .SYNOPSIS One VM #>\n[CmdletBinding()]\nparam($Name, $Count)\nSet-VMProcessor -VMName $Name -Count {|HV1001:$Count|}")
                    .AddParameter("Name", "w9").AddParameter("Count", 9);
                void Tight(PowerShell ps) => ps.AddScript("[CmdletBinding()]#tight\nparam($Count) Set-VMProcessor -VMName w10 -Count $Count").AddParameter("Count", 9);
                void Open(PowerShell ps) => ps.AddScript("# start\nparam([int]$Count").AddParameter("Count", 9);
            }
            """);
        await check.WaitAsync(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public Task Incomplete_code_as_typed_in_an_editor_does_not_throw()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<HostedPowerShellAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = """
                using System.Management.Automation;
                class Provisioner
                {
                    void Create(PowerShell ps)
                    {
                        ps.AddScript("New-VM -Name w -Generation 2; Add-VMNetworkAdapter -VMName w -IsLegacy $true -Switch'
                        ps.AddCommand("Set-VMProcessor").AddParameter("Count", 
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.Sources.Add(("PowerShellStub.cs", Verify.PowerShellStub));
        // What has been typed so far already says $true on a Generation 2 VM: reported, and nothing throws (no AD0001).
        test.ExpectedDiagnostics.Add(new DiagnosticResult("HV3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithSpan(6, 94, 6, 99)
            .WithArguments("VM 'w' is Generation 2 and has the legacy network adapter 'Legacy Network Adapter'; Generation 2 VMs support only synthetic adapters (they PXE-boot from them too)"));
        return test.RunAsync();
    }

    private const string LabScript = "param($Name, $Cpu)\n"
        + "New-VM -Name $Name -Generation 2\n"
        + "Set-VMProcessor -VMName $Name -Count $Cpu\n"
        + "New-VM -Name 'base01' -Generation 2\n"
        + "Add-VMNetworkAdapter -VMName 'base01' -IsLegacy $true\n";

    // The script beside another of the same name, which the code must not read instead.
    private static readonly (string Path, string Text)[] LabScripts = { ("Scripts/New-LabVM.ps1", LabScript), ("Old/New-LabVM.ps1", "New-VM -Name old01\n") };

    // What LabScript makes of the code's sql01 with 72 vCPUs and web02 with 70, where it uses them; its own base01 is
    // the script analyzer's finding, reported there alone.
    private static readonly DiagnosticResult[] LabScriptFindings =
    {
        new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithSpan("Scripts/New-LabVM.ps1", 3, 38, 3, 42)
            .WithArguments("VM 'sql01' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM"),
        new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithSpan("Scripts/New-LabVM.ps1", 3, 38, 3, 42)
            .WithArguments("VM 'web02' has 70 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM"),
    };

    [Fact]
    public Task A_script_file_the_code_reads_for_AddScript_is_read_with_the_code_s_parameters() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System;
        using System.IO;
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps, string root)
            {
                ps.AddScript(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scripts", "New-LabVM.ps1"))).AddParameter("Name", "sql01").AddParameter("Cpu", 72).Invoke();
            }

            void Other(PowerShell ps, string root)
            {
                // A concatenation: Scripts/New-LabVM.ps1 after what the code computes.
                ps.AddScript(File.ReadAllText(root + "/Scripts/New-LabVM.ps1")).AddParameter("Name", "web02").AddParameter("Cpu", 70).Invoke();
                // A rooted path names only the file: two scripts of that name, so which one is not known.
                ps.AddScript(File.ReadAllText(@"D:\Deploy\Scripts\New-LabVM.ps1")).AddParameter("Name", "web01").AddParameter("Cpu", 80).Invoke();
            }
        }
        """,
        additionalFiles: LabScripts,
        expected: LabScriptFindings);

    [Fact]
    public Task A_script_file_read_into_a_local_first_or_awaited_is_read_too() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System;
        using System.IO;
        using System.Management.Automation;
        using System.Threading.Tasks;
        class Provisioner
        {
            void Local(PowerShell ps)
            {
                string script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scripts", "New-LabVM.ps1"));
                ps.AddScript(script).AddParameter("Name", "sql01").AddParameter("Cpu", 72).Invoke();
            }

            async Task Awaited(PowerShell ps) =>
                ps.AddScript(await File.ReadAllTextAsync("Scripts/New-LabVM.ps1").ConfigureAwait(false)).AddParameter("Name", "web02").AddParameter("Cpu", 70).Invoke();

            void WrittenAgain(PowerShell ps, bool old)
            {
                // A local written again may hold either file: not read.
                string script = File.ReadAllText("Scripts/New-LabVM.ps1");
                if (old) script = File.ReadAllText("Old/New-LabVM.ps1");
                ps.AddScript(script).AddParameter("Name", "web01").AddParameter("Cpu", 80).Invoke();
            }
        }
        """,
        additionalFiles: LabScripts,
        expected: LabScriptFindings);

    [Fact]
    public Task A_script_embedded_as_a_manifest_resource_is_read_with_the_code_s_parameters() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System;
        using System.IO;
        using System.Management.Automation;
        using System.Reflection;
        namespace Contoso.Provisioning
        {
            class Provisioner
            {
                void Create(PowerShell ps)
                {
                    using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Contoso.Provisioning.Scripts.New-LabVM.ps1")!;
                    using var reader = new StreamReader(stream);
                    ps.AddScript(reader.ReadToEnd()).AddParameter("Name", "sql01").AddParameter("Cpu", 72).Invoke();
                }

                // The (Type, name) overload: the type's namespace, then the name.
                void ByType(PowerShell ps)
                {
                    using var reader = new StreamReader(typeof(Provisioner).Assembly.GetManifestResourceStream(typeof(Provisioner), "Scripts.New-LabVM.ps1") ?? throw new InvalidOperationException());
                    ps.AddScript(reader.ReadToEnd()).AddParameter("Name", "web02").AddParameter("Cpu", 70).Invoke();
                }

                // A resource no AdditionalFile is, and a reader written again: not read.
                void Other(PowerShell ps, Stream other)
                {
                    using var reader = new StreamReader(Assembly.GetExecutingAssembly().GetManifestResourceStream("Contoso.Provisioning.Scripts.Remove-LabVM.ps1")!);
                    ps.AddScript(reader.ReadToEnd()).AddParameter("Name", "web01").AddParameter("Cpu", 80).Invoke();
                    var again = new StreamReader(Assembly.GetExecutingAssembly().GetManifestResourceStream("Contoso.Provisioning.Scripts.New-LabVM.ps1")!);
                    again = new StreamReader(other);
                    ps.AddScript(again.ReadToEnd()).AddParameter("Name", "web03").AddParameter("Cpu", 80).Invoke();
                }
            }
        }
        """,
        // Without the build's resource names, the script whose folders and name end the resource's name: Scripts/, not Old/.
        additionalFiles: LabScripts,
        expected: LabScriptFindings);

    [Fact]
    public Task An_embedded_script_is_the_file_the_build_names_that_resource() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.IO;
        using System.Management.Automation;
        using System.Reflection;
        class Provisioner
        {
            void Create(PowerShell ps)
            {
                using var reader = new StreamReader(Assembly.GetExecutingAssembly().GetManifestResourceStream("Contoso.Provisioning.Lab.ps1")!);
                ps.AddScript(reader.ReadToEnd()).AddParameter("Name", "sql01").AddParameter("Cpu", 72).Invoke();
            }
        }
        """,
        // A LogicalName the build gives (the package's targets pass each embedded script's resource name on): that file,
        // though another one's path reads as the name.
        "[/src/Embedded/Lab.ps1]\nbuild_metadata.AdditionalFiles.HvLintResourceName = Contoso.Provisioning.Lab.ps1\n",
        new[] { ("/src/Embedded/Lab.ps1", LabScript), ("/src/Contoso/Provisioning/Lab.ps1", LabScript) },
        new DiagnosticResult("HV1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithSpan("/src/Embedded/Lab.ps1", 3, 38, 3, 42)
            .WithArguments("VM 'sql01' has 72 virtual processors; hyperv-2012r2 allows 64 for a Generation 2 VM"));

    [Fact]
    public Task A_script_file_s_hvlint_disable_comment_covers_what_the_code_s_values_find_in_it() => Verify.Analyzer<HostedPowerShellAnalyzer>("""
        using System.IO;
        using System.Management.Automation;
        class Provisioner
        {
            void Create(PowerShell ps) => ps.AddScript(File.ReadAllText("Scripts/New-LabVM.ps1")).AddParameter("Name", "sql01").AddParameter("Cpu", 72).Invoke();
        }
        """,
        additionalFiles: new[] { ("Scripts/New-LabVM.ps1", "# hvlint-disable HV1001: the lab host runs Windows Server 2016 (240 per VM)\n" + LabScript) });
}
