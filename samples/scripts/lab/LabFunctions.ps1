# Shared by the lab's build scripts, which dot-source it.
$LabSwitch = 'Lab'
$LabDisks = 'D:\Lab'

function New-LabVM {
    param(
        [Parameter(Mandatory)][string]$Name,
        [int]$ProcessorCount = 2,
        [string]$BootDevice = 'VHD'
    )
    New-VM -Name $Name -Generation 2 -MemoryStartupBytes 2GB -SwitchName $LabSwitch `
        -NewVHDPath "$LabDisks\$Name.vhdx" -NewVHDSizeBytes 60GB -BootDevice $BootDevice
    Set-VMProcessor -VMName $Name -Count $ProcessorCount
}
