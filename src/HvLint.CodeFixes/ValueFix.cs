using System;
using System.Collections.Immutable;
using System.Globalization;
using HvLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HvLint.CodeFixes
{
    /// <summary>
    /// A fix that rewrites the value a finding points at, decided from the text there alone, so that the same
    /// decision serves C# code, script text inside it, and VM files. A fix exists only when the text at the
    /// finding is exactly a value it knows how to replace and the replacement changes something.
    /// </summary>
    internal readonly struct ValueFix
    {
        private ValueFix(TextSpan span, string newText, string title)
        {
            Span = span;
            NewText = newText;
            Title = title;
        }

        public TextSpan Span { get; }

        public string NewText { get; }

        public string Title { get; }

        public const string UseSynthetic = "Use a synthetic network adapter";

        public const string SecureBootOff = "Turn Secure Boot off";

        public static ValueFix? For(Diagnostic diagnostic, SourceText text)
        {
            TextSpan span = diagnostic.Location.SourceSpan;
            if (span.End > text.Length) return null;
            string current = text.ToString(span);
            ImmutableDictionary<string, string?> properties = diagnostic.Properties;

            // Code read for several VMs of which the rule finds only some: the value there is also the others', which
            // the rule has no quarrel with (a loop over VMs whose guests differ).
            if (properties.TryGetValue("severalVms", out string? several) && several == "some") return null;
            switch (diagnostic.Id)
            {
                // HV3001 (legacy where synthetic would do) and HV3003 (legacy on Generation 2): make the adapter synthetic.
                case "HV3001":
                case "HV3003":
                    if (current == "true") return new ValueFix(span, "false", UseSynthetic);
                    if (string.Equals(current, "$true", StringComparison.OrdinalIgnoreCase)) return new ValueFix(span, "$false", UseSynthetic);
                    if (current.IndexOf("Emulated Ethernet Port", StringComparison.Ordinal) >= 0) return new ValueFix(span, current.Replace("Emulated Ethernet Port", "Synthetic Ethernet Port"), UseSynthetic);
                    if (current.IndexOf("Msvm_EmulatedEthernetPortSettingData", StringComparison.Ordinal) >= 0) return new ValueFix(span, current.Replace("Msvm_EmulatedEthernetPortSettingData", "Msvm_SyntheticEthernetPortSettingData"), UseSynthetic);
                    if (current.StartsWith("-", StringComparison.Ordinal) && current.Length > 2 && "-IsLegacy".StartsWith(current, StringComparison.OrdinalIgnoreCase))
                    {
                        // The bare switch -IsLegacy in script text: remove it with the blank before it.
                        int start = span.Start;
                        while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) start--;
                        return new ValueFix(TextSpan.FromBounds(start, span.End), string.Empty, UseSynthetic);
                    }

                    return null;

                // HV1001: a vCPU count above the platform's maximum becomes the maximum.
                case "HV1001":
                    return IsCount(current) && properties.TryGetValue("maximum", out string? maximum) && maximum != null && IsCount(maximum) && maximum != current
                        ? new ValueFix(span, maximum, "Use the platform's maximum of " + maximum + " virtual processors")
                        : (ValueFix?)null;

                // HV4002: a Windows 2000/XP/2003 template built with one vCPU gets two, so clones keep the multiprocessor HAL.
                case "HV4002":
                    string recommended = properties.TryGetValue("recommended", out string? r) && r != null && IsCount(r) ? r : "2";
                    return current == "1" ? new ValueFix(span, recommended, "Build the template with " + recommended + " virtual processors") : (ValueFix?)null;

                // HV1006 and HV1007: a memory value below what the guest needs, or is recommended, becomes that amount,
                // written as the value was: a size (512MB, "2GB") or a number of bytes (536870912, 536870912L).
                case "HV1006":
                case "HV1007":
                    return properties.TryGetValue("bytes", out string? b) && long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out long bytes) && Memory(current, bytes) is string memory
                        ? new ValueFix(span, memory, "Use " + HvLint.Model.Units.FormatBytes(bytes) + (diagnostic.Id == "HV1006" ? ", the least the guest needs" : ", the amount recommended for the guest"))
                        : (ValueFix?)null;

                // HV7002: Secure Boot Off → On where the code or the VM file turns it off (quoted as it was).
                case "HV7002":
                    return Requoted(span, current, "Turn Secure Boot on", state =>
                        string.Equals(state, "Off", StringComparison.OrdinalIgnoreCase) ? "On" : state == "false" ? "true" : string.Equals(state, "$false", StringComparison.OrdinalIgnoreCase) ? "$true" : null);

                // HV8005: a Generation 2 VM boots from the network through its standard adapter, not a legacy one. (IDE,
                // Floppy and a .vhd disk have no one replacement: which disk or format to use is the author's call.)
                case "HV8005":
                    return Requoted(span, current, "Boot from the standard network adapter (-BootDevice NetworkAdapter)", device =>
                        string.Equals(device, "LegacyNetworkAdapter", StringComparison.OrdinalIgnoreCase) ? "NetworkAdapter" : null);

                // HV6005: standard checkpoints become production ones: the name (quoted as it was) or the number, 5 → 3,
                // also behind a cast such as (ushort)5 in WMI code.
                case "HV6005":
                    const string production = "Take production checkpoints";
                    string bare = current.TrimEnd();
                    if (bare.EndsWith("5", StringComparison.Ordinal) && (bare.Length == 1 || bare.Substring(0, bare.Length - 1).TrimEnd().EndsWith(")", StringComparison.Ordinal)))
                    {
                        return new ValueFix(new TextSpan(span.Start + bare.Length - 1, 1), "3", production);
                    }

                    return Requoted(span, current, production, type => string.Equals(type, "Standard", StringComparison.OrdinalIgnoreCase) ? "Production" : null);

                // HV4006 on a release without the UEFI CA template (2012 R2): Secure Boot On → Off where the code or the
                // VM file turns it on (quoted as it was). Elsewhere the MicrosoftWindows Secure Boot template, where the
                // code or the VM file writes it by name or ID, becomes the UEFI CA template a Linux guest requires
                // (quoted, cased and braced as it was).
                case "HV4006":
                    if (properties.TryGetValue(HvLint.Rules.Guest.HV4006LinuxGuestOnWindowsSecureBootTemplate.SecureBootOffProperty, out string? off) && off == "true")
                    {
                        return Requoted(span, current, SecureBootOff, state =>
                            string.Equals(state, "On", StringComparison.OrdinalIgnoreCase) ? "Off" : state == "true" ? "false" : string.Equals(state, "$true", StringComparison.OrdinalIgnoreCase) ? "$false" : null);
                    }

                    return Requoted(span, current, "Use the MicrosoftUEFICertificateAuthority Secure Boot template", template =>
                        string.Equals(template, SecureBootTemplates.MicrosoftWindows, StringComparison.OrdinalIgnoreCase) ? SecureBootTemplates.MicrosoftUefiCertificateAuthority
                        : SecureBootTemplates.NameOfId(template) == SecureBootTemplates.MicrosoftWindows ? SecureBootTemplates.UefiCertificateAuthorityIdLike(template) : null);
            }

            return null;
        }

        /// <summary>
        /// A word the text at the finding is, bare or in one pair of quotes (a script token, a C# or JSON string),
        /// replaced by what <paramref name="replace"/> gives for it, in the same quotes; no fix when it gives null.
        /// </summary>
        private static ValueFix? Requoted(TextSpan span, string current, string title, Func<string, string?> replace)
        {
            int open = current.Length - current.TrimStart('"', '\'').Length, close = current.Length - current.TrimEnd('"', '\'').Length;
            if (open > 1 || close > 1 || open + close >= current.Length) return null;
            string word = current.Substring(open, current.Length - open - close);
            return replace(word) is string replacement ? new ValueFix(span, current.Substring(0, open) + replacement + current.Substring(current.Length - close), title) : (ValueFix?)null;
        }

        /// <summary>
        /// <paramref name="bytes"/> written as <paramref name="current"/> is: a size with a binary unit (MB below 1 GB or
        /// where GB would need a fraction, else GB) in the same quotes, or a number of bytes with the same C# suffix; null
        /// for any other text (an expression, a constant's name).
        /// </summary>
        private static string? Memory(string current, long bytes)
        {
            string quote = current.Length >= 2 && (current[0] == '"' || current[0] == '\'') && current[current.Length - 1] == current[0] ? current.Substring(0, 1) : string.Empty;
            string inner = current.Substring(quote.Length, current.Length - 2 * quote.Length);
            int digits = 0;
            while (digits < inner.Length && char.IsDigit(inner[digits])) digits++;
            if (digits == 0) return null;
            string rest = inner.Substring(digits);
            if (quote.Length == 0 && (rest.Length == 0 || rest.Equals("L", StringComparison.OrdinalIgnoreCase) || rest.Equals("UL", StringComparison.OrdinalIgnoreCase) || rest.Equals("LU", StringComparison.OrdinalIgnoreCase)))
            {
                return bytes.ToString(CultureInfo.InvariantCulture) + rest;
            }

            if (!HvLint.Model.Units.TryParseSize(inner, out _) || rest.Length == 0) return null;
            const long GB = 1L << 30;
            string size = bytes >= GB && bytes % GB == 0 ? (bytes / GB).ToString(CultureInfo.InvariantCulture) + "GB" : (bytes >> 20).ToString(CultureInfo.InvariantCulture) + "MB";
            return quote + size + quote;
        }

        public static ValueFix Remove(TextSpan span, string title) => new ValueFix(span, string.Empty, title);

        private static bool IsCount(string s) => s.Length > 0 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
