using System.Management.Automation;

namespace Contoso.Provisioning;

/// <summary>Creates the VMs of a web farm on a Windows Server 2008 R2 Hyper-V cluster.</summary>
public static class Provisioner
{
    private const string Switch = "VM-Traffic";

    public static void CreateWebServer(string name)
    {
        using PowerShell ps = PowerShell.Create();
        // 8 virtual processors: Hyper-V 2008 R2 allows 4 per VM (HV1001).
        ps.AddScript($$"""
            New-VM -Name farm-web01 -MemoryStartupBytes 4GB -SwitchName {{Switch}}
            Set-VMProcessor -VMName farm-web01 -Count 8
            """);
        ps.Invoke();
    }

    public static void CreateDeploymentTarget()
    {
        using PowerShell ps = PowerShell.Create();
        // Generation 1, network boot first, but only the synthetic adapter New-VM adds without -BootDevice (HV3002).
        ps.AddCommand("New-VM").AddParameter("Name", "wds-target").AddParameter("SwitchName", Switch)
          .AddStatement()
          .AddCommand("Set-VMBios").AddParameter("VMName", "wds-target").AddParameter("StartupOrder", new[] { "LegacyNetworkAdapter", "IDE", "CD", "Floppy" });
        ps.Invoke();
    }

    public static void CreatePxeBuildServer()
    {
        using PowerShell ps = PowerShell.Create();
        // Correct: -BootDevice NetworkAdapter on Generation 1 adds the legacy adapter PXE needs.
        ps.AddScript("New-VM -Name pxe-build -BootDevice NetworkAdapter -SwitchName VM-Traffic");
        ps.Invoke();
    }

    public static void CreateAppServer()
    {
        using PowerShell ps = PowerShell.Create();
        // hvlint/web-farm.hvlint.json says farm-app01 runs Windows Server 2008 R2, which has integration services in
        // the box, and New-VM without -BootDevice boots from the disk first: the legacy adapter only costs host CPU (HV3001).
        ps.AddScript("New-VM -Name farm-app01 -MemoryStartupBytes 4GB -SwitchName VM-Traffic; Add-VMNetworkAdapter -VMName farm-app01 -SwitchName VM-Traffic -IsLegacy $true");
        ps.Invoke();
    }

    public static void CreateSqlNodes()
    {
        using PowerShell ps = PowerShell.Create();
        // Both nodes of the loop get $cpus = 6 virtual processors: Hyper-V 2008 R2 allows 4 per VM (HV1001 for each).
        ps.AddScript("""
            $cpus = 6
            foreach ($node in 'farm-sql01', 'farm-sql02') {
                New-VM -Name $node -MemoryStartupBytes 8GB -SwitchName VM-Traffic
                Set-VMProcessor -VMName $node -Count $cpus
            }
            """);
        ps.Invoke();
    }

    public static void CreateImagingTarget(string vmName)
    {
        using PowerShell ps = PowerShell.Create();
        // The caller names the VM, and every command here names that one VM ({vmName}): Generation 1, network boot
        // first, and only the synthetic adapter New-VM adds (HV3002), whatever name it is given.
        ps.AddCommand("New-VM").AddParameter("Name", vmName).AddParameter("SwitchName", Switch)
          .AddStatement()
          .AddCommand("Set-VMBios").AddParameter("VMName", vmName).AddParameter("StartupOrder", new[] { "LegacyNetworkAdapter", "IDE", "CD", "Floppy" });
        ps.Invoke();
    }

    public static void CreateBuildAgent()
    {
        using PowerShell ps = PowerShell.Create();
        // The commands come from the helpers below, read here with what this method gives them: 6 virtual processors
        // for build-agent01, where Hyper-V 2008 R2 allows 4 (HV1001, reported at the call that gives the count).
        AddVm(ps, "build-agent01");
        SetProcessors(ps, "build-agent01", 6);
        ps.Invoke();
    }

    private static void AddVm(PowerShell ps, string vmName) =>
        ps.AddStatement().AddCommand("New-VM").AddParameter("Name", vmName).AddParameter("MemoryStartupBytes", 4L * 1024 * 1024 * 1024).AddParameter("SwitchName", Switch);

    private static void SetProcessors(PowerShell ps, string vmName, int count) =>
        ps.AddStatement().AddCommand("Set-VMProcessor").AddParameter("VMName", vmName).AddParameter("Count", count);
}
