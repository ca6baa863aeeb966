function New-AgentVM {
    param(
        [Parameter(Mandatory)][string]$Name,
        [int]$Cpus = 2,
        [string]$SwitchName,
        [int]$VlanId
    )
    New-VM -Name $Name -Generation 2 -MemoryStartupBytes 8GB -SwitchName $SwitchName
    Set-VMProcessor -VMName $Name -Count $Cpus
    Set-VMNetworkAdapterVlan -VMName $Name -Access -VlanId $VlanId
}
