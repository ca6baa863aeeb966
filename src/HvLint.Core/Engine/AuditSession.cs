using System.Collections.Generic;
using HvLint.Model;
using HvLint.Profiles;
using HvLint.Rules;

namespace HvLint.Engine
{
    /// <summary>
    /// Runs the catalog over an inventory that arrives host by host (or VM by VM for VMs that stand alone),
    /// so that readers can stream and memory stays bounded by the largest host, not the inventory.
    /// </summary>
    public sealed class AuditSession
    {
        private readonly FindingSink _sink;
        private readonly RuleSettings _settings;
        private readonly List<VirtualMachineRule> _vmRules;
        private readonly List<HostRule> _hostRules;
        private readonly List<KeyValuePair<RuleDescriptor, IInventoryObserver>> _observers;
        private readonly VirtualMachineContext _vmContext;
        private readonly HostContext _hostContext;

        private readonly bool _hostsUseTheirOwnRelease;
        private readonly SortedDictionary<string, HyperVProfile> _hostProfiles = new SortedDictionary<string, HyperVProfile>(System.StringComparer.Ordinal);

        /// <param name="hostsUseTheirOwnRelease">
        /// True when the profile was not forced (command line, configuration): a host whose operating system
        /// names a Hyper-V release is then checked, with its VMs, against that release.
        /// </param>
        public AuditSession(HyperVProfile profile, RuleSettings? settings = null, IEnumerable<Rule>? rules = null, bool hostsUseTheirOwnRelease = false)
        {
            Profile = profile;
            _hostsUseTheirOwnRelease = hostsUseTheirOwnRelease;
            _settings = settings ?? RuleSettings.Defaults;
            _sink = new FindingSink(_settings);
            _vmContext = new VirtualMachineContext(_sink, profile);
            _hostContext = new HostContext(_sink, profile);
            // The analyzers open a session per method: with the catalog and default settings, the rules are sorted
            // by kind once per process rather than once per session.
            RulesByKind byKind = rules == null && settings == null ? RulesByKind.Catalog : new RulesByKind(rules ?? RuleCatalog.Rules, _settings);
            _vmRules = byKind.VirtualMachineRules;
            _hostRules = byKind.HostRules;
            _observers = new List<KeyValuePair<RuleDescriptor, IInventoryObserver>>(byKind.InventoryRules.Count);
            foreach (InventoryRule rule in byKind.InventoryRules) _observers.Add(new KeyValuePair<RuleDescriptor, IInventoryObserver>(rule.Descriptor, rule.CreateObserver()));
        }

        private sealed class RulesByKind
        {
            public static readonly RulesByKind Catalog = new RulesByKind(RuleCatalog.Rules, RuleSettings.Defaults);

            public RulesByKind(IEnumerable<Rule> rules, RuleSettings settings)
            {
                foreach (Rule rule in rules)
                {
                    if (!settings.IsEnabled(rule.Descriptor)) continue;
                    switch (rule)
                    {
                        case VirtualMachineRule vmRule: VirtualMachineRules.Add(vmRule); break;
                        case HostRule hostRule: HostRules.Add(hostRule); break;
                        case InventoryRule inventoryRule: InventoryRules.Add(inventoryRule); break;
                    }
                }
            }

            public List<VirtualMachineRule> VirtualMachineRules { get; } = new List<VirtualMachineRule>();

            public List<HostRule> HostRules { get; } = new List<HostRule>();

            public List<InventoryRule> InventoryRules { get; } = new List<InventoryRule>();
        }

        public HyperVProfile Profile { get; }

        public int HostsAudited { get; private set; }

        /// <summary>Hosts checked against the release their OS names rather than <see cref="Profile"/>, by name.</summary>
        public IReadOnlyDictionary<string, HyperVProfile> HostProfiles => _hostProfiles;

        public int VirtualMachinesAudited { get; private set; }

        /// <summary>"hvlint-disable" directives found in the VMs' Notes.</summary>
        public List<Suppression> NoteSuppressions { get; } = new List<Suppression>();

        /// <summary>Audits a host and every VM placed on it.</summary>
        public void AuditHost(Host host)
        {
            HostsAudited++;
            HyperVProfile profile = Profile;
            if (_hostsUseTheirOwnRelease && host.OperatingSystem.IsKnown)
            {
                HyperVVersion? release = ProfileCatalog.VersionOfHostOperatingSystem(host.OperatingSystem.Value);
                if (release.HasValue)
                {
                    profile = ProfileCatalog.Get(release.Value);
                    if (profile != Profile) _hostProfiles[host.DisplayName] = profile;
                }
            }

            foreach (VirtualMachine vm in host.VirtualMachines.Items) AuditVirtualMachine(vm, host, profile);
            _hostContext.Reset(host, profile);
            foreach (HostRule rule in _hostRules)
            {
                _hostContext.Use(rule.Descriptor);
                rule.Check(_hostContext);
            }
        }

        /// <summary>Audits a VM that stands alone (a template, a definition not yet placed on a host).</summary>
        public void AuditVirtualMachine(VirtualMachine vm) => AuditVirtualMachine(vm, null, Profile);

        /// <summary>
        /// Audits a VM on a host that is known only in part (the virtual switches provisioning code creates): the VM rules
        /// see what is known of the host, and the host rules do not run, as the rest of the host is unknown.
        /// </summary>
        public void AuditVirtualMachine(VirtualMachine vm, Host host) => AuditVirtualMachine(vm, host, Profile);

        /// <summary>VMs whose configuration version needs a newer release than the one they would be checked against.</summary>
        public IReadOnlyDictionary<string, HyperVProfile> VirtualMachineProfiles => _vmProfiles;

        private readonly SortedDictionary<string, HyperVProfile> _vmProfiles = new SortedDictionary<string, HyperVProfile>(System.StringComparer.Ordinal);

        private void AuditVirtualMachine(VirtualMachine vm, Host? host, HyperVProfile profile)
        {
            // A configuration version is a fact about the VM's own platform: a 5.0 VM runs on 2012 R2 or later,
            // so checking it against an older release would report limits it never meets. Unless the user
            // chose the profile, such a VM is checked against the oldest release its version needs.
            if (_hostsUseTheirOwnRelease && vm.ConfigurationVersion.IsKnown
                && ProfileCatalog.OldestVersionForConfigurationVersion(vm.ConfigurationVersion.Value) is HyperVVersion needed && needed > profile.Version)
            {
                profile = ProfileCatalog.Get(needed);
                _vmProfiles[vm.DisplayName] = profile;
            }

            VirtualMachinesAudited++;
            if (vm.Notes.IsKnown) NoteSuppressions.AddRange(NotesDirectives.Parse(vm.DisplayName, vm.Notes));
            foreach (Fact<string> directive in vm.Directives) NoteSuppressions.AddRange(NotesDirectives.Parse(vm.DisplayName, directive));
            foreach (LineDirective directive in vm.LineDirectives) NoteSuppressions.AddRange(NotesDirectives.Parse(vm.DisplayName, directive));
            _vmContext.Reset(vm, host, profile);
            foreach (VirtualMachineRule rule in _vmRules)
            {
                _vmContext.Use(rule.Descriptor);
                rule.Check(_vmContext);
            }

            foreach (KeyValuePair<RuleDescriptor, IInventoryObserver> observer in _observers)
            {
                _vmContext.Use(observer.Key);
                observer.Value.Observe(_vmContext);
            }
        }

        /// <summary>Reports a problem with the input or the configuration (HV9xxx).</summary>
        public void ReportInputProblem(RuleDescriptor descriptor, SourceLocation location, string message)
        {
            _sink.Report(descriptor, location, message, "file:" + location.Path);
        }

        /// <summary>Ends the audit: inventory-wide rules report, and findings come back sorted and without duplicates.</summary>
        public IReadOnlyList<Finding> Complete()
        {
            foreach (KeyValuePair<RuleDescriptor, IInventoryObserver> observer in _observers) observer.Value.Complete(_sink);
            var sorted = new List<Finding>(_sink.Findings);
            sorted.Sort();
            var unique = new List<Finding>(sorted.Count);
            foreach (Finding f in sorted)
            {
                if (unique.Count > 0 && unique[unique.Count - 1].CompareTo(f) == 0) continue;
                unique.Add(f);
            }

            return unique;
        }
    }
}
