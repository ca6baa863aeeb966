using System;
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
