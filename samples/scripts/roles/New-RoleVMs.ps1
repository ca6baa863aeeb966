# Builds the site's VMs role by role: each role's instances are named SITE-ROLE01, SITE-ROLE02, ... and take the
# role's processors; the database gets more memory, and the deployment server boots Generation 1 from the network.
$site = 'RS'

$roles = @(
    @{ Role = 'WEB'; Instances = 2; Cpu = 2 }
    @{ Role = 'SQL'; Instances = 1; Cpu = 72 }
    @{ Role = 'WDS'; Instances = 1; Cpu = 2 }
)

foreach ($role in $roles) {
    for ($n = 1; $n -le $role.Instances; $n++) {
        $name = '{0}-{1}{2:D2}' -f $site, $role.Role, $n
        $vm = [ordered]@{ Name = $name; Generation = 2; MemoryStartupBytes = 4GB; SwitchName = 'Site' }
        switch ($role.Role) {
            'SQL' { $vm.MemoryStartupBytes = 16GB }
            'WDS' { $vm.Generation = 1 }
        }

        New-VM @vm
        Set-VMProcessor -VMName $name -Count $role.Cpu
        if ($role.Role -eq 'WDS') {
            Set-VMBios -VMName $name -StartupOrder @('LegacyNetworkAdapter', 'IDE', 'CD', 'Floppy')
        }
    }
}
