using System;
using System.Collections.Immutable;
using System.Globalization;
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

                // HV4006: the MicrosoftWindows Secure Boot template, where the code or the VM file writes it, becomes the
                // UEFI CA template a Linux guest requires (quoted as it was).
                case "HV4006":
                    string unquoted = current.Trim('"', '\'');
                    return string.Equals(unquoted, HvLint.Rules.Guest.HV4006LinuxGuestOnWindowsSecureBootTemplate.WindowsTemplate, StringComparison.OrdinalIgnoreCase) && current.Length - unquoted.Length <= 2
                        ? new ValueFix(span, current.Replace(unquoted, "MicrosoftUEFICertificateAuthority"), "Use the MicrosoftUEFICertificateAuthority Secure Boot template")
                        : (ValueFix?)null;
            }

            return null;
        }

        public static ValueFix Remove(TextSpan span, string title) => new ValueFix(span, string.Empty, title);

        private static bool IsCount(string s) => s.Length > 0 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
