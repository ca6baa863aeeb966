using System.IO;
using HvLint.Engine;
using HvLint.Model;
using Newtonsoft.Json;

namespace HvLint.Reporting
{
    /// <summary>HvLint's own JSON document (schema: rules/schema/hvlint-report.schema.json). Property order is fixed.</summary>
    public static class JsonReporter
    {
        public const string SchemaVersion = "1";

        public static void Write(TextWriter output, AuditResult result)
        {
            using (var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false })
            {
                int errors = 0, warnings = 0, infos = 0;
                foreach (Finding f in result.Findings)
                {
                    if (f.Severity == Severity.Error) errors++;
                    else if (f.Severity == Severity.Warning) warnings++;
                    else if (f.Severity == Severity.Info) infos++;
                }

                w.WriteStartObject();
                w.WritePropertyName("schemaVersion"); w.WriteValue(SchemaVersion);
                w.WritePropertyName("tool"); w.WriteStartObject();
                w.WritePropertyName("name"); w.WriteValue(ToolInfo.Name);
                w.WritePropertyName("version"); w.WriteValue(ToolInfo.Version);
                w.WriteEndObject();
                w.WritePropertyName("profile"); w.WriteStartObject();
                w.WritePropertyName("id"); w.WriteValue(result.Profile.Profile.Id);
                w.WritePropertyName("reason"); w.WriteValue(result.Profile.Reason);
                w.WritePropertyName("hosts"); w.WriteStartObject();
                foreach (var h in result.HostProfiles)
                {
                    w.WritePropertyName(h.Key); w.WriteValue(h.Value.Id);
                }

                w.WriteEndObject();
                w.WriteEndObject();
                w.WritePropertyName("summary"); w.WriteStartObject();
                w.WritePropertyName("errors"); w.WriteValue(errors);
                w.WritePropertyName("warnings"); w.WriteValue(warnings);
                w.WritePropertyName("infos"); w.WriteValue(infos);
                w.WritePropertyName("filesRead"); w.WriteValue(result.FilesRead);
                w.WritePropertyName("filesSkipped"); w.WriteValue(result.SkippedFiles.Count);
                w.WritePropertyName("hosts"); w.WriteValue(result.Hosts);
                w.WritePropertyName("virtualMachines"); w.WriteValue(result.VirtualMachines);
                w.WritePropertyName("codeVirtualMachines"); w.WriteValue(result.CodeVirtualMachines);
                w.WritePropertyName("suppressed"); w.WriteValue(result.Suppressed.Count);
                w.WritePropertyName("suppressionsExpired"); w.WriteValue(result.ExpiredSuppressions);
                w.WritePropertyName("baselined"); w.WriteValue(result.Baselined);
                w.WritePropertyName("baselineGone"); w.WriteValue(result.BaselineGone);
                w.WritePropertyName("incomplete"); w.WriteValue(result.Incomplete);
                w.WriteEndObject();
                w.WritePropertyName("findings"); w.WriteStartArray();
                foreach (Finding f in result.Findings)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("ruleId"); w.WriteValue(f.RuleId);
                    w.WritePropertyName("severity"); w.WriteValue(SeverityNames.Text(f.Severity));
                    w.WritePropertyName("message"); w.WriteValue(f.Message);
                    w.WritePropertyName("file"); w.WriteValue(f.Location.Path);
                    w.WritePropertyName("line"); w.WriteValue(System.Math.Max(1, f.Location.Line));
                    w.WritePropertyName("column"); w.WriteValue(System.Math.Max(1, f.Location.Column));
                    w.WritePropertyName("subject"); w.WriteValue(f.Subject);
                    w.WritePropertyName("fingerprint"); w.WriteValue(Fingerprint.Of(f));
                    w.WritePropertyName("helpUri"); w.WriteValue(f.Descriptor.HelpUri);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            output.WriteLine();
        }
    }
}
