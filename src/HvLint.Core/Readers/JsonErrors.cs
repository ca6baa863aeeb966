using System;
using HvLint.Model;
using Newtonsoft.Json;

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
}
