using System;
using System.Collections.Generic;
using HvLint.Model;
using HvLint.Rules;

namespace HvLint.Engine
{
    /// <summary>Per-rule severity overrides (configuration file, .editorconfig). <see cref="Severity.None"/> turns a rule off.</summary>
    public sealed class RuleSettings
    {
        private readonly Dictionary<string, Severity> _severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);

        public static RuleSettings Defaults { get; } = new RuleSettings();

        public void SetSeverity(string ruleId, Severity severity) => _severities[ruleId] = severity;

        public bool TryGetSeverity(string ruleId, out Severity severity) => _severities.TryGetValue(ruleId, out severity);

        /// <summary>The severity a finding is reported with: the configured one, else what the rule chose.</summary>
        public Severity Effective(RuleDescriptor descriptor, Severity ruleChosen) =>
            _severities.TryGetValue(descriptor.Id, out Severity configured) ? configured : ruleChosen;

        public bool IsEnabled(RuleDescriptor descriptor) =>
            !_severities.TryGetValue(descriptor.Id, out Severity configured) || configured != Severity.None;
    }
}
