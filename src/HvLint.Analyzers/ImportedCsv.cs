using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;

namespace HvLint.Analyzers
{
    /// <summary>
    /// The rows Import-Csv makes of a file, each a table of its columns' values (strings, as Import-Csv gives them), for
    /// a script that provisions one VM per row: foreach ($vm in Import-Csv .\vms.csv) { New-VM -Name $vm.Name ... }.
    /// </summary>
    internal static class ImportedCsv
    {
        /// <summary>
        /// The rows of <paramref name="text"/>: the first line names the columns unless <paramref name="header"/> does,
        /// fields are separated by <paramref name="delimiter"/>, and a quoted field may hold the delimiter, a line break
        /// or "" for one quote. A first line "#TYPE ..." (Windows PowerShell's Export-Csv writes one) and blank lines are
        /// not rows. A row shorter than the header leaves its last columns unknown ($null). Null when the columns have no
        /// names, or a name twice (Import-Csv stops there), or when there are more than <paramref name="maxRows"/> rows.
        /// </summary>
        public static List<ScriptHashtable>? Rows(string text, char delimiter, IReadOnlyList<string>? header, int maxRows, Location location)
        {
            int i = 0;
            if (text.Length > 0 && text[0] == '\uFEFF') i++;
            if (string.Compare(text, i, "#TYPE", 0, 5, StringComparison.OrdinalIgnoreCase) == 0) SkipLine(text, ref i);

            IReadOnlyList<string>? names = header;
            var rows = new List<ScriptHashtable>();
            while (i < text.Length)
            {
                List<string>? fields = Line(text, ref i, delimiter);
                if (fields == null) continue; // a blank line
                if (names == null)
                {
                    var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (string name in fields)
                    {
                        if (name.Length == 0 || !seen.Add(name)) return null;
                    }

                    names = fields;
                    continue;
                }

                if (rows.Count == maxRows) return null;
                var row = new ScriptHashtable();
                for (int k = 0; k < names.Count; k++)
                {
                    row.Add(new KeyValuePair<string, CodeValue>(names[k], k < fields.Count ? new CodeValue(fields[k], true, location) : new CodeValue(null, false, location)));
                }

                rows.Add(row);
            }

            return names == null ? null : rows;
        }

        /// <summary>The fields of the line at <paramref name="i"/>, moving past its line break; null for a blank line.</summary>
        private static List<string>? Line(string s, ref int i, char delimiter)
        {
            if (s[i] == '\r' || s[i] == '\n')
            {
                SkipLine(s, ref i);
                return null;
            }

            var fields = new List<string>();
            var field = new StringBuilder();
            while (true)
            {
                field.Clear();
                int start = i;
                while (start < s.Length && (s[start] == ' ' || s[start] == '\t') && s[start] != delimiter) start++;
                if (start < s.Length && s[start] == '"')
                {
                    // A quoted field: "" is one quote; the delimiter and line breaks are text. Blanks around the quotes are not.
                    i = start + 1;
                    while (i < s.Length)
                    {
                        if (s[i] == '"')
                        {
                            if (i + 1 < s.Length && s[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        field.Append(s[i++]);
                    }

                    while (i < s.Length && s[i] != delimiter && s[i] != '\r' && s[i] != '\n') i++;
                }
                else
                {
                    while (i < s.Length && s[i] != delimiter && s[i] != '\r' && s[i] != '\n') field.Append(s[i++]);
                }

                fields.Add(field.ToString());
                if (i < s.Length && s[i] == delimiter)
                {
                    i++;
                    continue;
                }

                SkipLine(s, ref i);
                return fields;
            }
        }

        /// <summary>Moves past the rest of the line and its line break (\r\n, \n or \r).</summary>
        private static void SkipLine(string s, ref int i)
        {
            while (i < s.Length && s[i] != '\r' && s[i] != '\n') i++;
            if (i < s.Length && s[i] == '\r') i++;
            if (i < s.Length && s[i] == '\n') i++;
        }
    }
}
