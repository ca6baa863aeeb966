using System.Collections.Generic;
using System.Globalization;
using HvLint.Model;
using HvLint.Profiles;
using HvLint.Rules;

namespace HvLint.Engine
{
    /// <summary>What a <see cref="VirtualMachineRule"/> sees: the VM, its host (if placed) and the profile.</summary>
    public sealed class VirtualMachineContext
    {
        private readonly FindingSink _sink;
        private RuleDescriptor _descriptor = null!;

        internal VirtualMachineContext(FindingSink sink, HyperVProfile profile)
        {
            _sink = sink;
            Profile = profile;
        }

        public VirtualMachine VirtualMachine { get; private set; } = null!;

        /// <summary>Null for a VM that stands alone (a template or a definition not yet placed).</summary>
        public Host? Host { get; private set; }

        /// <summary>The release whose limits apply: the run's profile, or the VM's host's own release.</summary>
        public HyperVProfile Profile { get; private set; }

        /// <summary>
        /// The VM's generation: as stated, or 1 when the profile's release has no Generation 2 (2008 to 2012);
        /// null when neither tells.
        /// </summary>
        public int? Generation => VirtualMachine.Generation.IsKnown ? VirtualMachine.Generation.Value : Profile.SupportsGeneration2 ? (int?)null : 1;

        /// <summary>"vm:sql01" — the VM's identity for fingerprints and baselines.</summary>
        public string Subject => "vm:" + VirtualMachine.DisplayName;

        internal void Reset(VirtualMachine vm, Host? host, HyperVProfile profile)
        {
            VirtualMachine = vm;
            Host = host;
            Profile = profile;
        }

        internal void Use(RuleDescriptor descriptor) => _descriptor = descriptor;

        /// <summary>Reports at <paramref name="location"/>, or at the VM when the location has no position.</summary>
        public void Report(SourceLocation location, string message, string? element = null, Severity? severity = null, IReadOnlyDictionary<string, string>? properties = null)
        {
            SourceLocation at = location.HasPosition ? location : VirtualMachine.Location;
            _sink.Report(_descriptor, at, message, element == null ? Subject : Subject + "/" + element, severity, properties);
        }

        /// <summary>"VM 'sql01'" — how messages name the VM.</summary>
        public string VmLabel => "VM '" + VirtualMachine.DisplayName + "'";

        public static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }

    /// <summary>What a <see cref="HostRule"/> sees: the host with the VMs placed on it, and the profile.</summary>
    public sealed class HostContext
    {
        private readonly FindingSink _sink;
        private RuleDescriptor _descriptor = null!;

        internal HostContext(FindingSink sink, HyperVProfile profile)
        {
            _sink = sink;
            Profile = profile;
        }

        public Host Host { get; private set; } = null!;

        public HyperVProfile Profile { get; private set; }

        public string Subject => "host:" + Host.DisplayName;

        public string HostLabel => "Host '" + Host.DisplayName + "'";

        internal void Reset(Host host, HyperVProfile profile)
        {
            Host = host;
            Profile = profile;
        }

        internal void Use(RuleDescriptor descriptor) => _descriptor = descriptor;

        public void Report(SourceLocation location, string message, string? element = null, Severity? severity = null)
        {
            SourceLocation at = location.HasPosition ? location : Host.Location;
            _sink.Report(_descriptor, at, message, element == null ? Subject : Subject + "/" + element, severity);
        }
    }
}
