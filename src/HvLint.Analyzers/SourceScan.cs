using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace HvLint.Analyzers
{
    /// <summary>
    /// A look at a code block's source text before its syntax is walked. In a project that uses the provisioning
    /// APIs at all, most methods still never name them; a search in the file's text (one string per file, kept
    /// while the tree lives) rules those methods out for a fraction of what walking their nodes costs.
    /// </summary>
    internal static class SourceScan
    {
        private static readonly ConditionalWeakTable<SyntaxTree, TreeText> Texts = new ConditionalWeakTable<SyntaxTree, TreeText>();

        /// <summary>
        /// False only when the block's text contains none of <paramref name="needles"/> (nor of <paramref name="more"/>).
        /// True whenever the text could spell a name without containing it: a file with Unicode or hexadecimal
        /// escapes (<c>Add\u0053cript</c>, <c>"Msvm\x5F..."</c>) is always walked.
        /// </summary>
        public static bool Mentions(SyntaxNode block, StringComparison comparison, IReadOnlyList<string> needles, IEnumerable<string>? more, CancellationToken token)
        {
            token.ThrowIfCancellationRequested();
            string? text = PlainText(block);
            if (text == null) return true; // escapes, or not the text the tree was parsed from: never guess
            int start = block.SpanStart, length = block.Span.Length;
            foreach (string needle in needles)
            {
                if (text.IndexOf(needle, start, length, comparison) >= 0) return true;
            }

            if (more != null)
            {
                foreach (string needle in more)
                {
                    if (text.IndexOf(needle, start, length, comparison) >= 0) return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The text of the block's tree, for finding where names are written in it; null when the file has escapes (a
        /// name may then be spelt without its letters) or the tree's text is not the text it was parsed from.
        /// </summary>
        public static string? PlainText(SyntaxNode block)
        {
            TreeText tree = Texts.GetValue(block.SyntaxTree, Read);
            return tree.HasEscapes || block.Span.End > tree.Text.Length ? null : tree.Text;
        }

        // A parsed tree keeps its text, so reading it again costs nothing; the string is made once per tree.
        private static TreeText Read(SyntaxTree tree) => new TreeText(tree.GetText().ToString());

        private sealed class TreeText
        {
            public TreeText(string text)
            {
                Text = text;
                HasEscapes = text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("\\x", StringComparison.Ordinal) >= 0;
            }

            public string Text { get; }

            public bool HasEscapes { get; }
        }
    }
}
