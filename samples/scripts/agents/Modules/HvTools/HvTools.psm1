# One script per public function, kept in Public\ as the team's other modules keep them.
. "$PSScriptRoot\Public\New-AgentVM.ps1"
