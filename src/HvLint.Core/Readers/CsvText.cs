using System;
using System.Collections.Generic;
using System.Text;

namespace HvLint.Readers
{
    /// <summary>One field of a CSV record: its text, and where it starts (1-based line and column).</summary>
    public sealed class CsvField
    {
        public CsvField(string text, int line, int column)
        {
            Text = text;
            Line = line;
            Column = column;
        }

        public string Text { get; }

        public int Line { get; }

        public int Column { get; }
    }

    /// <summary>
    /// CSV text read as PowerShell's Import-Csv reads it, whether Export-Csv wrote it (an inventory) or someone typed it
    /// (the list a provisioning script imports): fields separated by a delimiter, blanks before a field skipped, a field
    /// that starts with a quote quoted (a quote written twice is one quote, the delimiter and line breaks are text, and
    /// text after the closing quote up to the delimiter is kept unless it is only blanks), a quote inside an unquoted
    /// field just text. Import-Csv takes a quote that never closes to the end of the file; here that is no record, so
    /// that a broken file is reported or unknown, never read as one long field. A cursor that moves forward only,
    /// counting lines and columns (a CR LF is one line break).
    /// </summary>
    public sealed class CsvText
    {
        private readonly string _text;
        private int _at;

        public CsvText(string text)
        {
            _text = text;
            Line = 1;
            Column = 1;
            if (Peek() == '\uFEFF') _at = 1; // a byte order mark is no character of the first field
        }

        public int Line { get; private set; }

        public int Column { get; private set; }

        public bool AtEnd => _at >= _text.Length;

        /// <summary>At a line break: a blank line, which holds no record.</summary>
        public bool AtLineBreak => Peek() == '\r' || Peek() == '\n';

        /// <summary>Where the last quote that never closed opened; (0, 0) before any.</summary>
        public (int Line, int Column) Unclosed { get; private set; }

        public bool StartsWith(string s) => string.Compare(_text, _at, s, 0, s.Length, StringComparison.OrdinalIgnoreCase) == 0;

        /// <summary>The rest of the current line, without its line break.</summary>
        public string RestOfLine()
        {
            int end = _text.IndexOfAny(LineBreaks, _at);
            return _text.Substring(_at, (end < 0 ? _text.Length : end) - _at);
        }

        /// <summary>Moves past the rest of the line and its line break (CR LF, LF or CR).</summary>
        public void SkipLine()
        {
            while (!AtEnd && !AtLineBreak) Advance();
            if (Peek() == '\r') Advance();
            if (Peek() == '\n') Advance();
        }

        /// <summary>
        /// The delimiter of a header line: the one of a comma (Export-Csv's default), a semicolon (-UseCulture in much of
        /// Europe), a tab and a bar that it has most of outside quotes; a comma when it has none.
        /// </summary>
        public static char Delimiter(string header)
        {
            char[] candidates = { ',', ';', '\t', '|' };
            var counts = new int[candidates.Length];
            bool quoted = false;
            foreach (char c in header)
            {
                if (c == '"') quoted = !quoted;
                else if (!quoted && Array.IndexOf(candidates, c) is int k && k >= 0) counts[k]++;
            }

            int best = 0;
            for (int k = 1; k < counts.Length; k++)
            {
                if (counts[k] > counts[best]) best = k;
            }

            return candidates[best];
        }

        /// <summary>The fields of the record here, moving past its line break; null, with <see cref="Unclosed"/> set, when a quote never closes.</summary>
        public List<CsvField>? Record(char delimiter)
        {
            var fields = new List<CsvField>();
            var value = new StringBuilder();
            while (true)
            {
                value.Clear();
                while (!AtEnd && (Peek() == ' ' || Peek() == '\t') && Peek() != delimiter) Advance();
                int line = Line, column = Column;
                if (Peek() == '"')
                {
                    Advance();
                    while (true)
                    {
                        if (AtEnd)
                        {
                            Unclosed = (line, column);
                            return null;
                        }

                        char c = Peek();
                        Advance();
                        if (c != '"')
                        {
                            value.Append(c);
                        }
                        else if (Peek() == '"')
                        {
                            value.Append('"');
                            Advance();
                        }
                        else
                        {
                            break;
                        }
                    }

                    int after = value.Length;
                    bool blank = true;
                    while (!AtEnd && Peek() != delimiter && !AtLineBreak)
                    {
                        blank &= Peek() == ' ' || Peek() == '\t';
                        value.Append(Peek());
                        Advance();
                    }

                    if (blank) value.Length = after;
                }
                else
                {
                    while (!AtEnd && Peek() != delimiter && !AtLineBreak)
                    {
                        value.Append(Peek());
                        Advance();
                    }
                }

                fields.Add(new CsvField(value.ToString(), line, column));
                if (!AtEnd && Peek() == delimiter)
                {
                    Advance();
                    continue;
                }

                if (Peek() == '\r') Advance();
                if (Peek() == '\n') Advance();
                return fields;
            }
        }

        private static readonly char[] LineBreaks = { '\r', '\n' };

        private char Peek() => _at < _text.Length ? _text[_at] : '\0';

        private void Advance()
        {
            char c = _text[_at++];
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
    }
}
