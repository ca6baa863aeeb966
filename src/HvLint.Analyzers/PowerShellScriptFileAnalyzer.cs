using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HvLint.Engine;
using HvLint.Model;
using HvLint.Profiles;
using HvLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HvLint.Analyzers
{
    /// <summary>
    /// PowerShell provisioning scripts (*.ps1 AdditionalFiles: hvlint/**/*.ps1 in a build, and every .ps1 the CLI
    /// audits): the Hyper-V cmdlets a script runs, read as script text given to AddScript is, build the same partial
    /// VM models and run through the same engine, with findings at their line and column in the script. A script run
    /// on its own gets its parameters from whoever runs it, so a parameter is unknown, its default included. A comment
    /// "hvlint-disable HV3003, HV6002: reason" in the script disables those rules for it, as an XML comment does for a
    /// VM's configuration file.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PowerShellScriptFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => HvLintDescriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(Analyze);
        }

        // ". .\lib.ps1" at the start of a statement: a line, or after ';' or '{'.
        private static readonly System.Text.RegularExpressions.Regex DotSource = new System.Text.RegularExpressions.Regex(@"(?:^|[\r\n;{])[ \t]*\.[ \t]", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        // Get-Content or one of its aliases as a command (gc .\vms.txt), which may read a list of names.
        private static readonly System.Text.RegularExpressions.Regex ReadsLines = new System.Text.RegularExpressions.Regex(@"(?i)\b(?:Get-Content|gc|cat|type)[ \t]", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>Whether <paramref name="path"/> is a PowerShell script (.ps1), which a script may dot-source; a module (.psm1) it imports instead.</summary>
        public static bool IsScript(string path) => path.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether HvLint audits <paramref name="path"/> on its own: a script, or a module (.psm1), whose functions are read where they are written, their parameters unknown.</summary>
        public static bool IsAudited(string path) => IsScript(path) || path.EndsWith(".psm1", StringComparison.OrdinalIgnoreCase);

        // A module manifest's root module: RootModule = 'LabTools.psm1' (ModuleToProcess in PowerShell 2.0's manifests).
        private static readonly System.Text.RegularExpressions.Regex RootModuleEntry = new System.Text.RegularExpressions.Regex(
            @"(?im)(?:^|[{;])[ \t]*(?:RootModule|ModuleToProcess)[ \t]*=[ \t]*['""]([^'""\r\n]+)['""]", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>
        /// The script module a module manifest (.psd1, at <paramref name="manifestPath"/>) loads: its RootModule, beside
        /// it, when that is a .psm1; null for a manifest of a binary module or of none.
        /// </summary>
        public static string? RootModuleOf(string manifestPath, string manifestText)
        {
            System.Text.RegularExpressions.Match m = RootModuleEntry.Match(manifestText);
            if (!m.Success || !m.Groups[1].Value.EndsWith(".psm1", StringComparison.OrdinalIgnoreCase)) return null;
            int slash = manifestPath.LastIndexOfAny(new[] { '\\', '/' });
            return (slash >= 0 ? manifestPath.Substring(0, slash + 1) : string.Empty) + m.Groups[1].Value.Trim();
        }

        // A module manifest's nested modules: NestedModules = @('Private\Helpers.psm1', 'Public.ps1'), or one name.
        private static readonly System.Text.RegularExpressions.Regex NestedModulesEntry = new System.Text.RegularExpressions.Regex(
            @"(?im)(?:^|[{;])[ \t]*NestedModules[ \t]*=[ \t]*", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>
        /// The script files a module manifest (.psd1, at <paramref name="manifestPath"/>) loads as nested modules besides
        /// its root module, relative to it: the .psm1 and .ps1 names its NestedModules lists (a .ps1 runs in the root
        /// module's scope). Binary modules, modules named by a specification table (@{ ModuleName = ... }) and names
        /// without a path PowerShell looks up in $env:PSModulePath are left out.
        /// </summary>
        public static IReadOnlyList<string> NestedModulesOf(string manifestPath, string manifestText)
        {
            var nested = new List<string>();
            System.Text.RegularExpressions.Match m = NestedModulesEntry.Match(manifestText);
            if (!m.Success) return nested;
            int i = m.Index + m.Length, end = manifestText.Length;
            bool list = string.CompareOrdinal(manifestText, i, "@(", 0, 2) == 0;
            if (list)
            {
                // Closing gives the place after the ')', or the end of a list never closed, which is no list.
                end = PowerShellScript.Closing(manifestText, i + 1, '(', ')') - 1;
                if (end < 0 || manifestText[end] != ')') return nested;
                i += 2;
            }

            int slash = manifestPath.LastIndexOfAny(new[] { '\\', '/' });
            string folder = slash >= 0 ? manifestPath.Substring(0, slash + 1) : string.Empty;
            while (i < end)
            {
                char c = manifestText[i];
                if (c == '@' && i + 1 < end && manifestText[i + 1] == '{')
                {
                    i = PowerShellScript.Closing(manifestText, i + 1, '{', '}');
                    continue;
                }

                if (c == '#' || c == '<')
                {
                    int after = i;
                    if (PowerShellScript.SkipStringOrComment(manifestText, ref after) && after > i)
                    {
                        i = after;
                        continue;
                    }
                }

                if (c == '\'' || c == '"')
                {
                    int close = PowerShellScript.StringEnd(manifestText, i);
                    string name = manifestText.Substring(i + 1, Math.Max(0, close - i - 2)).Trim();
                    if ((name.EndsWith(".psm1", StringComparison.OrdinalIgnoreCase) || IsScript(name)) && name.IndexOf('$') < 0) nested.Add(folder + name);
                    i = close;
                    if (!list) break; // one name
                    continue;
                }

                if (!list && (c == '\n' || c == '\r' || c == ';' || c == '}')) break;
                i++;
            }

            return nested;
        }

        private static void Analyze(AdditionalFileAnalysisContext context)
        {
            string path = context.AdditionalFile.Path;
            if (!IsAudited(path)) return;
            SourceText? text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text == null)
            {
                context.ReportDiagnostic(Diagnostic.Create(HvLintDescriptors.Find(RuleIds.InputUnreadable)!, Location.Create(path, default, default), "the script could not be read as UTF-8 or UTF-16 text; its commands were not audited"));
                return;
            }

            HyperVProfile? configured = AnalyzerSettings.Profile(context.Options, out _);

            // A file the script reads or runs (Import-Csv .\vms.csv, . .\LabFunctions.ps1) is one of the AdditionalFiles
            // too: hvlint/**/*.csv, *.txt, *.json, *.ps1 and *.psm1 in a build.
            Func<string, ImportedFile?> imported = ImportedFrom(context.Options.AdditionalFiles, context.CancellationToken);
            Func<string, IReadOnlyList<ImportedFile>> listed = ListedFrom(context.Options.AdditionalFiles, imported);

            // "# hvlint-disable HV3003: reason" in a script: that rule is not reported in it; with -next-line, not in the
            // statement after the comment. A finding in a function of a script this one dot-sources follows that script's
            // comments, as the CLI's suppressions, which are by file, do.
            bool keep = AnalyzerSettings.IsSet(context.Options, AnalyzerSettings.KeepSuppressed);
            var directives = new Dictionary<string, List<(string RuleId, int Start, int End)>>(StringComparer.Ordinal);
            bool Suppressed(Diagnostic d)
            {
                // HvLint's own diagnostics (HV9xxx) cannot be suppressed, here as anywhere.
                if (keep || d.Id.StartsWith("HV9", StringComparison.Ordinal)) return false;
                string file = d.Location.GetLineSpan().Path;
                if (!directives.TryGetValue(file, out List<(string RuleId, int Start, int End)>? rules))
                {
                    string? script = file == path ? text.ToString() : imported(FullPath(file))?.Text;
                    rules = directives[file] = script == null ? new List<(string, int, int)>() : Directives(script).Select(r => (r.RuleId, r.Start, r.End)).ToList();
                }

                int at = d.Location.SourceSpan.Start;
                return rules.Exists(r => r.RuleId == d.Id && (r.Start < 0 || (at >= r.Start && at < r.End)));
            }

            var counter = context.Options.AnalyzerConfigOptionsProvider as IVirtualMachineCounter;
            foreach (Diagnostic d in Analyze(path, text, configured, VmFileFacts.For(context.Compilation, context.Options), context.CancellationToken, imported, counter: counter, listed: listed))
            {
                if (!Suppressed(d)) context.ReportDiagnostic(d);
            }
        }

        /// <summary>
        /// The AdditionalFile at a full path (<see cref="ImportedPath"/>), each read once however many statements, calls
        /// and directives ask for it; null for a path that is none of them.
        /// </summary>
        internal static Func<string, ImportedFile?> ImportedFrom(ImmutableArray<AdditionalText> files, System.Threading.CancellationToken token)
        {
            var read = new Dictionary<string, ImportedFile?>(StringComparer.OrdinalIgnoreCase);
            return full =>
            {
                if (read.TryGetValue(full, out ImportedFile? known)) return known;
                foreach (AdditionalText f in files)
                {
                    if (string.Equals(FullPath(f.Path), full, StringComparison.OrdinalIgnoreCase)) return read[full] = f.GetText(token) is SourceText t ? new ImportedFile(f.Path, t) : null;
                }

                return read[full] = null;
            };
        }

        /// <summary>
        /// The scripts (.ps1) among the AdditionalFiles a listing names (<see cref="PowerShellScript.ListedPaths"/>), by its
        /// pattern as a full path, ordered by path as Get-ChildItem lists a folder; each the file <paramref name="imported"/> gives.
        /// </summary>
        internal static Func<string, IReadOnlyList<ImportedFile>> ListedFrom(ImmutableArray<AdditionalText> files, Func<string, ImportedFile?> imported) => pattern =>
        {
            var listed = new List<ImportedFile>();
            foreach (AdditionalText f in files.OrderBy(f => FullPath(f.Path), StringComparer.OrdinalIgnoreCase))
            {
                string full = FullPath(f.Path);
                if (IsScript(full) && MatchesListing(pattern, full) && imported(full) is ImportedFile file) listed.Add(file);
            }

            return listed;
        };

        /// <summary>
        /// Whether the file at <paramref name="full"/> is one a listing's pattern names: in its folder (or below it, for
        /// "/**/", -Recurse), with a name its pattern matches (* and ?, case aside, as Windows names them) and no "|!"
        /// -Exclude pattern matches.
        /// </summary>
        public static bool MatchesListing(string pattern, string full)
        {
            (string folder, bool recurse, string name, string? exclude) = ListingParts(pattern);
            int last = full.LastIndexOf('/');
            string fileFolder = last < 0 ? string.Empty : full.Substring(0, last), fileName = full.Substring(last + 1);
            bool inFolder = string.Equals(fileFolder, folder, StringComparison.OrdinalIgnoreCase)
                || (recurse && (folder.Length == 0 || fileFolder.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase)));
            // Windows names files case aside; a pattern with [ranges] is no listing HvLint reads.
            return inFolder && ScriptCondition.Like(fileName, name, caseSensitive: false) == true && (exclude == null || ScriptCondition.Like(fileName, exclude, caseSensitive: false) == false);
        }

        /// <summary>
        /// A listing's pattern (<see cref="PowerShellScript.ListedPaths"/>) in its parts: the folder ("" for none), whether
        /// the folders below it are listed too ("a/b/**/*.ps1", or "**/*.ps1" for a relative script path's), the name's
        /// pattern, and the -Exclude pattern after "|!".
        /// </summary>
        public static (string Folder, bool Recurse, string Name, string? Exclude) ListingParts(string pattern)
        {
            int bar = pattern.IndexOf("|!", StringComparison.Ordinal);
            string? exclude = bar < 0 ? null : pattern.Substring(bar + 2);
            if (bar >= 0) pattern = pattern.Substring(0, bar);
            int deep = pattern.StartsWith("**/", StringComparison.Ordinal) ? 0 : pattern.IndexOf("/**/", StringComparison.Ordinal);
            int slash = pattern.LastIndexOf('/');
            string folder = deep >= 0 ? pattern.Substring(0, deep) : slash < 0 ? string.Empty : pattern.Substring(0, slash);
            return (folder, deep >= 0, pattern.Substring(slash + 1), exclude);
        }

        /// <summary>A path from a drive's or the file system's root (C:\lab, /srv/lab, \lab), with either separator.</summary>
        public static bool IsRooted(string path)
        {
            string p = path.Replace('\\', '/');
            return p.StartsWith("/", StringComparison.Ordinal) || (p.Length >= 2 && p[1] == ':' && char.IsLetter(p[0]));
        }

        /// <summary>
        /// The rules the script's "hvlint-disable HV3003, HV6002: reason" comments disable: where each comment starts (an
        /// offset in the script), the rule, the reason given, and -1, -1 (the whole script). A comment
        /// "hvlint-disable-next-line HV3003: reason" disables its rules for the statement after it only: the last two are
        /// then where that statement starts and ends (<see cref="PowerShellScript.NextStatement"/>).
        /// </summary>
        public static IEnumerable<(int Offset, string RuleId, string Reason, int Start, int End)> Directives(string script)
        {
            // Most scripts have none: no need to find their comments.
            if (script.IndexOf("hvlint-disable", StringComparison.OrdinalIgnoreCase) < 0) yield break;
            foreach (KeyValuePair<int, string> comment in PowerShellScript.Comments(script))
            {
                foreach (KeyValuePair<string, string> rule in NotesDirectives.Rules(comment.Value)) yield return (comment.Key, rule.Key, rule.Value, -1, -1);
                List<KeyValuePair<string, string>> next = NotesDirectives.NextLineRules(comment.Value).ToList();
                if (next.Count == 0 || !(PowerShellScript.NextStatement(script, comment.Key) is (int start, int end))) continue;
                foreach (KeyValuePair<string, string> rule in next) yield return (comment.Key, rule.Key, rule.Value, start, end);
            }
        }

        /// <summary>
        /// The files <paramref name="script"/> (at <paramref name="path"/>) reads or runs that HvLint can use: the paths
        /// Import-Csv, Get-Content (lines, or piped to ConvertFrom-Json), dot-sourcing, Import-Module and using module
        /// name, as full paths in the form <see cref="ImportedPath"/> gives. The CLI reads these files and gives them to
        /// the analyzer with the script, as a build gives it hvlint/**/*.csv, *.txt, *.json, *.ps1 and *.psm1.
        /// </summary>
        /// <param name="home">
        /// The script that runs <paramref name="path"/> (dot-sources it, or imports it as a module), directly or through
        /// another: a path written without $PSScriptRoot is relative to the folder it runs from, taken to be its folder, as
        /// the analyzer takes it. Null for a script run on its own.
        /// </param>
        public static IReadOnlyList<string> ImportedFiles(string path, string script, string? home = null)
        {
            var named = new List<string>();
            // Most scripts bring in nothing: no need to read them twice.
            if (script.IndexOf("csv", StringComparison.OrdinalIgnoreCase) < 0 && script.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0 && script.IndexOf("module", StringComparison.OrdinalIgnoreCase) < 0
                && script.IndexOf("ipmo", StringComparison.OrdinalIgnoreCase) < 0 && script.IndexOf("DataFile", StringComparison.OrdinalIgnoreCase) < 0
                && !DotSource.IsMatch(script) && !ReadsLines.IsMatch(script)) return named;
            // A script whose folder the script that runs it cannot name (further up than that script's) is read from its own.
            string? root = home == null ? "." : ScriptVariables.RelativeFolder(FullPath(ScriptVariables.Folder(home)), FullPath(ScriptVariables.Folder(path)));
            if (root == null)
            {
                home = null;
                root = ".";
            }

            void Name(string written)
            {
                string full = ImportedPath(home ?? path, written);
                if (!named.Contains(full, StringComparer.OrdinalIgnoreCase)) named.Add(full);
            }

            // A listing (Get-ChildItem "$PSScriptRoot\Public\*.ps1") is named by its pattern (MatchesListing), for the CLI to list.
            PowerShellScript.Parse(script, (start, length) => Location.Create(path, new TextSpan(start, length), default), written =>
            {
                Name(written);
                return null;
            }, root, pattern =>
            {
                Name(pattern);
                return Array.Empty<ImportedFile>();
            });
            return named;
        }

        /// <summary>
        /// The full path of a file a script names (<paramref name="written"/>: .\vms.csv, data/vms.csv, D:\lab\vms.csv),
        /// with '/' between folders and no "." or "..": relative to the script's folder, as when the script runs from its
        /// own folder (PowerShell itself takes a relative path from the current location, which HvLint cannot know).
        /// </summary>
        public static string ImportedPath(string scriptPath, string written)
        {
            string w = written.Replace('\\', '/');
            if (IsRooted(w)) return FullPath(w);
            string folder = FullPath(scriptPath);
            int slash = folder.LastIndexOf('/');
            return FullPath((slash >= 0 ? folder.Substring(0, slash + 1) : string.Empty) + w);
        }

        /// <summary>A path with '/' between folders and its "." and ".." folders resolved, by text alone (an analyzer reads no disk).</summary>
        public static string FullPath(string path)
        {
            string[] parts = path.Replace('\\', '/').Split('/');
            var kept = new List<string>();
            for (int k = 0; k < parts.Length; k++)
            {
                string part = parts[k];
                if (part == "." || (part.Length == 0 && k > 0 && k < parts.Length - 1)) continue;
                if (part == ".." && kept.Count > 0 && kept[kept.Count - 1] != ".." && !(kept.Count == 1 && (kept[0].Length == 0 || kept[0].EndsWith(":", StringComparison.Ordinal)))) kept.RemoveAt(kept.Count - 1);
                else kept.Add(part);
            }

            return string.Join("/", kept);
        }

        /// <summary>The findings of one script: misused cmdlets, then what the engine finds on the VMs it creates or changes.</summary>
        /// <param name="imported">A file the script reads or runs, by its full path (<see cref="ImportedPath"/>); null when unknown.</param>
        /// <param name="alone">Read on its own, to tell a script that dot-sources it which findings it reports itself.</param>
        /// <param name="counter">Told each VM the script creates or changes (the CLI's count); null to count none.</param>
        /// <param name="listed">The scripts a listing names (<see cref="ListedFrom"/>); null when unknown.</param>
        internal static List<Diagnostic> Analyze(string path, SourceText text, HyperVProfile? configured, VmFileFacts files, System.Threading.CancellationToken cancellation, Func<string, ImportedFile?>? imported = null, bool alone = false, IVirtualMachineCounter? counter = null, Func<string, IReadOnlyList<ImportedFile>>? listed = null)
        {
            List<Diagnostic> found = Findings(path, text, configured, files, cancellation, imported, alone ? null : counter, listed);
            if (alone || imported == null) return found;

            // A finding in a script this one dot-sources, or a module it imports, that the other file reports on its own (a
            // statement of its own, or a function whose values it writes itself) is that file's, reported there once; what
            // this script's own values make of the other file's code is new here.
            Dictionary<string, List<Diagnostic>>? own = null;
            found.RemoveAll(d =>
            {
                string at = d.Location.GetLineSpan().Path;
                if (at == path || !IsAudited(at)) return false;
                own ??= new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
                if (!own.TryGetValue(at, out List<Diagnostic>? theirs))
                {
                    theirs = own[at] = imported(FullPath(at)) is ImportedFile file ? Analyze(at, file.Source, configured, files, cancellation, imported, alone: true, listed: listed) : new List<Diagnostic>();
                }

                string message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                return theirs.Exists(t => t.Id == d.Id && t.Location.SourceSpan == d.Location.SourceSpan && t.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == message);
            });
            return found;
        }

        private static List<Diagnostic> Findings(string path, SourceText text, HyperVProfile? configured, VmFileFacts files, System.Threading.CancellationToken cancellation, Func<string, ImportedFile?>? imported, IVirtualMachineCounter? counter, Func<string, IReadOnlyList<ImportedFile>>? listed)
        {
            var found = new List<Diagnostic>();
            // Positions clamped to the end: the reader may ask for one character past a value that ends the script (a
            // script cut short while typed), as in a file it brings in.
            var script = new ImportedFile(path, text);
            List<CommandCall> commands = imported == null ? PowerShellScript.Parse(script.Text, script.At) : PowerShellScript.Parse(script.Text, script.At, written => imported(ImportedPath(path, written)), listed: listed == null ? null : pattern => listed(ImportedPath(path, pattern)));
            if (commands.Count == 0) return found;
            cancellation.ThrowIfCancellationRequested();
            var model = new ProvisioningModel(path);
            foreach (CommandCall c in commands) model.Apply(c);
            foreach (ApiProblem problem in model.ApiProblems) found.Add(Diagnostic.Create(HvLintDescriptors.Find(problem.RuleId)!, problem.At, problem.Message));
            if (model.VirtualMachines.Count == 0) return found;

            foreach (Finding f in model.Audit(configured, files, counter))
            {
                DiagnosticDescriptor? descriptor = HvLintDescriptors.Find(f.RuleId);
                if (descriptor != null && model.Locations.TryGetValue(f.Location, out Location? at)) found.Add(HvLintDescriptors.ToDiagnostic(f, descriptor, at));
            }

            return found;
        }
    }
}
