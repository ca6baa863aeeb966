namespace HvLint.Analyzers
{
    /// <summary>
    /// Told each VM the code or a script creates or changes, by name, as the analyzers audit it. The CLI's analyzer
    /// options implement it, so that an audit's summary can count the VMs in code beside those in VM files; a build's
    /// options do not, and the analyzers then count nothing.
    /// </summary>
    public interface IVirtualMachineCounter
    {
        /// <param name="name">The VM's name as findings give it: a literal, or the symbol that holds it ({vmName}).</param>
        void Audited(string name);
    }
}
