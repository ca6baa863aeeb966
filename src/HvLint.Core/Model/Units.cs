using System;
using System.Globalization;

namespace HvLint.Model
{
    /// <summary>Sizes as Hyper-V documentation writes them: binary units named GB and TB (1 GB = 2^30 bytes).</summary>
    public static class Units
    {
        private static readonly string[] Suffixes = { "bytes", "KB", "MB", "GB", "TB", "PB" };

        public static string FormatBytes(long bytes)
        {
            if (bytes < 1024) return bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
            double value = bytes;
            int unit = 0;
            while (value >= 1024 && unit < Suffixes.Length - 1)
            {
                // Limits such as the VHD's 2040 GB read better in whole units of the smaller size.
                double next = value / 1024;
                if (Math.Abs(next - Math.Round(next, 2)) > 1e-9 && Math.Abs(value - Math.Round(value)) < 1e-9 && value < 1024 * 10) break;
                value = next;
                unit++;
            }

            string number = Math.Abs(value - Math.Round(value)) < 0.005 ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);
            return number + " " + Suffixes[unit];
        }

        /// <summary>
        /// Reads "4GB", "512 MB", "2 TB", "1.5GB" (binary units, as PowerShell's 4GB literal) or a plain
        /// number of bytes. Returns false for anything else.
        /// </summary>
        public static bool TryParseSize(string text, out long bytes)
        {
            bytes = 0;
            if (string.IsNullOrWhiteSpace(text)) return false;
            string t = text.Trim();
            int i = 0;
            while (i < t.Length && (char.IsDigit(t[i]) || t[i] == '.')) i++;
            if (i == 0) return false;
            if (!double.TryParse(t.Substring(0, i), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number)) return false;
            string unit = t.Substring(i).Trim().ToUpperInvariant();
            int power;
            switch (unit)
            {
                case "": case "B": case "BYTES": power = 0; break;
                case "KB": case "KIB": power = 1; break;
                case "MB": case "MIB": power = 2; break;
                case "GB": case "GIB": power = 3; break;
                case "TB": case "TIB": power = 4; break;
                case "PB": case "PIB": power = 5; break;
                default: return false;
            }

            double result = number * Math.Pow(1024, power);
            if (result > long.MaxValue) return false;
            bytes = (long)Math.Round(result);
            return true;
        }

        /// <summary>Reads a link speed: "10 Gbps", "1 Gbps", "100 Mbps", or bits per second.</summary>
        public static bool TryParseLinkSpeed(string text, out long bitsPerSecond)
        {
            bitsPerSecond = 0;
            if (string.IsNullOrWhiteSpace(text)) return false;
            string t = text.Trim();
            int i = 0;
            while (i < t.Length && (char.IsDigit(t[i]) || t[i] == '.')) i++;
            if (i == 0 || !double.TryParse(t.Substring(0, i), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number)) return false;
            string unit = t.Substring(i).Trim().ToLowerInvariant();
            double factor;
            switch (unit)
            {
                case "": case "bps": factor = 1; break;
                case "kbps": factor = 1e3; break;
                case "mbps": factor = 1e6; break;
                case "gbps": factor = 1e9; break;
                case "tbps": factor = 1e12; break;
                default: return false;
            }

            bitsPerSecond = (long)Math.Round(number * factor);
            return true;
        }

        public static string FormatLinkSpeed(long bitsPerSecond)
        {
            if (bitsPerSecond >= 1_000_000_000) return (bitsPerSecond / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " Gbps";
            if (bitsPerSecond >= 1_000_000) return (bitsPerSecond / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " Mbps";
            return bitsPerSecond.ToString(CultureInfo.InvariantCulture) + " bps";
        }

        public static string Count(long n, string singular, string plural) =>
            n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural);
    }
}
