using HvLint.Model;

namespace HvLint.Rules
{
    /// <summary>Diagnostics about HvLint's own inputs (HV9xxx): reported by readers and the configuration loader.</summary>
    public static class ToolDiagnostics
    {
        public static RuleDescriptor InputUnreadable { get; } = RuleDescriptor.Create(
            RuleIds.InputUnreadable, "InputUnreadable", "Input unreadable", RuleCategory.Tool, Severity.Error,
            "A file could not be read: it is malformed, in the wrong encoding, declares a DTD, holds a value of the wrong type or an unknown enumeration value, or is in no format HvLint knows. The rest of the inputs are still audited and the run ends with exit code 2.");

        public static RuleDescriptor ExportTruncatedOrAmbiguous { get; } = RuleDescriptor.Create(
            RuleIds.ExportTruncatedOrAmbiguous, "ExportTruncatedOrAmbiguous", "Export truncated or ambiguous", RuleCategory.Tool, Severity.Warning,
            "An export holds values that stand for data that was not written, such as type names where ConvertTo-Json stopped at its depth limit. Those values are treated as unknown, so rules that need them stay silent.");

        public static RuleDescriptor InvalidConfiguration { get; } = RuleDescriptor.Create(
            RuleIds.InvalidConfiguration, "InvalidConfiguration", "Invalid HvLint configuration", RuleCategory.Tool, Severity.Error,
            "The HvLint configuration (command-line option, hvlint.json, or a rule setting) names something HvLint does not know or has a value of the wrong type. HvLint does not fall back to a silent default.");
    }
}
