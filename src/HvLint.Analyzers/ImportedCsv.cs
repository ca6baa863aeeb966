using System;
using System.Collections.Generic;
using HvLint.Readers;
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
        /// and fields are separated by <paramref name="delimiter"/>, read as Import-Csv reads them (<see cref="CsvText"/>).
        /// A first line "#TYPE ..." (Windows PowerShell's Export-Csv writes one) and blank lines are not rows. A row
        /// shorter than the header leaves its last columns unknown ($null). Null when the columns have no names, or a name
        /// twice (Import-Csv stops there), when a quote never closes, or when there are more than <paramref name="maxRows"/> rows.
        /// </summary>
        public static List<ScriptHashtable>? Rows(string text, char delimiter, IReadOnlyList<string>? header, int maxRows, Location location)
        {
            var csv = new CsvText(text);
            if (csv.StartsWith("#TYPE")) csv.SkipLine();

            IReadOnlyList<string>? names = header;
            var rows = new List<ScriptHashtable>();
            while (!csv.AtEnd)
            {
                if (csv.AtLineBreak)
                {
                    csv.SkipLine(); // a blank line
                    continue;
                }

                // A quote that never closes leaves the rows unknown.
                List<CsvField>? fields = csv.Record(delimiter);
                if (fields == null) return null;
                if (names == null)
                {
                    var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    var read = new List<string>();
                    foreach (CsvField name in fields)
                    {
                        if (name.Text.Length == 0 || !seen.Add(name.Text)) return null;
                        read.Add(name.Text);
                    }

                    names = read;
                    continue;
                }

                if (rows.Count == maxRows) return null;
                var row = new ScriptHashtable { Complete = true };
                for (int k = 0; k < names.Count; k++)
                {
                    row.Add(new KeyValuePair<string, CodeValue>(names[k], k < fields.Count ? new CodeValue(fields[k].Text, true, location) : new CodeValue(null, false, location)));
                }

                rows.Add(row);
            }

            return names == null ? null : rows;
        }
    }
}
