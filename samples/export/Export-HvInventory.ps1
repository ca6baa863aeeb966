<#
.SYNOPSIS
    Collects what HvLint needs from one Hyper-V host, read-only, into one folder per host.

.DESCRIPTION
    Runs the Hyper-V cmdlets for the host and every VM and writes each result with ConvertTo-Json -Depth 5.
    It changes nothing on the host and interprets nothing: all interpretation happens in HvLint's readers.
    Works on Windows PowerShell 5.1 and PowerShell 7, on Windows Server 2012 and later (the Hyper-V module).
    On 2008 R2 there is no Hyper-V module: export each VM's configuration XML from
    "Virtual Machines\<GUID>.xml" instead, which HvLint also reads.

.EXAMPLE
    .\Export-HvInventory.ps1 -Path C:\hvlint-export
    hvlint audit C:\hvlint-export
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Path,
    [string] $ComputerName = $env:COMPUTERNAME
)
$ErrorActionPreference = 'Stop'
$folder = Join-Path $Path $ComputerName
New-Item -ItemType Directory -Force -Path $folder | Out-Null

function Save($Name, $Data) {
    # Always an array, even for one object or none, so every file has the same shape.
    ConvertTo-Json -InputObject @($Data) -Depth 5 | Set-Content -Encoding UTF8 -Path (Join-Path $folder "$Name.json")
}

$vms = @(Get-VM -ComputerName $ComputerName)
Save 'host'          (Get-VMHost -ComputerName $ComputerName)
Save 'os'            (Get-CimInstance -ComputerName $ComputerName Win32_OperatingSystem | Select-Object Caption, Version, OSArchitecture, CSName, SystemDrive)
Save 'switches'      (Get-VMSwitch -ComputerName $ComputerName)
Save 'netadapters'   (Get-NetAdapter -CimSession $ComputerName -Physical | Select-Object Name, InterfaceDescription, ifIndex, Status, LinkSpeed, Speed, MacAddress, @{ n = 'ComputerName'; e = { $ComputerName } })
Save 'hostvnics'     (Get-VMNetworkAdapter -ComputerName $ComputerName -ManagementOS)
Save 'vms'           $vms
Save 'adapters'      ($vms | Get-VMNetworkAdapter)
Save 'harddrives'    ($vms | Get-VMHardDiskDrive)
# The disk files' type and format (Get-VMHardDiskDrive does not say them); pass-through disks have no file.
Save 'vhds'          ($vms | Get-VMHardDiskDrive | Where-Object { $_.Path -and $null -eq $_.DiskNumber } |
                      ForEach-Object { Get-VHD -ComputerName $ComputerName -Path $_.Path -ErrorAction Continue } |
                      Select-Object ComputerName, Path, VhdFormat, VhdType, Size, FileSize, ParentPath)
Save 'dvddrives'     ($vms | Get-VMDvdDrive)
Save 'processors'    ($vms | Get-VMProcessor)
Save 'memory'        ($vms | Get-VMMemory)
Save 'integration'   ($vms | Get-VMIntegrationService)
Save 'snapshots'     ($vms | Get-VMSnapshot)
Save 'bios'          ($vms | Where-Object Generation -eq 1 | Get-VMBios)
Save 'firmware'      ($vms | Where-Object Generation -eq 2 | Get-VMFirmware)

# Guest operating system from KVP (running VMs with the Key-Value Pair Exchange service only).
$kvp = foreach ($vm in $vms | Where-Object State -eq 'Running') {
    $system = Get-CimInstance -ComputerName $ComputerName -Namespace root\virtualization\v2 -ClassName Msvm_ComputerSystem -Filter "Name='$($vm.Id)'"
    $exchange = Get-CimAssociatedInstance -InputObject $system -ResultClassName Msvm_KvpExchangeComponent
    $items = [ordered]@{}
    foreach ($xml in @($exchange.GuestIntrinsicExchangeItems)) {
        $doc = [xml]$xml
        $name = ($doc.INSTANCE.PROPERTY | Where-Object NAME -eq 'Name').VALUE
        $data = ($doc.INSTANCE.PROPERTY | Where-Object NAME -eq 'Data').VALUE
        $items[$name] = $data
    }
    [pscustomobject]@{ VMName = $vm.Name; VMId = $vm.Id.ToString(); ComputerName = $ComputerName; GuestIntrinsicExchangeItems = $items }
}
Save 'kvp' $kvp
Write-Host "Exported $($vms.Count) VMs to $folder"
