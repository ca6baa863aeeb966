using System.Text;
using HvLint.Engine;
using HvLint.Model;
using HvLint.Reporting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HvLint.Cli;

/// <summary>
/// hvlint.baseline.json: the findings of the day it was made, keyed by file + VM or host identity + rule
/// (the SARIF fingerprint), never by line, so edits that move lines do not bring findings back.
/// </summary>
internal static class BaselineFile
{
    public const string DefaultName = "hvlint.baseline.json";

    public static void Write(string path, AuditResult result)
    {
        using var text = new StreamWriter(path, false, new UTF8Encoding(false));
        using var w = new JsonTextWriter(text) { Formatting = Formatting.Indented };
        w.WriteStartObject();
        w.WritePropertyName("version"); w.WriteValue(1);
        w.WritePropertyName("tool"); w.WriteValue(ToolInfo.Name + " " + ToolInfo.Version);
        w.WritePropertyName("findings"); w.WriteStartArray();
        foreach (Finding f in result.Findings)
        {
            if (f.RuleId.StartsWith("HV9", StringComparison.Ordinal)) continue; // input problems are fixed, not baselined
            w.WriteStartObject();
            w.WritePropertyName("ruleId"); w.WriteValue(f.RuleId);
            w.WritePropertyName("file"); w.WriteValue(f.Location.Path);
            w.WritePropertyName("subject"); w.WriteValue(f.Subject);
            w.WritePropertyName("fingerprint"); w.WriteValue(Fingerprint.Of(f));
            w.WritePropertyName("message"); w.WriteValue(f.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        text.WriteLine();
    }

    /// <summary>Reads a baseline; a file that is not one is HV9003 and the audit reports every finding.</summary>
    public static Baseline? Read(string path, IList<KeyValuePair<SourceLocation, string>> problems)
    {
        string display = InputFiles.DisplayPath(Path.GetFullPath(path));
        if (!File.Exists(path))
        {
            problems.Add(new(SourceLocation.InFile(display), "baseline file not found"));
            return null;
        }

        try
        {
            var root = JObject.Parse(File.ReadAllText(path));
            // Every value is checked for its type before it is read: a cast of the wrong one (an object where the rule
            // belongs, a version past 32 bits) throws, which would end the audit instead of giving HV9003.
            if (root["version"] is not JValue { Value: long version } || version != 1 || root["findings"] is not JArray findings)
            {
                throw new BaselineException(root["version"] is JValue { Value: long } ? root["findings"] ?? root : root["version"] ?? root, "expected { \"version\": 1, \"findings\": [...] }");
            }

            var fingerprints = new List<string>();
            foreach (JToken f in findings)
            {
                // The fingerprint is recomputed from file, subject and rule so that an edited entry cannot lie.
                var entry = f as JObject;
                string? rule = Text(entry?["ruleId"]), file = Text(entry?["file"]), subject = Text(entry?["subject"]);
                if (rule == null || file == null || subject == null) throw new BaselineException(f, "each finding needs ruleId, file and subject, as text");
                fingerprints.Add(Fingerprint.Of(file, subject, rule));
            }

            return new Baseline(display, fingerprints);
        }
        catch (JsonReaderException ex)
        {
            problems.Add(new(new SourceLocation(display, Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition)), "not an HvLint baseline: " + ex.Message.Split(" Path '")[0]));
            return null;
        }
        catch (BaselineException ex)
        {
            problems.Add(new(Readers.JsonTokens.Start(display, ex.At), "not an HvLint baseline: " + ex.Message));
            return null;
        }
    }

    // A finding's entry may be any JSON value: its members are read only from an object, and only as strings.
    private static string? Text(JToken? value) => value is JValue { Type: JTokenType.String } s ? (string?)s : null;

    private sealed class BaselineException(JToken at, string message) : Exception(message)
    {
        public JToken At { get; } = at;
    }
}
