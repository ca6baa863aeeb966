using System.Collections.Generic;
using System.Globalization;
using System.IO;
using HvLint.Engine;
using HvLint.Model;
using HvLint.Profiles;

namespace HvLint.Reporting
{
    /// <summary>
    /// One finding per line as <c>path(line,col): error HV3002: message</c> — the form MSBuild, IDEs and CI
    /// logs already link — then a summary.
    /// </summary>
    public static class TextReporter
    {
        public static string Line(Finding f)
        {
            SourceLocation l = f.Location;
            string where = l.HasPosition
                ? l.Path + "(" + l.Line.ToString(CultureInfo.InvariantCulture) + "," + l.Column.ToString(CultureInfo.InvariantCulture) + ")"
                : l.Path;
            return where + ": " + SeverityNames.Text(f.Severity) + " " + f.RuleId + ": " + f.Message;
        }

        public static void Write(TextWriter w, AuditResult result)
        {
            foreach (Finding f in result.Findings) w.WriteLine(Line(f));
            if (result.Findings.Count > 0) w.WriteLine();
            foreach (string s in Summary(result)) w.WriteLine(s);
        }

        public static IEnumerable<string> Summary(AuditResult result)
        {
            int errors = 0, warnings = 0, infos = 0;
            foreach (Finding f in result.Findings)
            {
                if (f.Severity == Severity.Error) errors++;
                else if (f.Severity == Severity.Warning) warnings++;
                else if (f.Severity == Severity.Info) infos++;
            }

            string files = Units.Count(result.FilesRead, "file", "files") + " read";
            if (result.SkippedFiles.Count > 0) files += ", " + result.SkippedFiles.Count.ToString(CultureInfo.InvariantCulture) + " skipped (not a format HvLint reads)";
            // The VMs code creates are counted apart: a VM file may describe one of them by the same name.
            string code = result.CodeVirtualMachines > 0 ? "; " + Units.Count(result.CodeVirtualMachines, "VM", "VMs") + " in code" : string.Empty;
            yield return string.Format(CultureInfo.InvariantCulture, "{0}, {1}, {2}; {3}; {4}, {5}{6}",
                Units.Count(errors, "error", "errors"), Units.Count(warnings, "warning", "warnings"), Units.Count(infos, "info", "infos"),
                files, Units.Count(result.Hosts, "host", "hosts"), Units.Count(result.VirtualMachines, "VM", "VMs"), code);
            yield return "profile: " + result.Profile.Profile.Id + " (" + result.Profile.Reason + ")";
            if (result.CodeChoosesItsProfile) yield return "code: each method and script checked against the oldest release it needs (Generation 2, a VHDX disk, a Secure Boot template, the v2 WMI namespace), else " + ProfileCatalog.DefaultId;
            if (result.ConfigurationSource != null) yield return "configuration: " + result.ConfigurationSource;
            if (result.HostProfiles.Count > 0)
            {
                var parts = new List<string>();
                foreach (var h in result.HostProfiles) parts.Add(h.Key + " " + h.Value.Id);
                yield return "hosts checked against the release their OS names: " + string.Join(", ", parts);
            }
            if (result.VirtualMachineProfiles.Count > 0)
            {
                var parts = new List<string>();
                foreach (var v in result.VirtualMachineProfiles)
                {
                    if (parts.Count == 5) { parts.Add("and " + (result.VirtualMachineProfiles.Count - 5).ToString(CultureInfo.InvariantCulture) + " more"); break; }
                    parts.Add(v.Key + " " + v.Value.Id);
                }

                yield return "VMs checked against the release their configuration version needs: " + string.Join(", ", parts);
            }

            if (result.Suppressed.Count > 0 || result.Baselined > 0 || result.BaselineGone > 0 || result.ExpiredSuppressions > 0)
            {
                // Nothing is hidden silently: say how many findings suppressions and the baseline kept out.
                var parts = new List<string>();
                if (result.Suppressed.Count > 0) parts.Add(result.Suppressed.Count.ToString(CultureInfo.InvariantCulture) + " suppressed");
                if (result.ExpiredSuppressions > 0) parts.Add(result.ExpiredSuppressions.ToString(CultureInfo.InvariantCulture) + " reported again (suppression expired)");
                if (result.Baselined > 0) parts.Add(result.Baselined.ToString(CultureInfo.InvariantCulture) + " in the baseline");
                if (result.BaselineGone > 0) parts.Add(result.BaselineGone.ToString(CultureInfo.InvariantCulture) + " baselined findings are gone");
                yield return "not reported: " + string.Join(", ", parts);
            }

            if (result.Incomplete) yield return "incomplete: some inputs could not be read (HV9001/HV9003 above); findings from the others are reported";
        }
    }
}
