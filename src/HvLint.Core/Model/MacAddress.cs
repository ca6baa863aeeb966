using System.Text;

namespace HvLint.Model
{
    /// <summary>MAC addresses as Hyper-V and its exports write them: 12 hex digits, bare or separated by '-', ':' or '.'.</summary>
    public static class MacAddress
    {
        /// <summary>Reads "00-15-5D-01-07-DC", "00:15:5d:01:07:dc" or "00155D0107DC" as 00155D0107DC; null if not a MAC address.</summary>
        public static string? Normalise(string mac)
        {
            var sb = new StringBuilder(12);
            foreach (char c in mac)
            {
                if (c == '-' || c == ':' || c == '.' || c == ' ') continue;
                bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex) return null;
                sb.Append(char.ToUpperInvariant(c));
            }

            return sb.Length == 12 ? sb.ToString() : null;
        }

        /// <summary>A normalised address as Hyper-V Manager shows it: 00-15-5D-0A-1E-00.</summary>
        public static string Display(string normalised)
        {
            var sb = new StringBuilder(17);
            for (int i = 0; i < 12; i += 2)
            {
                if (i > 0) sb.Append('-');
                sb.Append(normalised, i, 2);
            }

            return sb.ToString();
        }
    }
}
