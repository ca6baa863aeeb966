using System;
using System.IO;
using HvLint.Model;
using HvLint.Profiles;
using Newtonsoft.Json;

namespace HvLint.Readers
{
    /// <summary>
    /// A token-only pass over a native inventory that finds what it says about its Hyper-V release: a
    /// top-level "profile" declaration (the scan stops there), host operating systems, Generation 2 VMs, Secure Boot
    /// templates and configuration versions. It runs only when the profile is not given on the command line or in the
    /// configuration, so that the streaming audit pass knows its limits before the first VM.
    /// </summary>
    public static class ProfileEvidenceScanner
    {
        public static void ScanNativeInventory(string path, TextReader text, ProfileSelector selector, Action<SourceLocation, string> problem)
        {
            using (var c = new JsonCursor(path, text))
            {
                try
                {
                    while (c.Read())
                    {
                        if (c.Token != JsonToken.PropertyName) continue;
                        string name = (string)c.Value!;
                        if (c.Depth == 1 && string.Equals(name, "profile", StringComparison.OrdinalIgnoreCase))
                        {
                            if (!c.Read() || c.Token != JsonToken.String) continue;
                            HyperVProfile? declared = ProfileCatalog.Find((string)c.Value!);
                            if (declared != null)
                            {
                                selector.Declare(declared, c.Start);
                                return;
                            }

                            problem(c.Start, "unknown profile '" + (string)c.Value! + "' (known: " + ProfileCatalog.KnownIds + ")");
                            continue;
                        }

                        if (name.Equals("os", StringComparison.OrdinalIgnoreCase) || name.Equals("operatingSystem", StringComparison.OrdinalIgnoreCase))
                        {
                            if (!c.Read() || c.Token != JsonToken.String) continue;
                            HyperVVersion? v = ProfileCatalog.VersionOfHostOperatingSystem((string)c.Value!);
                            if (v.HasValue) selector.AddEvidence(new ProfileEvidence(v.Value, "a host runs " + (string)c.Value!, c.Start));
                        }
                        else if (name.Equals("generation", StringComparison.OrdinalIgnoreCase))
                        {
                            if (!c.Read() || !(c.Value is long generation) || generation != 2) continue;
                            selector.AddEvidence(new ProfileEvidence(HyperVVersion.V2012R2, "a Generation 2 VM", c.Start));
                        }
                        else if (name.Equals("secureBootTemplate", StringComparison.OrdinalIgnoreCase))
                        {
                            if (!c.Read() || c.Token != JsonToken.String || string.IsNullOrWhiteSpace((string)c.Value!)) continue;
                            selector.AddEvidence(ProfileEvidence.SecureBootTemplate(c.Start));
                        }
                        else if (name.Equals("configurationVersion", StringComparison.OrdinalIgnoreCase))
                        {
                            if (!c.Read() || (c.Token != JsonToken.String && c.Token != JsonToken.Float && c.Token != JsonToken.Integer)) continue;
                            string version = Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture)!;
                            HyperVVersion? v = ProfileCatalog.OldestVersionForConfigurationVersion(version);
                            if (v.HasValue) selector.AddEvidence(new ProfileEvidence(v.Value, "a VM of configuration version " + version, c.Start));
                        }
                    }
                }
                catch (JsonReaderException)
                {
                    // The audit pass reports malformed JSON with its position; the scan keeps what it found.
                }
            }
        }
    }
}
