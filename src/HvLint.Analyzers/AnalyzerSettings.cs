using HvLint.Profiles;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HvLint.Analyzers
{
    /// <summary>The Hyper-V release to check against: HvLintProfile in the project, or hvlint.profile in .editorconfig.</summary>
    internal static class AnalyzerSettings
    {
        public static HyperVProfile? Profile(AnalyzerOptions options, out string? invalid)
        {
            invalid = null;
            AnalyzerConfigOptions global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            string? value = null;
            if (global.TryGetValue("build_property.HvLintProfile", out string? property) && !string.IsNullOrWhiteSpace(property)) value = property;
            else if (global.TryGetValue("hvlint.profile", out string? editorConfig) && !string.IsNullOrWhiteSpace(editorConfig)) value = editorConfig;
            if (value == null) return null;
            HyperVProfile? profile = ProfileCatalog.Find(value.Trim());
            if (profile == null) invalid = value.Trim();
            return profile;
        }
    }
}
