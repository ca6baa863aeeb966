using System.Reflection;

namespace HvLint.Reporting
{
    public static class ToolInfo
    {
        public const string Name = "HvLint";

        public const string InformationUri = "https://github.com/hvlint/hvlint";

        /// <summary>The semantic version ("0.1.0"), from the assembly's informational version without build metadata.</summary>
        public static string Version { get; } = ReadVersion();

        private static string ReadVersion()
        {
            string? v = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (string.IsNullOrEmpty(v)) return "0.0.0";
            int plus = v!.IndexOf('+');
            return plus > 0 ? v.Substring(0, plus) : v;
        }
    }
}
