using HvLint.Model;

namespace HvLint.Reporting
{
    public static class SeverityNames
    {
        /// <summary>"error", "warning", "info": the words of the canonical line and of --fail-on.</summary>
        public static string Text(Severity s)
        {
            switch (s)
            {
                case Severity.Error: return "error";
                case Severity.Warning: return "warning";
                case Severity.Info: return "info";
                default: return "none";
            }
        }

        /// <summary>SARIF result.level: error, warning, note, none.</summary>
        public static string Sarif(Severity s)
        {
            switch (s)
            {
                case Severity.Error: return "error";
                case Severity.Warning: return "warning";
                case Severity.Info: return "note";
                default: return "none";
            }
        }

        public static Severity? Parse(string text)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "error": return Severity.Error;
                case "warning": case "warn": return Severity.Warning;
                case "info": case "note": case "suggestion": return Severity.Info;
                case "off": case "none": case "silent": return Severity.None;
                default: return null;
            }
        }
    }
}
