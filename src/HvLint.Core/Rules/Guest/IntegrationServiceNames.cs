using System;

namespace HvLint.Rules.Guest
{
    /// <summary>
    /// Integration service names as Get-VMIntegrationService writes them (hyperv-facts.md §3.1), with the
    /// other spellings inputs use, so rules compare canonical names.
    /// </summary>
    public static class IntegrationServiceNames
    {
        public const string Heartbeat = "Heartbeat";
        public const string Shutdown = "Shutdown";
        public const string TimeSynchronization = "Time Synchronization";
        public const string KeyValuePairExchange = "Key-Value Pair Exchange";
        public const string Vss = "VSS";
        public const string GuestServiceInterface = "Guest Service Interface";

        /// <summary>The canonical name for any known spelling; the input's own text otherwise.</summary>
        public static string Canonical(string name) => Cache.Get(name);

        private static readonly Model.NameCache<string> Cache = new Model.NameCache<string>(Compute);

        private static string Compute(string name)
        {
            string n = name.Replace(" ", string.Empty).Replace("-", string.Empty).Replace("_", string.Empty).ToLowerInvariant();
            switch (n)
            {
                case "heartbeat": case "vmicheartbeat": case "microsoftheartbeatcomponent": return Heartbeat;
                case "shutdown": case "vmicshutdown": case "microsoftshutdowncomponent": case "operatingsystemshutdown": return Shutdown;
                case "timesynchronization": case "timesync": case "vmictimesync": case "microsofttimesynchronizationcomponent": return TimeSynchronization;
                case "keyvaluepairexchange": case "kvp": case "kvpexchange": case "vmickvpexchange": case "microsoftkeyvaluepairexchangecomponent": case "dataexchange": return KeyValuePairExchange;
                case "vss": case "backup": case "backup(volumeshadowcopy)": case "backupvolumeshadowcopy": case "vmicvss": case "microsoftvsscomponent": return Vss;
                case "guestserviceinterface": case "guestservices": case "vmicguestinterface": case "microsoftguestinterfacecomponent": return GuestServiceInterface;
                default: return name;
            }
        }

        public static bool Is(string name, string canonical) => string.Equals(Canonical(name), canonical, StringComparison.Ordinal);
    }
}
