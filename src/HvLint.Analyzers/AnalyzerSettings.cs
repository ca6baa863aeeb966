using HvLint.Profiles;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HvLint.Analyzers
{
    /// <summary>The Hyper-V release to check against: HvLintProfile in the project, or hvlint.profile in .editorconfig.</summary>
    internal static class AnalyzerSettings
    {
        /// <summary>Names of the user's own methods whose first argument is PowerShell script text (hvlint.script_sinks = Run, RunScript).</summary>
        public static System.Collections.Generic.HashSet<string> ScriptSinks(AnalyzerOptions options)
        {
            var sinks = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("hvlint.script_sinks", out string? value))
            {
                foreach (string part in value.Split(new[] { ',', ';', ' ' }, System.StringSplitOptions.RemoveEmptyEntries))
                {
                    // "Contoso.Hv.Runner.Run" and "Run" both name the method Run.
                    int dot = part.LastIndexOf('.');
                    sinks.Add(dot >= 0 ? part.Substring(dot + 1) : part);
                }
            }

            return sinks;
        }

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
