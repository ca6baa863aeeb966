using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
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

        /// <summary>The delimiters Export-Csv is given in practice: its default, the list separators of the cultures, a tab.</summary>
        private static readonly char[] Delimiters = { ',', ';', '\t', '|' };

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
                    string type = first.Substring(TypeLine.Length).Trim();
                    foreach (string prefix in new[] { "Selected.", "Deserialized." })
                    {
                        if (type.StartsWith(prefix, StringComparison.Ordinal)) type = type.Substring(prefix.Length);
                    }

                    if (type.StartsWith("Microsoft.HyperV.PowerShell.", StringComparison.Ordinal)) return true;
                    first = reader.ReadLine();
                    if (first == null) return false;
                }

                List<string>? names = HeaderNames(first, Delimiter(first));
                return names != null && PowerShellObjectClassifier.Classify(new HashSet<string>(names, StringComparer.Ordinal)) != PowerShellObjectKind.Unknown;
            }
        }

        /// <summary>The objects of the file as a JSON array of objects; null, with the problem given to <paramref name="problem"/>, when it has no header.</summary>
        public static JToken? Load(string path, TextReader text, Action<SourceLocation, string> problem)
        {
            string content = text.ReadToEnd();
            var cursor = new Cursor(content);
            if (cursor.Peek() == '\uFEFF') cursor.Advance();
            // The #TYPE line names what wrote the objects: their kind even when Select-Object left too few properties to tell it.
            PowerShellObjectKind kind = PowerShellObjectKind.Unknown;
            if (cursor.StartsWith(TypeLine))
            {
                kind = PowerShellObjectClassifier.OfTypeName(cursor.RestOfLine().Substring(TypeLine.Length));
                cursor.SkipLine();
            }

            while (!cursor.AtEnd && (cursor.Peek() == '\r' || cursor.Peek() == '\n')) cursor.SkipLine();
            if (cursor.AtEnd)
            {
                problem(new SourceLocation(path, cursor.Line, cursor.Column), "no header line of property names (Export-Csv writes one before the objects)");
                return null;
            }

            char delimiter = Delimiter(cursor.RestOfLine());
            int headerLine = cursor.Line;
            List<Field>? header = cursor.Record(delimiter, path, problem);
            if (header == null) return null;
            var names = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (Field f in header)
            {
                string name = f.Text ?? string.Empty;
                // Import-Csv refuses a header that names a property twice (PowerShell's property names are not case-sensitive).
                if (name.Length == 0 || !seen.Add(name))
                {
                    problem(new SourceLocation(path, f.Line, f.Column), name.Length == 0 ? "a header field without a property name" : "the header names '" + name + "' twice");
                    return null;
                }

                names.Add(name);
            }

            var objects = new JArray();
            objects.AddAnnotation(new JsonTokens.Position(headerLine, 1));
            while (!cursor.AtEnd)
            {
                // Export-Csv writes no blank lines; one (an edit, a trailing line break) is no object.
                if (cursor.Peek() == '\r' || cursor.Peek() == '\n')
                {
                    cursor.SkipLine();
                    continue;
                }

                int line = cursor.Line, column = cursor.Column;
                List<Field>? fields = cursor.Record(delimiter, path, problem);
                if (fields == null) break;
                var obj = new JObject();
                obj.AddAnnotation(new JsonTokens.Position(line, column));
                if (kind != PowerShellObjectKind.Unknown) obj.AddAnnotation(new WrittenAs(kind));

                // As Import-Csv: a field past the header's is dropped, a missing one is null.
                for (int i = 0; i < names.Count; i++)
                {
                    Field? f = i < fields.Count ? fields[i] : null;
                    JValue value = f?.Text is string s && s.Length > 0 ? new JValue(s) : JValue.CreateNull();
                    value.AddAnnotation(f != null ? new JsonTokens.Position(f.Line, f.Column) : new JsonTokens.Position(line, column));
                    obj[names[i]] = value;
                }

                objects.Add(obj);
            }

            return objects;
        }

        /// <summary>The delimiter of a header line: the one of <see cref="Delimiters"/> it has most of outside quotes; a comma when it has none.</summary>
        private static char Delimiter(string header)
        {
            var counts = new int[Delimiters.Length];
            bool quoted = false;
            foreach (char c in header)
            {
                if (c == '"') quoted = !quoted;
                else if (!quoted && Array.IndexOf(Delimiters, c) is int k && k >= 0) counts[k]++;
            }

            int best = 0;
            for (int k = 1; k < counts.Length; k++)
            {
                if (counts[k] > counts[best]) best = k;
            }

            return Delimiters[best];
        }

        /// <summary>The names of a header line; null when it is not one line of fields.</summary>
        private static List<string>? HeaderNames(string line, char delimiter)
        {
            var cursor = new Cursor(line);
            List<Field>? fields = cursor.Record(delimiter, string.Empty, (_, _) => { });
            if (fields == null || fields.Count < 2) return null;
            var names = new List<string>();
            foreach (Field f in fields) names.Add(f.Text ?? string.Empty);
            return names;
        }

        /// <summary>An annotation on an object of a file whose #TYPE line says which cmdlet wrote it.</summary>
        public sealed class WrittenAs
        {
            public WrittenAs(PowerShellObjectKind kind) => Kind = kind;

            public PowerShellObjectKind Kind { get; }
        }

        private sealed class Field
        {
            public Field(string? text, int line, int column)
            {
                Text = text;
                Line = line;
                Column = column;
            }

            public string? Text { get; }

            public int Line { get; }

            public int Column { get; }
        }

        /// <summary>A position in the text, with its line and column (1-based), moving forward only.</summary>
        private sealed class Cursor
        {
            private readonly string _text;
            private int _at;

            public Cursor(string text)
            {
                _text = text;
                Line = 1;
                Column = 1;
            }

            public int Line { get; private set; }

            public int Column { get; private set; }

            public bool AtEnd => _at >= _text.Length;

            public char Peek() => _at < _text.Length ? _text[_at] : '\0';

            public bool StartsWith(string s) => string.CompareOrdinal(_text, _at, s, 0, s.Length) == 0;

            public void Advance()
            {
                char c = _text[_at++];
                // A CRLF is one line break: the CR moves nothing, the LF starts the line.
                if (c == '\n' || (c == '\r' && Peek() != '\n'))
                {
                    Line++;
                    Column = 1;
                }
                else if (c != '\r')
                {
                    Column++;
                }
            }

            public string RestOfLine()
            {
                int end = _text.IndexOfAny(new[] { '\r', '\n' }, _at);
                return _text.Substring(_at, (end < 0 ? _text.Length : end) - _at);
            }

            public void SkipLine()
            {
                while (!AtEnd && Peek() != '\r' && Peek() != '\n') Advance();
                if (Peek() == '\r') Advance();
                if (Peek() == '\n') Advance();
            }

            /// <summary>The fields of one record and its line break; null, with the problem reported, for a quote that never closes.</summary>
            public List<Field>? Record(char delimiter, string path, Action<SourceLocation, string> problem)
            {
                var fields = new List<Field>();
                while (true)
                {
                    int line = Line, column = Column;
                    var value = new StringBuilder();
                    if (Peek() == '"')
                    {
                        Advance();
                        while (true)
                        {
                            if (AtEnd)
                            {
                                problem(new SourceLocation(path, line, column), "a quoted value that is never closed");
                                return null;
                            }

                            char c = Peek();
                            Advance();
                            if (c != '"')
                            {
                                value.Append(c);
                                continue;
                            }

                            if (Peek() != '"') break;
                            value.Append('"');
                            Advance();
                        }

                        // Text after the closing quote, up to the delimiter, is kept, as Import-Csv keeps it.
                        while (!AtEnd && Peek() != delimiter && Peek() != '\r' && Peek() != '\n')
                        {
                            value.Append(Peek());
                            Advance();
                        }
                    }
                    else
                    {
                        while (!AtEnd && Peek() != delimiter && Peek() != '\r' && Peek() != '\n')
                        {
                            value.Append(Peek());
                            Advance();
                        }
                    }

                    fields.Add(new Field(value.ToString(), line, column));
                    if (Peek() == delimiter && !AtEnd)
                    {
                        Advance();
                        continue;
                    }

                    if (Peek() == '\r') Advance();
                    if (Peek() == '\n') Advance();
                    return fields;
                }
            }
        }
    }
}
