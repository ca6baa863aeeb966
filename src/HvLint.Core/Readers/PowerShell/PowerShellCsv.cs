using System;
using System.Collections.Generic;
using System.IO;
using HvLint.Model;
using Newtonsoft.Json.Linq;

namespace HvLint.Readers.PowerShell
{
    /// <summary>
    /// What Export-Csv (or ConvertTo-Csv) writes for the Hyper-V cmdlets' objects (Get-VM | Export-Csv vms.csv), read as
    /// the JSON ConvertTo-Json writes for them, so that the export reader reads both alike. The shape is Export-Csv's
    /// (learn.microsoft.com, Export-Csv): an optional first line "#TYPE" and the objects' type (Windows PowerShell 5.1
    /// writes it unless -NoTypeInformation; PowerShell 7 only with -IncludeTypeInformation), a header of the property
    /// names, then one line per object. Fields are separated by a comma, or the character -Delimiter gives (-UseCulture
    /// takes the culture's list separator, a ';' in much of Europe), and quoted unless -UseQuotes says otherwise; a
    /// quote inside a quoted field is written twice, and a quoted field may span lines. Every value is the property's
    /// text: "" for null, True or False, an enumeration's name, and a nested object or list its type name, which is all a
    /// CSV file can hold of it. Values become JSON strings (null for an empty field), each at its field's line and
    /// column.
    /// </summary>
    internal static class PowerShellCsv
    {
        private const string TypeLine = "#TYPE ";

        /// <summary>
        /// Whether the head of a file is Export-Csv of a Hyper-V cmdlet's objects: a #TYPE line naming one of the Hyper-V
        /// module's types, or a header whose names are a Hyper-V object's (the same test as for JSON).
        /// </summary>
        public static bool Detect(string head)
        {
            using (var reader = new StringReader(head))
            {
                string? first = reader.ReadLine();
                if (first != null && first.Length > 0 && first[0] == '\uFEFF') first = first.Substring(1);
                if (first == null) return false;
                if (first.StartsWith(TypeLine, StringComparison.Ordinal))
                {
                    if (PowerShellObjectClassifier.OriginalTypeName(first.Substring(TypeLine.Length)).StartsWith("Microsoft.HyperV.PowerShell.", StringComparison.Ordinal)) return true;
                    first = reader.ReadLine();
                    if (first == null) return false;
                }

                List<string>? names = HeaderNames(first);
                return names != null && PowerShellObjectClassifier.Classify(new HashSet<string>(names, StringComparer.Ordinal)) != PowerShellObjectKind.Unknown;
            }
        }

        /// <summary>The objects of the file as a JSON array of objects; null, with the problem given to <paramref name="problem"/>, when it has no header.</summary>
        public static JToken? Load(string path, TextReader text, Action<SourceLocation, string> problem)
        {
            var csv = new CsvText(text.ReadToEnd());

            // The #TYPE line names what wrote the objects: their kind even when Select-Object left too few properties to tell it.
            PowerShellObjectKind kind = PowerShellObjectKind.Unknown;
            if (csv.StartsWith(TypeLine))
            {
                kind = PowerShellObjectClassifier.OfTypeName(csv.RestOfLine().Substring(TypeLine.Length));
                csv.SkipLine();
            }

            while (!csv.AtEnd && csv.AtLineBreak) csv.SkipLine();
            if (csv.AtEnd)
            {
                problem(new SourceLocation(path, csv.Line, csv.Column), "no header line of property names (Export-Csv writes one before the objects)");
                return null;
            }

            char delimiter = CsvText.Delimiter(csv.RestOfLine());
            int headerLine = csv.Line;
            List<CsvField>? header = csv.Record(delimiter);
            if (header == null)
            {
                Unclosed(path, csv, problem);
                return null;
            }

            var names = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (CsvField f in header)
            {
                // Import-Csv refuses a header that names a property twice (PowerShell's property names are not case-sensitive).
                if (f.Text.Length == 0 || !seen.Add(f.Text))
                {
                    problem(new SourceLocation(path, f.Line, f.Column), f.Text.Length == 0 ? "a header field without a property name" : "the header names '" + f.Text + "' twice");
                    return null;
                }

                names.Add(f.Text);
            }

            var objects = new JArray();
            objects.AddAnnotation(new JsonTokens.Position(headerLine, 1));
            while (!csv.AtEnd)
            {
                // Export-Csv writes no blank lines; one (an edit, a trailing line break) is no object.
                if (csv.AtLineBreak)
                {
                    csv.SkipLine();
                    continue;
                }

                int line = csv.Line, column = csv.Column;
                List<CsvField>? fields = csv.Record(delimiter);
                if (fields == null)
                {
                    Unclosed(path, csv, problem);
                    break;
                }

                var obj = new JObject();
                obj.AddAnnotation(new JsonTokens.Position(line, column));
                if (kind != PowerShellObjectKind.Unknown) obj.AddAnnotation(new WrittenBy(kind));

                // As Import-Csv: a field past the header's is dropped, a missing one is null.
                for (int i = 0; i < names.Count; i++)
                {
                    CsvField? f = i < fields.Count ? fields[i] : null;
                    JValue value = f != null && f.Text.Length > 0 ? new JValue(f.Text) : JValue.CreateNull();
                    value.AddAnnotation(f != null ? new JsonTokens.Position(f.Line, f.Column) : new JsonTokens.Position(line, column));
                    obj[names[i]] = value;
                }

                objects.Add(obj);
            }

            return objects;
        }

        private static void Unclosed(string path, CsvText csv, Action<SourceLocation, string> problem) =>
            problem(new SourceLocation(path, csv.Unclosed.Line, csv.Unclosed.Column), "a quoted value that is never closed");

        /// <summary>The names of a header line; null when it is not one line of two fields or more.</summary>
        private static List<string>? HeaderNames(string line)
        {
            List<CsvField>? fields = new CsvText(line).Record(CsvText.Delimiter(line));
            if (fields == null || fields.Count < 2) return null;
            var names = new List<string>();
            foreach (CsvField f in fields) names.Add(f.Text);
            return names;
        }
    }
}
