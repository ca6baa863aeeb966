using System;
using HvLint.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HvLint.Readers
{
    /// <summary>Where a Newtonsoft parse error is, and what it says, in the form HV9001 and HV9003 report.</summary>
    public static class JsonErrors
    {
        /// <summary>
        /// Newtonsoft's LinePosition counts the characters consumed; for "Unexpected character" and "Invalid
        /// character" the culprit is the next one, which is where the finding should point.
        /// </summary>
        public static SourceLocation Location(string path, JsonReaderException ex)
        {
            int column = ex.LinePosition;
            if (ex.Message.StartsWith("Unexpected character", StringComparison.Ordinal) || ex.Message.StartsWith("Invalid character", StringComparison.Ordinal)) column++;
            return new SourceLocation(path, Math.Max(1, ex.LineNumber), Math.Max(1, column));
        }

        /// <summary>The first sentence, without Newtonsoft's path and position suffix.</summary>
        public static string Message(JsonReaderException ex)
        {
            string m = ex.Message;
            int i = m.IndexOf(" Path '", StringComparison.Ordinal);
            if (i < 0) i = m.IndexOf(", line ", StringComparison.Ordinal);
            return (i > 0 ? m.Substring(0, i) : m).TrimEnd('.', ' ');
        }
    }

    /// <summary>Positions of tokens loaded with line information (JToken.ReadFrom).</summary>
    public static class JsonTokens
    {
        /// <summary>
        /// An input document (a cmdlet export, a Terraform plan) as tokens with their positions; null, with the
        /// problem given to <paramref name="problem"/>, when it is not well-formed JSON. Dates stay text, and a repeated
        /// property keeps its first value, as PowerShell and Terraform never write one twice.
        /// </summary>
        public static JToken? Load(string path, System.IO.TextReader text, Action<SourceLocation, string> problem)
        {
            try
            {
                using (var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 })
                {
                    return JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Ignore });
                }
            }
            catch (JsonReaderException ex)
            {
                problem(JsonErrors.Location(path, ex), "malformed JSON: " + JsonErrors.Message(ex));
                return null;
            }
        }

        /// <summary>
        /// Where a value that was not read as JSON starts (one HclDocument or the CLIXML reader made, which has no JSON
        /// line information of its own).
        /// </summary>
        public sealed class Position
        {
            public Position(int line, int column)
            {
                Line = line;
                Column = column;
            }

            public int Line { get; }

            public int Column { get; }
        }

        /// <summary>
        /// An annotation on a token copied into another file's document (a Packer build's field merged into the source
        /// block it fills in, a provider's host a variable gives): the file the token is written in, which
        /// <see cref="Start"/> reports.
        /// </summary>
        public sealed class WrittenIn
        {
            public WrittenIn(string path)
            {
                Path = path;
            }

            public string Path { get; }
        }

        /// <summary>
        /// The token's value when it is a whole number that fits 64 bits. Newtonsoft reads a longer one (a UInt64 near
        /// its maximum, a mistyped digit) as a BigInteger, which a cast to long throws on: such a value is read as the
        /// wrong type, an HV9001 and not a crash.
        /// </summary>
        public static bool IsWholeNumber(JToken? token, out long value)
        {
            if (token is JValue { Value: long n })
            {
                value = n;
                return true;
            }

            value = 0;
            return false;
        }

        /// <summary>
        /// Where a token starts. Newtonsoft records where a value ends, so the value's JSON length is subtracted
        /// (escapes as Newtonsoft writes them; PowerShell escapes a few more characters, so the column of such a
        /// string can be off by a little, never the line).
        /// </summary>
        public static SourceLocation Start(string path, JToken token)
        {
            if (token.Annotation<WrittenIn>() is WrittenIn file) path = file.Path;
            // A token that replaced another (a Terraform template's value) is where the one it replaced was written, and
            // a value read from HCL or CLIXML where its reader found it.
            if (token.Annotation<JToken>() is JToken replaced) return Start(path, replaced);
            if (token.Annotation<Position>() is Position written) return new SourceLocation(path, written.Line, written.Column);
            var info = (IJsonLineInfo)token;
            if (!info.HasLineInfo()) return new SourceLocation(path, 1, 1);
            int length = 1;
            if (token is JProperty property)
            {
                // A property's position is its colon: back to the opening quote of the name.
                length = JsonConvert.ToString(property.Name).Length + 1;
            }
            else if (token is JValue v)
            {
                length = v.Type == JTokenType.String ? JsonConvert.ToString((string)v!).Length
                    : v.Type == JTokenType.Null ? 4
                    : v.Type == JTokenType.Boolean ? ((bool)v ? 4 : 5)
                    : v.ToString(Formatting.None).Length;
            }

            return new SourceLocation(path, info.LineNumber, Math.Max(1, info.LinePosition - length + 1));
        }
    }
}
