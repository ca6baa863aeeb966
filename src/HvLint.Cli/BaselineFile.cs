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
            if (root["findings"] is not JArray findings || (int?)root["version"] != 1) throw new FormatException("expected { \"version\": 1, \"findings\": [...] }");
            var fingerprints = new List<string>();
            foreach (JToken f in findings)
            {
                // The fingerprint is recomputed from file, subject and rule so that an edited entry cannot lie.
                string? rule = (string?)f["ruleId"], file = (string?)f["file"], subject = (string?)f["subject"];
                if (rule == null || file == null || subject == null) throw new FormatException("each finding needs ruleId, file and subject");
                fingerprints.Add(Fingerprint.Of(file, subject, rule));
            }

            return new Baseline(display, fingerprints);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException)
        {
            int line = ex is JsonReaderException j ? Math.Max(1, j.LineNumber) : 1, col = ex is JsonReaderException k ? Math.Max(1, k.LinePosition) : 1;
            problems.Add(new(new SourceLocation(display, line, col), "not an HvLint baseline: " + ex.Message.Split(" Path '")[0]));
            return null;
        }
    }
}
