<#
.SYNOPSIS
    Builds the training room's student VMs on its Hyper-V host (Windows Server 2012 R2): one VM per row of
    classroom.csv, which the training team keeps.
.NOTES
    Columns: Name; MemoryStartup; Vlan, the room's access VLAN; Mac, the static address the room's DHCP
    reservations expect.
#>
$students = Import-Csv -Path "$PSScriptRoot\classroom.csv"

foreach ($student in $students) {
    New-VM -Name $student.Name -Generation 2 -MemoryStartupBytes $student.MemoryStartup -NoVHD -SwitchName 'Classroom'
    Set-VMNetworkAdapter -VMName $student.Name -StaticMacAddress $student.Mac
    Set-VMNetworkAdapterVlan -VMName $student.Name -Access -VlanId $student.Vlan
}
