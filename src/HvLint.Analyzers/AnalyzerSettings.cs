using HvLint.Profiles;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HvLint.Analyzers
{
    /// <summary>The Hyper-V release to check against: HvLintProfile in the project, or hvlint.profile in .editorconfig.</summary>
    public static class AnalyzerSettings
    {
        /// <summary>Names of the user's own methods whose first argument is PowerShell script text (hvlint.script_sinks = Run, RunScript).</summary>
        internal static System.Collections.Generic.HashSet<string> ScriptSinks(AnalyzerOptions options)
        {
            var sinks = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            foreach (string sink in ListOption(options, "hvlint.script_sinks")) sinks.Add(SimpleName(sink));
            return sinks;
        }

        /// <summary>
        /// Types of the user's own whose AddCommand / AddParameter / AddArgument / AddStatement / AddScript methods build
        /// PowerShell commands as PowerShell's own do (hvlint.command_builders = Contoso.Hv.PsCommandBuilder): wrappers
        /// that record a command and replay it on a PowerShell object later.
        /// </summary>
        internal static string[] CommandBuilders(AnalyzerOptions options) => ListOption(options, "hvlint.command_builders");

        /// <summary>"Contoso.Hv.Runner.Run" and "Run" both name Run.</summary>
        internal static string SimpleName(string name) => name.Substring(name.LastIndexOf('.') + 1);

        /// <summary>A global option that lists names, separated by commas, semicolons or spaces.</summary>
        private static string[] ListOption(AnalyzerOptions options, string key) =>
            options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out string? value)
                ? value.Split(new[] { ',', ';', ' ' }, System.StringSplitOptions.RemoveEmptyEntries)
                : new string[0];

        /// <summary>
        /// Whether the compilation can use a provisioning API: one of its types resolves, or the code is compiled
        /// without its references (the CLI says so with hvlint.unresolved_references = true) and is then read by
        /// the APIs' names. Other compilations are left at once.
        /// </summary>
        internal static bool MayUse(Microsoft.CodeAnalysis.Compilation compilation, AnalyzerOptions options, params string[] metadataNames)
        {
            foreach (string name in metadataNames)
            {
                if (compilation.GetTypeByMetadataName(name) != null) return true;
            }

            return IsSet(options, UnresolvedReferences);
        }

        /// <summary>The .editorconfig / global option key the CLI sets for code compiled without its references.</summary>
        public const string UnresolvedReferences = "hvlint.unresolved_references";

        /// <summary>
        /// The global option key the CLI sets to have the findings an in-source directive disables reported anyway, so
        /// that it applies the directive itself and counts them as suppressed, as it does for every other input.
        /// </summary>
        public const string KeepSuppressed = "hvlint.keep_suppressed";

        internal static bool IsSet(AnalyzerOptions options, string key) =>
            options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out string? value) && string.Equals(value.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);

        internal static HyperVProfile? Profile(AnalyzerOptions options, out string? invalid)
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
