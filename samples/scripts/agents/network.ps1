# The CI network: its switch, and the VLAN the agents' traffic is tagged with.
$AgentSwitch = 'CI-External'
$AgentVlan = 4210
