<#
.SYNOPSIS
    Builds the branch office's VMs on its Hyper-V host (Windows Server 2012 R2).
.NOTES
    Run once per branch, elevated, on the host itself.
#>
[CmdletBinding()]
param(
    [string]$VMPath = 'D:\Hyper-V',
    [string]$SwitchName = 'Branch-External'
)

$ErrorActionPreference = 'Stop'

# The deployment server installs itself over PXE from the head office's WDS.
New-VM -Name 'br-wds01' -Generation 1 -MemoryStartupBytes 2GB -Path $VMPath `
    -NewVHDPath "$VMPath\br-wds01\os.vhdx" -NewVHDSizeBytes 80GB -SwitchName $SwitchName
Set-VMBios -VMName 'br-wds01' -StartupOrder @('LegacyNetworkAdapter', 'IDE', 'CD', 'Floppy')

# File servers: Generation 2, installed over PXE from their synthetic adapter.
function New-BranchFileServer {
    param(
        [Parameter(Mandatory)][string]$Name,
        [int]$ProcessorCount = 4
    )
    New-VM -Name $Name -Generation 2 -MemoryStartupBytes 4GB -Path $VMPath `
        -NewVHDPath "$VMPath\$Name\os.vhdx" -NewVHDSizeBytes 127GB -SwitchName $SwitchName
    Set-VMProcessor -VMName $Name -Count $ProcessorCount
    Set-VMFirmware -VMName $Name -FirstBootDevice (Get-VMNetworkAdapter -VMName $Name)
}

New-BranchFileServer -Name 'br-fs01'
New-BranchFileServer -Name 'br-fs02' -ProcessorCount 2

# br-fs02 froze during the nightly backup once; the VSS requestor was turned off "for now".
Disable-VMIntegrationService -VMName 'br-fs02' -Name 'VSS'

# The point-of-sale server's vendor image expects the old DEC 21140 adapter.
New-VM -Name 'br-pos01' -Generation 2 -MemoryStartupBytes 2GB -Path $VMPath -NoVHD -SwitchName $SwitchName
Add-VMNetworkAdapter -VMName 'br-pos01' -Name 'Vendor NIC' -IsLegacy $true -SwitchName $SwitchName

$notes = @"
Built by New-BranchVMs.ps1 on $(Get-Date -Format d).
To rebuild the POS server: New-VM -Name br-pos01 -Generation 1
"@
Set-VM -Name 'br-pos01' -Notes $notes
