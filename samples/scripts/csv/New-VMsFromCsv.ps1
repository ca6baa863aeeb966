# Builds the VMs vms.csv lists, a row each: the export pads some names with spaces, so each is trimmed and upper-cased;
# the generation, memory (in GB) and processors are text there, cast to numbers; a row marked Pxe boots from the
# network first. The settings every VM shares are added to each VM's own.
$defaults = @{ SwitchName = 'VM-Traffic'; Path = 'D:\Hyper-V' }
$rows = Import-Csv -Path "$PSScriptRoot\vms.csv"
foreach ($row in $rows) {
    $name = $row.Name.Trim().ToUpper()
    $params = $defaults + @{
        Name               = $name
        Generation         = [int]$row.Generation
        MemoryStartupBytes = [int64]$row.MemoryGB * 1GB
    }
    New-VM @params
    Set-VMProcessor -VMName $name -Count ([int]$row.Cpu)
    if ($row.Pxe -eq 'Yes') {
        Set-VMBios -VMName $name -StartupOrder @('LegacyNetworkAdapter', 'IDE', 'CD', 'Floppy')
    }
}

# The file servers are built by hand, one after the other, with the same variable.
$name = 'CSV-FS01'
New-VM -Name $name -Generation 2 -MemoryStartupBytes 8GB -SwitchName 'VM-Traffic'
$name = 'CSV-FS02'
New-VM -Name $name -Generation 2 -MemoryStartupBytes 8GB -SwitchName 'VM-Traffic'
Add-VMNetworkAdapter -VMName $name -Name 'Old NIC' -IsLegacy $true -SwitchName 'VM-Traffic'
