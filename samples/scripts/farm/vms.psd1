# The branch office's web farm, kept by the platform team; New-WebFarm.ps1 reads it with Import-PowerShellDataFile.
@{
    Switch = 'Branch-External'
    VMs    = @(
        @{ Name = 'df-web01'; Cpu = 4 }
        @{ Name = 'df-web02'; Cpu = 72 }    # sized like the database host it replaced
        # The kiosk image installs over PXE, which a Generation 1 VM does through the legacy adapter only.
        @{ Name = 'df-kiosk01'; Cpu = 2; Legacy = $true; Pxe = $true }
        @{ Name = 'df-kiosk02'; Cpu = 2; Pxe = $true }      # added later, without Legacy
    )
}
