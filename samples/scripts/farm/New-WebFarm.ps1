# Builds the branch web farm from vms.psd1: Generation 2 VMs, but Generation 1 (Legacy) for an image that installs
# over PXE through the legacy network adapter.
$farm = Import-PowerShellDataFile -Path "$PSScriptRoot\vms.psd1"
foreach ($vm in $farm.VMs) {
    $params = @{ Name = $vm.Name; Generation = 2; MemoryStartupBytes = 4GB; SwitchName = $farm.Switch }
    if ($vm.Legacy) { $params.Generation = 1 }
    New-VM @params
    Set-VMProcessor -VMName $vm.Name -Count $vm.Cpu
    if ($vm.Pxe) {
        Add-VMNetworkAdapter -VMName $vm.Name -Name 'PXE' -IsLegacy $true -SwitchName $farm.Switch
        Set-VMBios -VMName $vm.Name -StartupOrder @('LegacyNetworkAdapter', 'IDE', 'CD', 'Floppy')
    }
}
