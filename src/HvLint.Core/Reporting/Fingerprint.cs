using System.Security.Cryptography;
using System.Text;
using HvLint.Engine;

namespace HvLint.Reporting
{
    /// <summary>
    /// A finding's identity that survives line moves: file, subject (VM or host and element) and rule.
    /// Used by SARIF partialFingerprints and by baselines.
    /// </summary>
    public static class Fingerprint
    {
        public static string Of(Finding f) => Of(f.Location.Path, f.Subject, f.RuleId);

        public static string Of(string path, string subject, string ruleId)
        {
            using (SHA256 sha = SHA256.Create())
            {
                byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(path.Replace('\\', '/') + "\n" + subject + "\n" + ruleId));
                var sb = new StringBuilder(32);
                for (int i = 0; i < 16; i++) sb.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                return sb.ToString();
            }
        }
    }
}
