using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HvLint.Model;

namespace HvLint.Engine
{
    /// <summary>Where a suppression was written: the configuration (SARIF "external") or the input itself ("inSource").</summary>
    public enum SuppressionKind
    {
        External,
        InSource,
    }

    /// <summary>
    /// "Do not report this rule for these VMs, hosts or files, for this reason, until this date." A reason is
    /// mandatory; an expired suppression stops hiding its findings and they come back with a note.
    /// </summary>
    public sealed class Suppression
    {
        public Suppression(string ruleId, string reason, SuppressionKind kind, SourceLocation location)
        {
            RuleId = ruleId;
            Reason = reason;
            Kind = kind;
            Location = location;
        }

        public string RuleId { get; }

        public string Reason { get; }

        public SuppressionKind Kind { get; }

        /// <summary>Where the suppression is written (hvlint.json, or the VM's Notes).</summary>
        public SourceLocation Location { get; }

        /// <summary>Name globs of the VMs it applies to; empty with <see cref="Hosts"/> empty means every VM and host.</summary>
        public List<string> VirtualMachines { get; } = new List<string>();

        public List<string> Hosts { get; } = new List<string>();

        /// <summary>Path globs ("inventories/**/*.json"), matched against the paths findings show.</summary>
        public List<string> Files { get; } = new List<string>();

        /// <summary>
        /// The lines of those files it applies to, from 1 (a directive written before one statement of a script); empty
        /// means every line.
        /// </summary>
        public List<int> Lines { get; } = new List<int>();

        /// <summary>The last day the suppression holds; from the next day on its findings are reported again.</summary>
        public DateTime? Expires { get; set; }

        public bool HasExpired(DateTime today) => Expires.HasValue && today.Date > Expires.Value.Date;

        public bool Matches(Finding f)
        {
            if (!string.Equals(RuleId, f.RuleId, StringComparison.OrdinalIgnoreCase)) return false;
            if (Files.Count > 0 && !AnyMatch(Files, f.Location.Path, isPath: true)) return false;
            if (Lines.Count > 0 && !Lines.Contains(f.Location.Line)) return false;
            if (VirtualMachines.Count == 0 && Hosts.Count == 0) return true;
            string owner = f.Owner;
            if (owner.StartsWith("vm:", StringComparison.Ordinal)) return AnyMatch(VirtualMachines, owner.Substring(3), isPath: false);
            if (owner.StartsWith("host:", StringComparison.Ordinal)) return AnyMatch(Hosts, owner.Substring(5), isPath: false);
            return false;
        }

        private static bool AnyMatch(List<string> globs, string value, bool isPath)
        {
            foreach (string g in globs)
            {
                if (Glob.IsMatch(g, value, isPath)) return true;
            }

            return false;
        }
    }

    /// <summary>
    /// Wildcards for names and paths: '*' any run of characters ('/' excluded in paths), '**' any run including
    /// '/', '?' one character. Case-insensitive, as Hyper-V names and Windows paths are.
    /// </summary>
    public static class Glob
    {
        private static readonly Dictionary<string, Regex> Cache = new Dictionary<string, Regex>(StringComparer.Ordinal);

        public static bool IsMatch(string glob, string value, bool isPath)
        {
            Regex regex;
            lock (Cache)
            {
                string key = (isPath ? "p:" : "n:") + glob;
                if (!Cache.TryGetValue(key, out regex!))
                {
                    regex = new Regex(ToPattern(glob, isPath), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                    Cache[key] = regex;
                }
            }

            return regex.IsMatch(isPath ? value.Replace('\\', '/') : value);
        }

        private static string ToPattern(string glob, bool isPath)
        {
            var sb = new StringBuilder("^");
            string g = isPath ? glob.Replace('\\', '/') : glob;
            for (int i = 0; i < g.Length; i++)
            {
                char c = g[i];
                if (c == '*')
                {
                    if (i + 1 < g.Length && g[i + 1] == '*')
                    {
                        // "**/" matches zero or more folders.
                        bool slash = i + 2 < g.Length && g[i + 2] == '/';
                        sb.Append(slash ? "(?:.*/)?" : ".*");
                        i += slash ? 2 : 1;
                    }
                    else
                    {
                        sb.Append(isPath ? "[^/]*" : ".*");
                    }
                }
                else if (c == '?')
                {
                    sb.Append(isPath ? "[^/]" : ".");
                }
                else
                {
                    sb.Append(Regex.Escape(c.ToString()));
                }
            }

            return sb.Append('$').ToString();
        }
    }

    /// <summary>
    /// "hvlint-disable HV3001, HV6004: reason" in a VM's Notes, which the export scripts carry through, so the
    /// people who own the VM can record why a finding is accepted where they keep the VM's other notes.
    /// </summary>
    public static class NotesDirectives
    {
        private static readonly Regex Directive = new Regex(@"hvlint-disable\s+(?<ids>HV\d{4}(?:\s*,\s*HV\d{4})*)\s*:\s*(?<reason>[^\r\n]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        // In a script, before one statement: that statement only.
        private static readonly Regex NextLineDirective = new Regex(@"hvlint-disable-next-line\s+(?<ids>HV\d{4}(?:\s*,\s*HV\d{4})*)\s*:\s*(?<reason>[^\r\n]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static IEnumerable<Suppression> Parse(string vmName, Fact<string> notes)
        {
            if (!notes.IsKnown) yield break;
            foreach (KeyValuePair<string, string> rule in Rules(notes.Value))
            {
                var s = new Suppression(rule.Key, rule.Value, SuppressionKind.InSource, notes.Location);
                s.VirtualMachines.Add(EscapeGlob(vmName));
                yield return s;
            }
        }

        /// <summary>
        /// A "hvlint-disable-next-line" comment of a VM's own file, as suppressions of its rules for that VM on the lines
        /// of the statement after the comment.
        /// </summary>
        public static IEnumerable<Suppression> Parse(string vmName, LineDirective directive)
        {
            if (!directive.Comment.IsKnown) yield break;
            foreach (KeyValuePair<string, string> rule in NextLineRules(directive.Comment.Value))
            {
                var s = new Suppression(rule.Key, rule.Value, SuppressionKind.InSource, directive.Comment.Location);
                s.VirtualMachines.Add(EscapeGlob(vmName));
                s.Files.Add(EscapeGlob(directive.Comment.Location.Path));
                for (int line = directive.FirstLine; line <= directive.LastLine; line++) s.Lines.Add(line);
                yield return s;
            }
        }

        /// <summary>Each rule ID the directives in <paramref name="text"/> disable, with the reason given for it.</summary>
        public static IEnumerable<KeyValuePair<string, string>> Rules(string text) => Rules(text, Directive);

        /// <summary>
        /// Each rule ID a "hvlint-disable-next-line HV3003: reason" directive in <paramref name="text"/> (a comment of a
        /// script) disables for the statement after it, with the reason given for it.
        /// </summary>
        public static IEnumerable<KeyValuePair<string, string>> NextLineRules(string text) => Rules(text, NextLineDirective);

        private static IEnumerable<KeyValuePair<string, string>> Rules(string text, Regex directive)
        {
            if (text.IndexOf("hvlint-disable", StringComparison.OrdinalIgnoreCase) < 0) yield break;
            foreach (Match m in directive.Matches(text))
            {
                string reason = m.Groups["reason"].Value.Trim();
                foreach (string id in m.Groups["ids"].Value.Split(',')) yield return new KeyValuePair<string, string>(id.Trim().ToUpperInvariant(), reason);
            }
        }

        private static string EscapeGlob(string name) => name.Replace("*", "?").Replace("[", "?");
    }

    /// <summary>A findings baseline: today's findings by file + subject + rule (never line), to report only new ones.</summary>
    public sealed class Baseline
    {
        private readonly Dictionary<string, int> _counts = new Dictionary<string, int>(StringComparer.Ordinal);

        public string Source { get; }

        public Baseline(string source, IEnumerable<string> fingerprints)
        {
            Source = source;
            foreach (string fp in fingerprints)
            {
                _counts.TryGetValue(fp, out int n);
                _counts[fp] = n + 1;
            }
        }

        public int Count
        {
            get
            {
                int n = 0;
                foreach (int c in _counts.Values) n += c;
                return n;
            }
        }

        /// <summary>Takes one occurrence of the fingerprint out of the baseline; false when the finding is new.</summary>
        internal bool Consume(string fingerprint, Dictionary<string, int> remaining)
        {
            if (!remaining.TryGetValue(fingerprint, out int n) || n == 0) return false;
            remaining[fingerprint] = n - 1;
            return true;
        }

        internal Dictionary<string, int> Fresh() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);
    }

    /// <summary>How the findings of a run divide up once suppressions and the baseline are applied.</summary>
    public sealed class FindingPartition
    {
        public List<Finding> Active { get; } = new List<Finding>();

        public List<Finding> Suppressed { get; } = new List<Finding>();

        public int Baselined { get; set; }

        /// <summary>Baseline entries no finding matched any more: fixed since the baseline was made.</summary>
        public int BaselineGone { get; set; }

        public int ExpiredSuppressions { get; set; }

        public static FindingPartition Apply(IEnumerable<Finding> findings, IReadOnlyList<Suppression> suppressions, Baseline? baseline, DateTime today)
        {
            var result = new FindingPartition();
            Dictionary<string, int>? remaining = baseline?.Fresh();
            foreach (Finding f in findings)
            {
                // HvLint's own diagnostics (unreadable input, bad configuration) are never hidden.
                bool toolDiagnostic = f.RuleId.StartsWith("HV9", StringComparison.Ordinal);
                Suppression? match = null;
                Suppression? expired = null;
                if (!toolDiagnostic)
                {
                    foreach (Suppression s in suppressions)
                    {
                        if (!s.Matches(f)) continue;
                        if (s.HasExpired(today)) expired ??= s;
                        else
                        {
                            match = s;
                            break;
                        }
                    }
                }

                if (match != null)
                {
                    result.Suppressed.Add(f.Suppressed(match));
                    continue;
                }

                if (!toolDiagnostic && remaining != null && baseline!.Consume(Reporting.Fingerprint.Of(f), remaining))
                {
                    result.Baselined++;
                    continue;
                }

                if (expired != null)
                {
                    result.ExpiredSuppressions++;
                    result.Active.Add(f.WithNote("(suppression expired " + expired.Expires!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ": " + expired.Reason + ")"));
                }
                else
                {
                    result.Active.Add(f);
                }
            }

            if (remaining != null)
            {
                foreach (int n in remaining.Values) result.BaselineGone += n;
            }

            return result;
        }
    }
}
