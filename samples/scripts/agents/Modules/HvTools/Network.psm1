function Add-AgentNic {
    param(
        [Parameter(Mandatory)][string]$VMName,
        [switch]$Legacy
    )
    if ($Legacy) {
        Add-VMNetworkAdapter -VMName $VMName -SwitchName 'CI-Internal' -IsLegacy $true
    }
    else {
        Add-VMNetworkAdapter -VMName $VMName -SwitchName 'CI-Internal'
    }
}
