# The build agents. The licence server knows each agent by the MAC address of its adapter, so the addresses are static.
New-VM -Name 'ci-agent01' -MemoryStartupBytes 4GB -SwitchName 'Build'
Set-VMNetworkAdapter -VMName 'ci-agent01' -StaticMacAddress '00155D3C0A10'

# Copied from the lines above when the second agent was added.
New-VM -Name 'ci-agent02' -MemoryStartupBytes 4GB -SwitchName 'Build'
Set-VMNetworkAdapter -VMName 'ci-agent02' -StaticMacAddress '00155D3C0A10'
