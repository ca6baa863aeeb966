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
        private readonly bool _readOnly;

        public RuleSettings()
        {
        }

        private RuleSettings(bool readOnly) => _readOnly = readOnly;

        /// <summary>
        /// Every rule at the severity it chooses. Shared by every audit that sets nothing (and the engine sorts the
        /// catalog by kind once for it), so it cannot be changed: a configuration builds its own settings.
        /// </summary>
        public static RuleSettings Defaults { get; } = new RuleSettings(readOnly: true);

        public void SetSeverity(string ruleId, Severity severity)
        {
            if (_readOnly) throw new InvalidOperationException("RuleSettings.Defaults is shared by every audit and cannot be changed; set severities on a new RuleSettings.");
            _severities[ruleId] = severity;
        }

        public bool TryGetSeverity(string ruleId, out Severity severity) => _severities.TryGetValue(ruleId, out severity);

        /// <summary>The severity a finding is reported with: the configured one, else what the rule chose.</summary>
        public Severity Effective(RuleDescriptor descriptor, Severity ruleChosen) =>
            _severities.TryGetValue(descriptor.Id, out Severity configured) ? configured : ruleChosen;

        public bool IsEnabled(RuleDescriptor descriptor) =>
            !_severities.TryGetValue(descriptor.Id, out Severity configured) || configured != Severity.None;
    }
}
