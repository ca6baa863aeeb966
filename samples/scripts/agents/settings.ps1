# The farm's agents. The network settings are shared with the farm's other scripts, in network.ps1.
$AgentNames = 'bld-agent01', 'bld-agent02', 'bld-gpu01'
$AgentCpus = 4
. "$PSScriptRoot\network.ps1"
