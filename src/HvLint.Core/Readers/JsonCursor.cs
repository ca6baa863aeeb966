using System;
using System.Globalization;
using System.IO;
using HvLint.Model;
using Newtonsoft.Json;

namespace HvLint.Readers
{
    /// <summary>
    /// A thin layer over <see cref="JsonTextReader"/> that gives the start position of every token.
    /// Newtonsoft reports the 1-based column of a token's last character (for a property name: the colon);
    /// the start is found by subtracting the token's length as written.
    /// </summary>
    internal sealed class JsonCursor : IDisposable
    {
        private readonly JsonTextReader _reader;

        public JsonCursor(string path, TextReader text)
        {
            Path = path;
            _reader = new JsonTextReader(text)
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Double,
                MaxDepth = 64,
                // Property names repeat in every VM: the name table hands back one string instance per name.
                PropertyNameTable = new DefaultJsonNameTable(),
            };
        }

        // Lower-case forms of the property names seen, so that matching them case-insensitively does not
        // allocate a new string for every property of every VM.
        private readonly System.Collections.Generic.Dictionary<string, string> _lower = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal);

        public string Lower(string name)
        {
            if (_lower.TryGetValue(name, out string? lower)) return lower;
            lower = name.ToLowerInvariant();
            if (_lower.Count < 4096) _lower[name] = lower; // bounded: a hostile file cannot grow it without limit
            return lower;
        }

        public string Path { get; }

        public JsonToken Token => _reader.TokenType;

        public object? Value => _reader.Value;

        public int Depth => _reader.Depth;

        public bool Read() => _reader.Read();

        /// <summary>Reads the next token and fails when the document ends there.</summary>
        public void ReadRequired()
        {
            if (!_reader.Read()) throw new JsonReaderException("Unexpected end of file.", Path, _reader.LineNumber, _reader.LinePosition, null);
        }

        public void Skip() => _reader.Skip();

        /// <summary>Where the current token starts.</summary>
        public SourceLocation Start
        {
            get
            {
                int length = TokenLength();
                int column = Math.Max(1, _reader.LinePosition - length + 1);
                return new SourceLocation(Path, Math.Max(1, _reader.LineNumber), column);
            }
        }

        /// <summary>A short description of the current token for messages ("the string 'eight'").</summary>
        public string Describe()
        {
            switch (_reader.TokenType)
            {
                case JsonToken.String: return "the string '" + Truncate((string)_reader.Value!) + "'";
                case JsonToken.Integer:
                case JsonToken.Float: return "the number " + Convert.ToString(_reader.Value, CultureInfo.InvariantCulture);
                case JsonToken.Boolean: return (bool)_reader.Value! ? "true" : "false";
                case JsonToken.Null: return "null";
                case JsonToken.StartObject: return "an object";
                case JsonToken.StartArray: return "an array";
                default: return _reader.TokenType.ToString();
            }
        }

        private static string Truncate(string s) => s.Length > 40 ? s.Substring(0, 40) + "…" : s;

        private int TokenLength()
        {
            switch (_reader.TokenType)
            {
                case JsonToken.String: return EscapedLength((string)_reader.Value!) + 2;
                case JsonToken.PropertyName: return EscapedLength((string)_reader.Value!) + 3;
                case JsonToken.Integer:
                case JsonToken.Float: return Convert.ToString(_reader.Value, CultureInfo.InvariantCulture)!.Length;
                case JsonToken.Boolean: return (bool)_reader.Value! ? 4 : 5;
                case JsonToken.Null: return 4;
                default: return 1;
            }
        }

        private static int EscapedLength(string s)
        {
            int n = 0;
            foreach (char c in s)
            {
                if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') n += 2;
                else if (c < 0x20) n += 6;
                else n++;
            }

            return n;
        }

        public void Dispose() => ((IDisposable)_reader).Dispose();
    }
}
