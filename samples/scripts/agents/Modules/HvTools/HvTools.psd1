@{
    RootModule        = 'HvTools.psm1'
    ModuleVersion     = '1.2.0'
    Description       = 'The CI team''s Hyper-V helpers'
    # The adapters' helpers live in a module of their own.
    NestedModules     = @('Network.psm1')
    FunctionsToExport = @('New-AgentVM', 'Add-AgentNic')
}
