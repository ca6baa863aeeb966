using System;
using System.Collections.Generic;
using System.Globalization;
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

        public List<Suppression> Suppressions { get; } = new List<Suppression>();

        /// <summary>Path globs of inputs folder walks read (all they find when empty), relative to the configuration's folder.</summary>
        public List<string> Include { get; } = new List<string>();

        /// <summary>Path globs of inputs to leave out of folder walks (relative to the folder the configuration is in).</summary>
        public List<string> Exclude { get; } = new List<string>();

        /// <summary>
        /// For C# inputs: the user's own methods whose first argument is PowerShell script text ("scriptSinks"), as
        /// hvlint.script_sinks names them to the analyzers in a build.
        /// </summary>
        public List<string> ScriptSinks { get; } = new List<string>();

        /// <summary>For C# inputs: the user's own command builder types ("commandBuilders"), as hvlint.command_builders.</summary>
        public List<string> CommandBuilders { get; } = new List<string>();

        /// <summary>Every value set, with the position it was set at, for `hvlint config`.</summary>
        public List<KeyValuePair<string, SourceLocation>> Origins { get; } = new List<KeyValuePair<string, SourceLocation>>();

        /// <summary>Rule packs the configuration names ("packs"), loaded through the caller's file access.</summary>
        public List<Packs.RulePack> Packs { get; } = new List<Packs.RulePack>();

        private readonly Dictionary<string, RuleDescriptor> _packRules = new Dictionary<string, RuleDescriptor>(StringComparer.OrdinalIgnoreCase);

        private RuleDescriptor? FindRule(string id) => RuleCatalog.Find(id) ?? (_packRules.TryGetValue(id, out RuleDescriptor? d) ? d : null);

        /// <param name="loadPack">Reads a pack named in "packs" (a path relative to the configuration); null when the file does not exist.</param>
        /// <param name="otherPacks">Packs given another way (--pack), whose rule IDs the configuration may name.</param>
        public static HvLintConfiguration Parse(string path, string text, Func<string, Packs.RulePack?>? loadPack = null, IEnumerable<Packs.RulePack>? otherPacks = null)
        {
            var config = new HvLintConfiguration { Source = path };
            if (otherPacks != null)
            {
                foreach (Packs.RulePack pack in otherPacks) config.AddPackRules(pack);
            }

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
                config.Problem(Readers.JsonErrors.Location(path, ex), "malformed JSON in the configuration: " + Readers.JsonErrors.Message(ex));
                return config;
            }

            if (!(root is JObject obj))
            {
                config.Problem(At(path, root), "the configuration is a JSON object");
                return config;
            }

            // Packs first: the rules and suppressions below may name their rule IDs.
            if (obj["packs"] is JToken packs)
            {
                foreach (string pack in config.ReadStrings(path, packs, "'packs' is an array of rule pack paths, relative to this file"))
                {
                    Packs.RulePack? loaded = loadPack?.Invoke(pack);
                    if (loaded == null)
                    {
                        config.Problem(At(path, packs), "rule pack '" + pack + "' not found");
                        continue;
                    }

                    config.Packs.Add(loaded);
                    config.AddPackRules(loaded);
                    config.Origins.Add(new KeyValuePair<string, SourceLocation>("pack " + loaded.Name + " (" + loaded.Rules.Count.ToString(CultureInfo.InvariantCulture) + " rules) from " + pack, At(path, packs)));
                }
            }

            foreach (JProperty p in obj.Properties())
            {
                switch (p.Name)
                {
                    case "$schema":
                    case "packs":
                        break;
                    case "profile":
                        if (p.Value.Type == JTokenType.String && ProfileCatalog.Find((string)p.Value!) is HyperVProfile profile)
                        {
                            config.Profile = profile;
                            config.Origins.Add(new KeyValuePair<string, SourceLocation>("profile = " + profile.Id, At(path, p.Value)));
                        }
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
                            RuleDescriptor? d = config.FindRule(rule.Name);
                            if (d == null)
                            {
                                config.Problem(At(path, rule), "unknown rule '" + rule.Name + "'");
                                continue;
                            }

                            Severity? severity = rule.Value.Type == JTokenType.String ? SeverityNames.Parse((string)rule.Value!) : null;
                            if (severity == null) config.Problem(At(path, rule.Value), "severity of " + d.Id + " must be off, info, warning or error, not " + rule.Value.ToString(Formatting.None));
                            else
                            {
                                config.Settings.SetSeverity(d.Id, severity.Value);
                                config.Origins.Add(new KeyValuePair<string, SourceLocation>("rules." + d.Id + " = " + SeverityNames.Text(severity.Value), At(path, rule.Value)));
                            }
                        }

                        break;
                    case "include":
                        config.ReadList(path, p, config.Include, "'include' is an array of path globs");
                        break;
                    case "exclude":
                        config.ReadList(path, p, config.Exclude, "'exclude' is an array of path globs");
                        break;
                    case "scriptSinks":
                        config.ReadList(path, p, config.ScriptSinks, "'scriptSinks' is an array of method names (Contoso.Hv.Runner.Run) whose first argument is PowerShell script text");
                        break;
                    case "commandBuilders":
                        config.ReadList(path, p, config.CommandBuilders, "'commandBuilders' is an array of type names (Contoso.Hv.PsCommandBuilder) whose AddCommand/AddParameter build PowerShell commands");
                        break;
                    case "suppressions":
                        if (!(p.Value is JArray list))
                        {
                            config.Problem(At(path, p.Value), "'suppressions' is an array of { rule, reason, vms, hosts, files, expires }");
                            break;
                        }

                        foreach (JToken item in list) config.ReadSuppression(path, item);
                        break;
                    default:
                        config.Problem(At(path, p), "unknown setting '" + p.Name + "' (known: profile, rules, include, exclude, suppressions, packs, scriptSinks, commandBuilders)");
                        break;
                }
            }

            return config;
        }

        private void AddPackRules(Packs.RulePack pack)
        {
            foreach (Rule r in pack.Rules) _packRules[r.Descriptor.Id] = r.Descriptor;
        }

        private void ReadSuppression(string path, JToken item)
        {
            if (!(item is JObject o))
            {
                Problem(At(path, item), "a suppression is an object { rule, reason, vms, hosts, files, expires }");
                return;
            }

            string? ruleId = null, reason = null;
            DateTime? expires = null;
            var vms = new List<string>();
            var hosts = new List<string>();
            var files = new List<string>();
            bool ok = true;
            foreach (JProperty p in o.Properties())
            {
                switch (p.Name)
                {
                    case "rule":
                        RuleDescriptor? d = p.Value.Type == JTokenType.String ? FindRule((string)p.Value!) : null;
                        if (d == null)
                        {
                            Problem(At(path, p.Value), "unknown rule " + p.Value.ToString(Formatting.None) + " in a suppression");
                            ok = false;
                        }
                        else
                        {
                            ruleId = d.Id;
                        }

                        break;
                    case "reason":
                        reason = p.Value.Type == JTokenType.String ? ((string)p.Value!).Trim() : null;
                        break;
                    case "expires":
                        if (p.Value.Type == JTokenType.String && DateTime.TryParseExact((string)p.Value!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime date)) expires = date;
                        else
                        {
                            Problem(At(path, p.Value), "'expires' is a date written yyyy-MM-dd, not " + p.Value.ToString(Formatting.None));
                            ok = false;
                        }

                        break;
                    case "vms": vms.AddRange(ReadStrings(path, p.Value, "'vms' is an array of VM name globs")); break;
                    case "hosts": hosts.AddRange(ReadStrings(path, p.Value, "'hosts' is an array of host name globs")); break;
                    case "files": files.AddRange(ReadStrings(path, p.Value, "'files' is an array of path globs")); break;
                    default:
                        Problem(At(path, p), "unknown suppression setting '" + p.Name + "' (known: rule, reason, vms, hosts, files, expires)");
                        ok = false;
                        break;
                }
            }

            if (ruleId == null && ok)
            {
                Problem(At(path, o), "a suppression needs a 'rule'");
                ok = false;
            }

            if (string.IsNullOrEmpty(reason))
            {
                // A suppression without a reason is a finding nobody can review later.
                Problem(At(path, o), "a suppression needs a 'reason'");
                ok = false;
            }

            if (!ok) return;
            var s = new Suppression(ruleId!, reason!, SuppressionKind.External, At(path, o)) { Expires = expires };
            s.VirtualMachines.AddRange(vms);
            s.Hosts.AddRange(hosts);
            s.Files.AddRange(files);
            Suppressions.Add(s);
            Origins.Add(new KeyValuePair<string, SourceLocation>("suppression of " + ruleId + ": " + reason, At(path, o)));
        }

        /// <summary>A setting that is a list of strings: into <paramref name="list"/>, each with its origin for `hvlint config`.</summary>
        private void ReadList(string path, JProperty setting, List<string> list, string expected)
        {
            foreach (string item in ReadStrings(path, setting.Value, expected))
            {
                list.Add(item);
                Origins.Add(new KeyValuePair<string, SourceLocation>(setting.Name + " " + item, At(path, setting.Value)));
            }
        }

        private List<string> ReadStrings(string path, JToken value, string expected)
        {
            var list = new List<string>();
            if (value is JArray array)
            {
                foreach (JToken t in array)
                {
                    if (t.Type == JTokenType.String) list.Add((string)t!);
                    else Problem(At(path, t), expected);
                }
            }
            else if (value.Type == JTokenType.String)
            {
                list.Add((string)value!);
            }
            else
            {
                Problem(At(path, value), expected);
            }

            return list;
        }

        private void Problem(SourceLocation at, string message) => Problems.Add(new KeyValuePair<SourceLocation, string>(at, message));

        /// <summary>Newtonsoft's line info marks a token's end; good enough to find the line in a small file.</summary>
        private static SourceLocation At(string path, JToken token) => Readers.JsonTokens.Start(path, token);
    }
}
