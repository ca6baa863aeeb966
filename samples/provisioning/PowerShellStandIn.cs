// Stands in for the PowerShell SDK (Microsoft.PowerShell.SDK), which this repository's build machines cannot
// restore. A real provisioning tool references the SDK instead; the analyzers recognise the same type,
// System.Management.Automation.PowerShell, either way.
namespace System.Management.Automation
{
    public sealed class PowerShell : IDisposable
    {
        public static PowerShell Create() => new();
        public PowerShell AddCommand(string cmdlet) => this;
        public PowerShell AddParameter(string parameterName, object value) => this;
        public PowerShell AddParameter(string parameterName) => this;
        public PowerShell AddScript(string script) => this;
        public PowerShell AddStatement() => this;
        public void Invoke() => Console.WriteLine("(a real tool would run the commands on the Hyper-V host here)");
        public void Dispose() { }
    }
}
