using System.Collections.Generic;
using HvLint.Model;
using HvLint.Rules;

namespace HvLint.Engine
{
    /// <summary>Collects findings, applying the configured severities; a rule turned off reports nothing.</summary>
    public sealed class FindingSink
    {
        private readonly List<Finding> _findings = new List<Finding>();
        private readonly RuleSettings _settings;

        public FindingSink(RuleSettings settings)
        {
            _settings = settings;
        }

        public IReadOnlyList<Finding> Findings => _findings;

        public void Report(RuleDescriptor descriptor, SourceLocation location, string message, string subject, Severity? severity = null, IReadOnlyDictionary<string, string>? properties = null)
        {
            Severity effective = _settings.Effective(descriptor, severity ?? descriptor.DefaultSeverity);
            if (effective == Severity.None) return;
            var finding = new Finding(descriptor, effective, message, location, subject);
            if (properties != null) finding.Properties = properties;
            _findings.Add(finding);
        }

        public void Add(Finding finding) => _findings.Add(finding);
    }
}
