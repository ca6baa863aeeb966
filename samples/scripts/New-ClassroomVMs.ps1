<#
.SYNOPSIS
    Builds the student VMs of one training room on the room's Hyper-V host (Windows Server 2012 R2): one VM per row
    of classroom.csv for that room. The training team keeps one file for all its rooms; each room is a network of
    its own, so the rooms reuse the same static MAC addresses.
.NOTES
    Columns: Room; Name; MemoryStartup; Vlan, the room's access VLAN; Mac, the static address the room's DHCP
    reservations expect.
#>
$room = 'B'
$students = Import-Csv -Path "$PSScriptRoot\classroom.csv" | Where-Object { $_.Room -eq $room }

foreach ($student in $students) {
    New-VM -Name $student.Name -Generation 2 -MemoryStartupBytes $student.MemoryStartup -NoVHD -SwitchName 'Classroom'
    Set-VMNetworkAdapter -VMName $student.Name -StaticMacAddress $student.Mac
    Set-VMNetworkAdapterVlan -VMName $student.Name -Access -VlanId $student.Vlan
}
