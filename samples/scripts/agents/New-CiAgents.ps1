<#
.SYNOPSIS
    Builds the CI farm's build agents on its Hyper-V host (Windows Server 2012 R2) with HvTools, the team's module,
    which the repository keeps beside the script rather than installing it on every host.
#>
$env:PSModulePath = "$PSScriptRoot\Modules;$env:PSModulePath"
Import-Module HvTools
. "$PSScriptRoot\settings.ps1"

foreach ($name in $AgentNames) {
    New-AgentVM -Name $name -Cpus $AgentCpus -SwitchName $AgentSwitch -VlanId $AgentVlan
}

# The GPU agent's image still installs itself from the old PXE server, which was thought to need a legacy adapter.
Add-AgentNic -VMName 'bld-gpu01' -Legacy
