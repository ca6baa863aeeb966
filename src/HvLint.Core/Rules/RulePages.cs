using System.IO;

namespace HvLint.Rules
{
    /// <summary>The rules/HVnnnn.md pages, embedded in the assembly so every front end can show them offline.</summary>
    public static class RulePages
    {
        public static string? Get(string id)
        {
            using (Stream? s = typeof(RulePages).Assembly.GetManifestResourceStream("HvLint.Rules.Pages." + id.ToUpperInvariant() + ".md"))
            {
                if (s == null) return null;
                using (var r = new StreamReader(s)) return r.ReadToEnd();
            }
        }
    }
}
