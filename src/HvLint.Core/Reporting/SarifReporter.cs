using System.Collections.Generic;
using System.IO;
using HvLint.Engine;
using HvLint.Model;
using HvLint.Rules;
using Newtonsoft.Json;

namespace HvLint.Reporting
{
    /// <summary>
    /// SARIF 2.1.0: one run, every catalog rule in tool.driver.rules, every result with a relative
    /// forward-slash URI under %SRCROOT%, a 1-based region and fingerprints that survive line moves.
    /// Input and configuration problems (HV9xxx) go to invocations[0].toolExecutionNotifications.
    /// </summary>
    public static class SarifReporter
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        /// <param name="includeSuppressed">Also write suppressed findings, each with its SARIF "suppressions" entry.</param>
        public static void Write(TextWriter output, AuditResult result, string? automationId = null, bool includeSuppressed = false)
        {
            var rules = new List<RuleDescriptor>(RuleCatalog.Descriptors);
            rules.AddRange(result.PackRules);
            var index = new Dictionary<string, int>();
            for (int i = 0; i < rules.Count; i++) index[rules[i].Id] = i;

            using (var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false })
            {
                w.WriteStartObject();
                w.WritePropertyName("$schema"); w.WriteValue(SchemaUri);
                w.WritePropertyName("version"); w.WriteValue("2.1.0");
                w.WritePropertyName("runs"); w.WriteStartArray();
                w.WriteStartObject();

                w.WritePropertyName("tool"); w.WriteStartObject();
                w.WritePropertyName("driver"); w.WriteStartObject();
                w.WritePropertyName("name"); w.WriteValue(ToolInfo.Name);
                w.WritePropertyName("version"); w.WriteValue(ToolInfo.Version);
                w.WritePropertyName("semanticVersion"); w.WriteValue(ToolInfo.Version);
                w.WritePropertyName("informationUri"); w.WriteValue(ToolInfo.InformationUri);
                w.WritePropertyName("rules"); w.WriteStartArray();
                foreach (RuleDescriptor d in rules) WriteRule(w, d);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();

                if (!string.IsNullOrEmpty(automationId))
                {
                    w.WritePropertyName("automationDetails"); w.WriteStartObject();
                    w.WritePropertyName("id"); w.WriteValue(automationId);
                    w.WriteEndObject();
                }

                w.WritePropertyName("originalUriBaseIds"); w.WriteStartObject();
                w.WritePropertyName("%SRCROOT%"); w.WriteStartObject();
                w.WritePropertyName("description"); w.WriteStartObject();
                w.WritePropertyName("text"); w.WriteValue("The folder hvlint ran in; result URIs are relative to it.");
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();

                w.WritePropertyName("invocations"); w.WriteStartArray();
                w.WriteStartObject();
                w.WritePropertyName("executionSuccessful"); w.WriteValue(!result.Incomplete);
                w.WritePropertyName("toolExecutionNotifications"); w.WriteStartArray();
                foreach (Finding f in result.Findings)
                {
                    if (f.Descriptor.Category != RuleCategory.Tool) continue;
                    w.WriteStartObject();
                    w.WritePropertyName("descriptor"); w.WriteStartObject();
                    w.WritePropertyName("id"); w.WriteValue(f.RuleId);
                    w.WriteEndObject();
                    w.WritePropertyName("level"); w.WriteValue(SeverityNames.Sarif(f.Severity));
                    WriteMessage(w, f.Message);
                    w.WritePropertyName("locations"); w.WriteStartArray();
                    WriteLocation(w, f.Location);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();

                w.WritePropertyName("results"); w.WriteStartArray();
                var results = new List<Finding>(result.Findings);
                if (includeSuppressed)
                {
                    results.AddRange(result.Suppressed);
                    results.Sort();
                }

                foreach (Finding f in results)
                {
                    if (f.Descriptor.Category == RuleCategory.Tool) continue;
                    w.WriteStartObject();
                    w.WritePropertyName("ruleId"); w.WriteValue(f.RuleId);
                    w.WritePropertyName("ruleIndex"); w.WriteValue(index[f.RuleId]);
                    w.WritePropertyName("level"); w.WriteValue(SeverityNames.Sarif(f.Severity));
                    WriteMessage(w, f.Message);
                    w.WritePropertyName("locations"); w.WriteStartArray();
                    WriteLocation(w, f.Location);
                    w.WriteEndArray();
                    w.WritePropertyName("partialFingerprints"); w.WriteStartObject();
                    w.WritePropertyName("hvlintSubject/v1"); w.WriteValue(Fingerprint.Of(f));
                    w.WriteEndObject();
                    if (f.Suppression != null)
                    {
                        w.WritePropertyName("suppressions"); w.WriteStartArray();
                        w.WriteStartObject();
                        w.WritePropertyName("kind"); w.WriteValue(f.Suppression.Kind == SuppressionKind.InSource ? "inSource" : "external");
                        w.WritePropertyName("status"); w.WriteValue("accepted");
                        w.WritePropertyName("justification"); w.WriteValue(f.Suppression.Reason);
                        if (f.Suppression.Location.HasPosition)
                        {
                            w.WritePropertyName("location"); WriteLocation(w, f.Suppression.Location);
                        }

                        w.WriteEndObject();
                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();

                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            output.WriteLine();
        }

        private static void WriteRule(JsonWriter w, RuleDescriptor d)
        {
            w.WriteStartObject();
            w.WritePropertyName("id"); w.WriteValue(d.Id);
            w.WritePropertyName("name"); w.WriteValue(d.Name);
            w.WritePropertyName("shortDescription"); w.WriteStartObject();
            w.WritePropertyName("text"); w.WriteValue(d.Title);
            w.WriteEndObject();
            w.WritePropertyName("fullDescription"); w.WriteStartObject();
            w.WritePropertyName("text"); w.WriteValue(d.Description);
            w.WriteEndObject();
            w.WritePropertyName("helpUri"); w.WriteValue(d.HelpUri);
            w.WritePropertyName("defaultConfiguration"); w.WriteStartObject();
            w.WritePropertyName("level"); w.WriteValue(SeverityNames.Sarif(d.DefaultSeverity));
            w.WriteEndObject();
            w.WritePropertyName("properties"); w.WriteStartObject();
            w.WritePropertyName("category"); w.WriteValue(d.Category.ToString());
            if (d.Pack != null)
            {
                w.WritePropertyName("pack"); w.WriteValue(d.Pack);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static void WriteMessage(JsonWriter w, string text)
        {
            w.WritePropertyName("message"); w.WriteStartObject();
            w.WritePropertyName("text"); w.WriteValue(text);
            w.WriteEndObject();
        }

        private static void WriteLocation(JsonWriter w, SourceLocation l)
        {
            w.WriteStartObject();
            w.WritePropertyName("physicalLocation"); w.WriteStartObject();
            w.WritePropertyName("artifactLocation"); w.WriteStartObject();
            w.WritePropertyName("uri"); w.WriteValue(EscapeUri(l.Path.Replace('\\', '/')));
            w.WritePropertyName("uriBaseId"); w.WriteValue("%SRCROOT%");
            w.WriteEndObject();
            w.WritePropertyName("region"); w.WriteStartObject();
            // Never 0 and never missing: GitHub rejects a whole SARIF file for one result without a region.
            w.WritePropertyName("startLine"); w.WriteValue(System.Math.Max(1, l.Line));
            w.WritePropertyName("startColumn"); w.WriteValue(System.Math.Max(1, l.Column));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        /// <summary>Percent-encodes what a relative URI reference may not hold (spaces, %, #, ?), keeping slashes.</summary>
        private static string EscapeUri(string path)
        {
            var sb = new System.Text.StringBuilder(path.Length);
            foreach (char c in path)
            {
                if (c == ' ' || c == '%' || c == '#' || c == '?' || c == '[' || c == ']' || c < 0x20) sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                else sb.Append(c);
            }

            return sb.ToString();
        }
    }
}
