<#
.SYNOPSIS
    Builds the test lab that lab.json describes on the lab's Hyper-V host (Windows Server 2016), with the functions
    the lab's build scripts share in LabFunctions.ps1.
#>
. "$PSScriptRoot\LabFunctions.ps1"
$lab = Get-Content -Path "$PSScriptRoot\lab.json" -Raw | ConvertFrom-Json

foreach ($vm in $lab.VMs) {
    New-LabVM -Name $vm.Name -ProcessorCount $vm.ProcessorCount -BootDevice $vm.BootDevice
}
