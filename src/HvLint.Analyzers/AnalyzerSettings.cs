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

        /// <summary>
        /// Types of the user's own whose AddCommand / AddParameter / AddArgument / AddStatement / AddScript methods build
        /// PowerShell commands as PowerShell's own do (hvlint.command_builders = Contoso.Hv.PsCommandBuilder): wrappers
        /// that record a command and replay it on a PowerShell object later.
        /// </summary>
        internal static System.Collections.Generic.List<string> CommandBuilders(AnalyzerOptions options)
        {
            var builders = new System.Collections.Generic.List<string>();
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("hvlint.command_builders", out string? value))
            {
                builders.AddRange(value.Split(new[] { ',', ';', ' ' }, System.StringSplitOptions.RemoveEmptyEntries));
            }

            return builders;
        }

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

            return options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(UnresolvedReferences, out string? value) && string.Equals(value.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The .editorconfig / global option key the CLI sets for code compiled without its references.</summary>
        public const string UnresolvedReferences = "hvlint.unresolved_references";

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
