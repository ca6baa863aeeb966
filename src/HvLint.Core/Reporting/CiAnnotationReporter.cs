using System.IO;
using System.Text;
using HvLint.Engine;
using HvLint.Model;

namespace HvLint.Reporting
{
    /// <summary>
    /// Findings as CI log commands that the runner turns into annotations on the pull request:
    /// GitHub Actions workflow commands and Azure Pipelines logging commands.
    /// </summary>
    public static class CiAnnotationReporter
    {
        /// <summary>
        /// <c>::error file=F,line=L,col=C,title=HV3002::message</c>. Info becomes a notice. Property values escape
        /// % CR LF : and , and the message escapes % CR LF, as the workflow command syntax requires.
        /// </summary>
        public static void WriteGitHub(TextWriter w, AuditResult result)
        {
            foreach (Finding f in result.Findings)
            {
                string command = f.Severity == Severity.Error ? "error" : f.Severity == Severity.Warning ? "warning" : "notice";
                var sb = new StringBuilder("::").Append(command).Append(' ');
                sb.Append("file=").Append(GitHubProperty(f.Location.Path));
                if (f.Location.HasPosition)
                {
                    sb.Append(",line=").Append(f.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    sb.Append(",col=").Append(f.Location.Column.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                sb.Append(",title=").Append(GitHubProperty(f.RuleId + " " + f.Descriptor.Title));
                sb.Append("::").Append(GitHubMessage(f.RuleId + ": " + f.Message + " (" + f.Descriptor.HelpUri + ")"));
                w.WriteLine(sb.ToString());
            }

            foreach (string line in TextReporter.Summary(result)) w.WriteLine(line);
        }

        /// <summary>
        /// <c>##vso[task.logissue type=error;sourcepath=F;linenumber=L;columnnumber=C;code=HV3002]message</c>. Azure
        /// knows only error and warning: info findings are written as plain log lines. Values escape ; ] % CR LF.
        /// </summary>
        public static void WriteAzure(TextWriter w, AuditResult result)
        {
            foreach (Finding f in result.Findings)
            {
                if (f.Severity == Severity.Info)
                {
                    w.WriteLine(TextReporter.Line(f));
                    continue;
                }

                var sb = new StringBuilder("##vso[task.logissue type=").Append(f.Severity == Severity.Error ? "error" : "warning");
                sb.Append(";sourcepath=").Append(AzureValue(f.Location.Path));
                if (f.Location.HasPosition)
                {
                    sb.Append(";linenumber=").Append(f.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    sb.Append(";columnnumber=").Append(f.Location.Column.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                sb.Append(";code=").Append(f.RuleId).Append(']');
                sb.Append(AzureValue(f.RuleId + ": " + f.Message));
                w.WriteLine(sb.ToString());
            }

            foreach (string line in TextReporter.Summary(result)) w.WriteLine(line);
        }

        internal static string GitHubMessage(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

        internal static string GitHubProperty(string s) => GitHubMessage(s).Replace(":", "%3A").Replace(",", "%2C");

        internal static string AzureValue(string s) =>
            s.Replace("%", "%AZP25").Replace(";", "%3B").Replace("]", "%5D").Replace("\r", "%0D").Replace("\n", "%0A");
    }
}
