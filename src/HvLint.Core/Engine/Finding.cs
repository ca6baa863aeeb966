using System;
using System.Collections.Generic;
using HvLint.Model;
using HvLint.Rules;

namespace HvLint.Engine
{
    /// <summary>One thing HvLint found: a rule, a severity, a message that names the values, and where.</summary>
    public sealed class Finding : IComparable<Finding>
    {
        public Finding(RuleDescriptor descriptor, Severity severity, string message, SourceLocation location, string subject)
        {
            Descriptor = descriptor;
            Severity = severity;
            Message = message;
            Location = location;
            Subject = subject ?? string.Empty;
        }

        public RuleDescriptor Descriptor { get; }

        public string RuleId => Descriptor.Id;

        public Severity Severity { get; }

        public string Message { get; }

        public SourceLocation Location { get; }

        /// <summary>
        /// What the finding is about, independent of line numbers ("vm:sql01/adapter:Legacy Network Adapter"):
        /// with the file and the rule it identifies a finding across edits (baselines, SARIF fingerprints).
        /// </summary>
        public string Subject { get; }

        /// <summary>Why the finding is not reported, when a suppression matched it; null for an active finding.</summary>
        public Suppression? Suppression { get; private set; }

        /// <summary>The owner of the subject: "vm:sql01" for "vm:sql01/adapter:Legacy Network Adapter".</summary>
        public string Owner
        {
            get
            {
                int slash = Subject.IndexOf('/');
                return slash < 0 ? Subject : Subject.Substring(0, slash);
            }
        }

        /// <summary>
        /// What a fix needs to know, beyond the message: for example "maximum" = "4" on HV1001. Not part of the
        /// finding's identity; code fixes read it through the diagnostic's properties.
        /// </summary>
        public IReadOnlyDictionary<string, string> Properties { get; internal set; } = NoProperties;

        private static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>();

        internal Finding Suppressed(Suppression suppression) => new Finding(Descriptor, Severity, Message, Location, Subject) { Suppression = suppression, Properties = Properties };

        internal Finding WithNote(string note) => new Finding(Descriptor, Severity, Message + " " + note, Location, Subject) { Properties = Properties };

        public int CompareTo(Finding? other)
        {
            if (other is null) return 1;
            int c = Location.CompareTo(other.Location);
            if (c != 0) return c;
            c = string.CompareOrdinal(RuleId, other.RuleId);
            if (c != 0) return c;
            c = string.CompareOrdinal(Message, other.Message);
            return c != 0 ? c : string.CompareOrdinal(Subject, other.Subject);
        }

        public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {RuleId}: {Message}";
    }
}
