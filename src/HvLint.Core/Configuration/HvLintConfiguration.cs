using System;
using System.Collections.Generic;
using System.IO;
using HvLint.Engine;
using HvLint.Model;
using HvLint.Profiles;
using HvLint.Reporting;
using HvLint.Rules;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HvLint.Configuration
{
    /// <summary>
    /// hvlint.json: the profile and per-rule severities. A value HvLint does not know is HV9003 at its
    /// position, never a silent default.
    /// </summary>
    public sealed class HvLintConfiguration
    {
        public string Source { get; private set; } = string.Empty;

        public HyperVProfile? Profile { get; private set; }

        public RuleSettings Settings { get; } = new RuleSettings();

        public List<KeyValuePair<SourceLocation, string>> Problems { get; } = new List<KeyValuePair<SourceLocation, string>>();

        public static HvLintConfiguration Parse(string path, string text)
        {
            var config = new HvLintConfiguration { Source = path };
            JToken root;
            try
            {
                using (var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None })
                {
                    root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, CommentHandling = CommentHandling.Ignore });
                }
            }
            catch (JsonReaderException ex)
            {
                config.Problem(new SourceLocation(path, Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition)), "malformed JSON in the configuration: " + ex.Message.Split(new[] { " Path '" }, StringSplitOptions.None)[0].TrimEnd('.'));
                return config;
            }

            if (!(root is JObject obj))
            {
                config.Problem(At(path, root), "the configuration is a JSON object");
                return config;
            }

            foreach (JProperty p in obj.Properties())
            {
                switch (p.Name)
                {
                    case "$schema":
                        break;
                    case "profile":
                        if (p.Value.Type == JTokenType.String && ProfileCatalog.Find((string)p.Value!) is HyperVProfile profile) config.Profile = profile;
                        else config.Problem(At(path, p.Value), "unknown profile " + p.Value.ToString(Formatting.None) + " (known: " + ProfileCatalog.KnownIds + ")");
                        break;
                    case "rules":
                        if (!(p.Value is JObject rules))
                        {
                            config.Problem(At(path, p.Value), "'rules' maps rule IDs to off, info, warning or error");
                            break;
                        }

                        foreach (JProperty rule in rules.Properties())
                        {
                            RuleDescriptor? d = RuleCatalog.Find(rule.Name);
                            if (d == null)
                            {
                                config.Problem(At(path, rule), "unknown rule '" + rule.Name + "'");
                                continue;
                            }

                            Severity? severity = rule.Value.Type == JTokenType.String ? SeverityNames.Parse((string)rule.Value!) : null;
                            if (severity == null) config.Problem(At(path, rule.Value), "severity of " + d.Id + " must be off, info, warning or error, not " + rule.Value.ToString(Formatting.None));
                            else config.Settings.SetSeverity(d.Id, severity.Value);
                        }

                        break;
                    default:
                        config.Problem(At(path, p), "unknown setting '" + p.Name + "' (known: profile, rules)");
                        break;
                }
            }

            return config;
        }

        private void Problem(SourceLocation at, string message) => Problems.Add(new KeyValuePair<SourceLocation, string>(at, message));

        /// <summary>Newtonsoft's line info marks a token's end; good enough to find the line in a small file.</summary>
        private static SourceLocation At(string path, JToken token)
        {
            var info = (IJsonLineInfo)token;
            return info.HasLineInfo() ? new SourceLocation(path, info.LineNumber, Math.Max(1, info.LinePosition)) : new SourceLocation(path, 1, 1);
        }
    }
}
