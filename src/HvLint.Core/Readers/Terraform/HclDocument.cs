using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using HvLint.Model;
using Newtonsoft.Json.Linq;

namespace HvLint.Readers.Terraform
{
    /// <summary>
    /// A Terraform configuration file in HCL native syntax (`*.tf`), turned into the shape of Terraform's JSON syntax so
    /// that one reader serves both: a block `resource "T" "N" { ... }` becomes resource.T.N, a nested block without
    /// labels an element of an array (`network_adaptors { }` twice is an array of two), an attribute its value. Literal
    /// values (strings, numbers, bools, null, tuples and objects of them) are values; any other expression becomes the
    /// template `${...}` of its text, which the reader resolves where it is a plain reference (`var.cpus`,
    /// `hyperv_network_switch.lab.name`) and leaves unknown otherwise. Every value is annotated with where it starts.
    /// </summary>
    public static class HclDocument
    {
        /// <summary>The block types Terraform allows at the top of a configuration file, which detection looks for.</summary>
        private static readonly string[] TopLevelBlocks = { "terraform", "provider", "variable", "locals", "output", "module", "resource", "data", "moved", "import", "check", "removed" };

        /// <summary>
        /// The block types only Packer templates have at the top (`source "hyperv-iso" "w2k3" {`, `build {`,
        /// `packer {`). A file of variable or locals blocks alone (a template's variables.pkr.hcl) is read as
        /// Terraform's are: the same reader takes both, one folder at a time.
        /// </summary>
        private static readonly string[] PackerBlocks = { "packer", "source", "build" };

        /// <summary>
        /// Packer or Terraform when the text begins (after comments) with a top-level block of a Packer template
        /// (`source "`, `build {`) or of a Terraform configuration (`resource "`, `terraform {`); null otherwise. Only
        /// the first two tokens are read, once, so a head cut off further on does not matter.
        /// </summary>
        public static InputFormat? Detect(string head)
        {
            try
            {
                Token[] first = new Lexer(string.Empty, head).Read().Where(t => t.Kind != Kind.Newline).Take(2).ToArray();
                if (first.Length < 2 || first[0].Kind != Kind.Identifier || !(first[1].Kind == Kind.String || first[1].Kind == Kind.Identifier || first[1].Is("{"))) return null;
                if (Array.IndexOf(PackerBlocks, first[0].Text) >= 0) return InputFormat.Packer;
                if (Array.IndexOf(TopLevelBlocks, first[0].Text) >= 0) return InputFormat.Terraform;
                return null;
            }
            catch (HclException)
            {
                return null;
            }
        }

        /// <summary>The file as a Terraform JSON-syntax document; null, with the problem reported, when it is not HCL.</summary>
        public static JObject? Parse(string path, string text, Action<SourceLocation, string> problem)
        {
            try
            {
                var lexer = new Lexer(path, text);
                List<Token> tokens = lexer.Read().ToList();
                return new Parser(path, tokens, lexer.Directives).Body(0, tokens.Count - 1, top: true);
            }
            catch (HclException ex)
            {
                problem(ex.Location, ex.Message);
                return null;
            }
        }

        private sealed class HclException : Exception
        {
            public HclException(SourceLocation location, string message)
                : base(message)
            {
                Location = location;
            }

            public SourceLocation Location { get; }
        }

        /// <summary>
        /// The annotation of a top-level block with labels (`resource "hyperv_machine_instance" "web"`, `module "vm"`,
        /// `source "hyperv-iso" "w2k3"`) that has `hvlint-disable` comments: those inside it, and those just before it,
        /// with only comments and blank lines between. Each is a directive for the VMs the block makes, as a comment in a
        /// VM's configuration XML is for its VM.
        /// </summary>
        public sealed class DirectiveComments
        {
            public DirectiveComments(List<Fact<string>> comments, List<LineDirective> nextLine)
            {
                Comments = comments;
                NextLine = nextLine;
            }

            /// <summary>The `hvlint-disable` comments: for the block's VMs.</summary>
            public IReadOnlyList<Fact<string>> Comments { get; }

            /// <summary>The `hvlint-disable-next-line` comments: for the block's VMs, on the statement after each.</summary>
            public IReadOnlyList<LineDirective> NextLine { get; }
        }

        private enum Kind
        {
            Identifier,
            Number,
            String,
            Punctuation,
            Newline,
            End,
        }

        private sealed class Token
        {
            public Token(Kind kind, string text, int line, int column)
            {
                Kind = kind;
                Text = text;
                Line = line;
                Column = column;
            }

            public Kind Kind { get; }

            /// <summary>The identifier, number or punctuation; for a string, its value (templates kept as written).</summary>
            public string Text { get; }

            public int Line { get; }

            public int Column { get; }

            public bool Is(string punctuation) => Kind == Kind.Punctuation && Text == punctuation;
        }

        private sealed class Lexer
        {
            private readonly string _path;
            private readonly string _s;
            private int _i;
            private int _line = 1;
            private int _lineStart;

            public Lexer(string path, string s)
            {
                _path = path;
                _s = s;
            }

            /// <summary>The comments that hold `hvlint-disable`, in order, with where they start (filled as the tokens are read).</summary>
            public List<Fact<string>> Directives { get; } = new List<Fact<string>>();

            /// <summary>The comment from <paramref name="start"/> to here: its text without the `/*` and `*/` around it, which a reason is not.</summary>
            private void Comment(int start, int line, int column, bool block)
            {
                int from = block ? start + 2 : start, length = _i - from - (block ? 2 : 0);
                if (_s.IndexOf("hvlint-disable", from, length, StringComparison.OrdinalIgnoreCase) >= 0) Directives.Add(Fact.Known(_s.Substring(from, length), new SourceLocation(_path, line, column)));
            }

            /// <summary>The tokens in order, one at a time (detection reads only the first), ending with an End token.</summary>
            public IEnumerable<Token> Read()
            {
                while (true)
                {
                    SkipBlanks();
                    if (_i >= _s.Length) break;
                    char c = _s[_i];
                    int start = _i, line = _line, column = _i - _lineStart + 1;
                    if (c == '\n')
                    {
                        Advance();
                        yield return new Token(Kind.Newline, "\n", line, column);
                    }
                    else if (c == '#' || (c == '/' && Peek(1) == '/'))
                    {
                        while (_i < _s.Length && _s[_i] != '\n') _i++;
                        Comment(start, line, column, block: false);
                    }
                    else if (c == '/' && Peek(1) == '*')
                    {
                        int end = _s.IndexOf("*/", _i + 2, StringComparison.Ordinal);
                        if (end < 0) throw Error(line, column, "unterminated comment");
                        while (_i < end + 2) Advance();
                        Comment(start, line, column, block: true);
                    }
                    else if (char.IsLetter(c) || c == '_')
                    {
                        while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] == '_' || _s[_i] == '-')) _i++;
                        yield return new Token(Kind.Identifier, _s.Substring(start, _i - start), line, column);
                    }
                    else if (char.IsDigit(c))
                    {
                        while (_i < _s.Length && (char.IsDigit(_s[_i]) || _s[_i] == '.' || _s[_i] == 'e' || _s[_i] == 'E' || ((_s[_i] == '+' || _s[_i] == '-') && (_s[_i - 1] == 'e' || _s[_i - 1] == 'E')))) _i++;
                        yield return new Token(Kind.Number, _s.Substring(start, _i - start), line, column);
                    }
                    else if (c == '"')
                    {
                        string value = QuotedString(line, column);
                        yield return new Token(Kind.String, value, line, column);
                    }
                    else if (c == '<' && Peek(1) == '<' && (char.IsLetter(Peek(2)) || (Peek(2) == '-' && char.IsLetter(Peek(3)))))
                    {
                        string value = Heredoc(line, column);
                        yield return new Token(Kind.String, value, line, column);
                    }
                    else
                    {
                        string two = _i + 1 < _s.Length ? _s.Substring(_i, 2) : string.Empty;
                        string op = two == "==" || two == "!=" || two == "<=" || two == ">=" || two == "&&" || two == "||" || two == "=>" || two == "..." ? two : c.ToString();
                        if (op == "." && _s.Length > _i + 2 && _s.Substring(_i, 3) == "...") op = "...";
                        if (op.Length == 1 && "{}[]()=,.:?!+-*/%<>".IndexOf(op[0]) < 0) throw Error(line, column, "unexpected character '" + c + "'");
                        _i += op.Length;
                        yield return new Token(Kind.Punctuation, op, line, column);
                    }
                }

                yield return new Token(Kind.End, string.Empty, _line, _s.Length - _lineStart + 1);
            }

            private char Peek(int ahead) => _i + ahead < _s.Length ? _s[_i + ahead] : '\0';

            private void Advance()
            {
                if (_s[_i] == '\n')
                {
                    _line++;
                    _lineStart = _i + 1;
                }

                _i++;
            }

            private void SkipBlanks()
            {
                while (_i < _s.Length && (_s[_i] == ' ' || _s[_i] == '\t' || _s[_i] == '\r' || _s[_i] == '\uFEFF')) _i++;
            }

            private Exception Error(int line, int column, string message) => new HclException(new SourceLocation(_path, line, column), "HCL: " + message);

            /// <summary>A quoted template: escapes decoded, `${...}` and `%{...}` kept as written (nested quotes and braces included).</summary>
            private string QuotedString(int line, int column)
            {
                var sb = new StringBuilder();
                Advance(); // the opening quote
                while (true)
                {
                    if (_i >= _s.Length || _s[_i] == '\n') throw Error(line, column, "unterminated string");
                    char c = _s[_i];
                    if (c == '"')
                    {
                        Advance();
                        return sb.ToString();
                    }

                    if (c == '\\')
                    {
                        char e = Peek(1);
                        _i += 2;
                        switch (e)
                        {
                            case 'n': sb.Append('\n'); break;
                            case 'r': sb.Append('\r'); break;
                            case 't': sb.Append('\t'); break;
                            case '"': sb.Append('"'); break;
                            case '\\': sb.Append('\\'); break;
                            case 'u':
                            case 'U':
                                int digits = e == 'u' ? 4 : 8;
                                if (_i + digits > _s.Length || !int.TryParse(_s.Substring(_i, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code)) throw Error(line, column, "bad \\" + e + " escape");
                                sb.Append(char.ConvertFromUtf32(code));
                                _i += digits;
                                break;
                            default: throw Error(line, column, "unknown escape \\" + e);
                        }

                        continue;
                    }

                    // $${ and %%{ are literal text (the reader undoes the escape); ${ and %{ open an interpolation.
                    if ((c == '$' || c == '%') && Peek(1) == '{' && !(_i > 0 && _s[_i - 1] == c))
                    {
                        int open = _i;
                        _i += 2;
                        SkipInterpolation(line, column);
                        sb.Append(_s, open, _i - open);
                        continue;
                    }

                    sb.Append(c);
                    _i++;
                }
            }

            /// <summary>Past the `}` that closes an interpolation, over nested braces and strings.</summary>
            private void SkipInterpolation(int line, int column)
            {
                int depth = 1;
                while (depth > 0)
                {
                    if (_i >= _s.Length) throw Error(line, column, "unterminated interpolation");
                    char c = _s[_i];
                    if (c == '"')
                    {
                        QuotedString(_line, _i - _lineStart + 1);
                        continue;
                    }

                    if (c == '{') depth++;
                    else if (c == '}') depth--;
                    Advance();
                }
            }

            /// <summary>A heredoc `&lt;&lt;EOT` or indented `&lt;&lt;-EOT`: the lines up to the marker.</summary>
            private string Heredoc(int line, int column)
            {
                _i += 2;
                bool indented = _s[_i] == '-';
                if (indented) _i++;
                int start = _i;
                while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] == '_')) _i++;
                string marker = _s.Substring(start, _i - start);
                while (_i < _s.Length && _s[_i] != '\n') _i++;
                if (_i >= _s.Length) throw Error(line, column, "unterminated heredoc");
                Advance();
                var lines = new List<string>();
                while (true)
                {
                    if (_i >= _s.Length) throw Error(line, column, "heredoc without its closing " + marker);
                    int end = _s.IndexOf('\n', _i);
                    string l = (end < 0 ? _s.Substring(_i) : _s.Substring(_i, end - _i)).TrimEnd('\r');
                    if (l.Trim() == marker)
                    {
                        _i = end < 0 ? _s.Length : end; // the newline after the marker ends the attribute
                        break;
                    }

                    if (end < 0) throw Error(line, column, "heredoc without its closing " + marker);
                    lines.Add(l);
                    _i = end;
                    Advance();
                }

                if (indented)
                {
                    int indent = int.MaxValue;
                    foreach (string l in lines)
                    {
                        if (l.Trim().Length > 0) indent = Math.Min(indent, l.Length - l.TrimStart().Length);
                    }

                    for (int k = 0; k < lines.Count && indent != int.MaxValue; k++) lines[k] = lines[k].Length >= indent ? lines[k].Substring(indent) : lines[k].TrimStart();
                }

                return string.Join("\n", lines) + "\n";
            }
        }

        private sealed class Parser
        {
            /// <summary>How deeply blocks, tuples and objects may nest: far beyond any configuration, and short of a stack overflow or of scanning pathological input for minutes.</summary>
            private const int MaxDepth = 100;

            private readonly string _path;
            private readonly List<Token> _t;
            private readonly List<Fact<string>> _directives;
            private int _depth;

            public Parser(string path, List<Token> tokens, List<Fact<string>> directives)
            {
                _path = path;
                _t = tokens;
                _directives = directives;
            }

            /// <summary>Attributes and blocks from token <paramref name="i"/> up to (not including) <paramref name="end"/>.</summary>
            public JObject Body(int i, int end, bool top = false)
            {
                Enter(_t[Math.Min(i, _t.Count - 1)]);
                try
                {
                    return BodyWithin(i, end, top);
                }
                finally
                {
                    _depth--;
                }
            }

            private void Enter(Token at)
            {
                if (++_depth <= MaxDepth) return;
                _depth--;
                throw Error(at, "nested more than " + MaxDepth + " levels deep");
            }

            private JObject BodyWithin(int i, int end, bool top)
            {
                var body = new JObject();
                while (true)
                {
                    while (i < end && _t[i].Kind == Kind.Newline) i++;
                    if (i >= end) return body;
                    Token name = _t[i];
                    if (name.Kind != Kind.Identifier) throw Error(name, "expected an argument or a block, found '" + name.Text + "'");
                    if (_t[i + 1].Is("="))
                    {
                        int valueEnd = ExpressionEnd(i + 2, end);
                        body[name.Text] = Expression(i + 2, valueEnd);
                        i = valueEnd;
                        if (i < end && _t[i].Kind != Kind.Newline && !_t[i].Is("}")) throw Error(_t[i], "expected a new line after the argument '" + name.Text + "'");
                        continue;
                    }

                    // A block: its labels, then its body in braces.
                    var labels = new List<string>();
                    int j = i + 1;
                    while (_t[j].Kind == Kind.String || _t[j].Kind == Kind.Identifier)
                    {
                        labels.Add(_t[j].Text);
                        j++;
                    }

                    if (!_t[j].Is("{")) throw Error(_t[j], "expected '{' to open the block '" + name.Text + "'");
                    int close = Matching(j, end);
                    JObject inner = Body(j + 1, close);
                    Annotate(inner, _t[j]);
                    if (top && labels.Count > 0 && _directives.Count > 0) AnnotateDirectives(inner, i, close);
                    AddBlock(body, name.Text, labels, inner, top);
                    i = close + 1;
                }
            }

            /// <summary>
            /// The directive comments of the block whose header starts at token <paramref name="header"/> and whose body
            /// closes at <paramref name="close"/>: those before the close, and after the line of the last token before
            /// the header (a comment after the previous block's closing brace, on its line, is that block's remark).
            /// </summary>
            private void AnnotateDirectives(JObject inner, int header, int close)
            {
                int before = header - 1;
                while (before >= 0 && _t[before].Kind == Kind.Newline) before--;
                int afterLine = before >= 0 ? _t[before].Line : 0;
                Token end = _t[close];
                List<Fact<string>> mine = _directives.FindAll(d => d.Location.Line > afterLine && Before(d.Location, end));
                if (mine.Count == 0) return;
                var comments = new List<Fact<string>>();
                var nextLine = new List<LineDirective>();
                foreach (Fact<string> d in mine)
                {
                    if (d.Value.IndexOf("hvlint-disable-next-line", StringComparison.OrdinalIgnoreCase) < 0)
                    {
                        comments.Add(d);
                        continue;
                    }

                    // The statement after the comment: the block itself for one just before it, else an argument or a
                    // nested block inside it; none when only the closing brace follows.
                    int k = header;
                    while (k < close && (_t[k].Kind == Kind.Newline || Before(_t[k], d.Location))) k++;
                    if (k < close) nextLine.Add(new LineDirective(d, _t[k].Line, k == header ? end.Line : LastLineOf(k, close)));
                }

                inner.AddAnnotation(new DirectiveComments(comments, nextLine));
            }

            private static bool Before(SourceLocation a, Token b) => a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column);

            private static bool Before(Token a, SourceLocation b) => a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column);

            /// <summary>
            /// The last line of the statement that starts at token <paramref name="k"/> inside a block that closes at
            /// <paramref name="close"/>: an argument's value (the new line after it is on its last line, past a heredoc's),
            /// or a nested block's closing brace.
            /// </summary>
            private int LastLineOf(int k, int close)
            {
                if (_t[k].Kind == Kind.Identifier && _t[k + 1].Is("=")) return _t[ExpressionEnd(k + 2, close)].Line;
                int open = k + 1;
                while (open < close && (_t[open].Kind == Kind.String || _t[open].Kind == Kind.Identifier)) open++;
                return _t[open].Is("{") ? _t[Matching(open, close)].Line : _t[k].Line;
            }

            /// <summary>
            /// Blocks in the JSON syntax's shape: labels nest objects, and the body is the innermost value; a block
            /// written twice (two adapters, two provider aliases) makes an array.
            /// </summary>
            private static void AddBlock(JObject body, string type, List<string> labels, JObject inner, bool top)
            {
                JObject container = body;
                string key = type;
                foreach (string label in labels)
                {
                    if (!(container[key] is JObject next))
                    {
                        next = new JObject();
                        container[key] = next;
                    }

                    container = next;
                    key = label;
                }

                JToken? existing = container[key];
                if (existing == null) container[key] = labels.Count == 0 && !top ? new JArray(inner) : (JToken)inner;
                else if (existing is JArray list) list.Add(inner);
                else container[key] = new JArray(existing, inner);
            }

            /// <summary>The token after an expression that starts at <paramref name="i"/>: a new line, comma or closing bracket outside brackets.</summary>
            private int ExpressionEnd(int i, int end)
            {
                int depth = 0;
                for (; i < end; i++)
                {
                    Token t = _t[i];
                    if (t.Kind == Kind.Punctuation && (t.Text == "(" || t.Text == "[" || t.Text == "{")) depth++;
                    else if (t.Kind == Kind.Punctuation && (t.Text == ")" || t.Text == "]" || t.Text == "}"))
                    {
                        if (depth == 0) return i;
                        depth--;
                    }
                    else if (depth == 0 && (t.Kind == Kind.Newline || t.Is(","))) return i;
                    else if (depth == 0 && t.Is("=") && i > 0) throw Error(_t[i - 1], "expected a new line before the argument '" + _t[i - 1].Text + "'");
                }

                if (depth > 0) throw Error(_t[end], "a bracket is not closed");
                return end;
            }

            private int Matching(int open, int end)
            {
                int depth = 0;
                for (int i = open; i <= end && i < _t.Count; i++)
                {
                    if (_t[i].Kind != Kind.Punctuation) continue;
                    if (_t[i].Text == "{" || _t[i].Text == "[" || _t[i].Text == "(") depth++;
                    else if (_t[i].Text == "}" || _t[i].Text == "]" || _t[i].Text == ")")
                    {
                        depth--;
                        if (depth == 0) return i;
                    }
                }

                throw Error(_t[open], "'" + _t[open].Text + "' is not closed");
            }

            /// <summary>The value of the tokens [i, end): a literal, a tuple or object of them, or the expression's text as a template.</summary>
            private JToken Expression(int i, int end)
            {
                if (i >= end) throw Error(_t[Math.Min(i, _t.Count - 1)], "expected a value");
                Enter(_t[i]);
                try
                {
                    return ExpressionWithin(i, end);
                }
                finally
                {
                    _depth--;
                }
            }

            private JToken ExpressionWithin(int i, int end)
            {
                Token first = _t[i];
                JToken value;
                if (end == i + 1 && first.Kind == Kind.String) value = new JValue(first.Text);
                else if (end == i + 1 && first.Kind == Kind.Number) value = Number(first.Text, false) ?? Raw(i, end);
                else if (end == i + 2 && first.Is("-") && _t[i + 1].Kind == Kind.Number) value = Number(_t[i + 1].Text, true) ?? Raw(i, end);
                else if (end == i + 1 && first.Kind == Kind.Identifier && (first.Text == "true" || first.Text == "false")) value = new JValue(first.Text == "true");
                else if (end == i + 1 && first.Kind == Kind.Identifier && first.Text == "null") value = JValue.CreateNull();
                else if (first.Is("[") && Matching(i, end) == end - 1 && !(_t[i + 1].Kind == Kind.Identifier && _t[i + 1].Text == "for")) value = Tuple(i + 1, end - 1);
                else if (first.Is("{") && Matching(i, end) == end - 1 && !(_t[i + 1].Kind == Kind.Identifier && _t[i + 1].Text == "for")) value = (JToken?)Object(i + 1, end - 1) ?? Raw(i, end);
                else value = Raw(i, end);
                Annotate(value, first);
                return value;
            }

            private JArray Tuple(int i, int end)
            {
                var list = new JArray();
                while (true)
                {
                    while (i < end && (_t[i].Kind == Kind.Newline || _t[i].Is(","))) i++;
                    if (i >= end) return list;
                    int itemEnd = ExpressionEnd(i, end);
                    list.Add(Expression(i, itemEnd));
                    i = itemEnd;
                }
            }

            /// <summary>An object of literal keys; null when a key is computed ((expr) = value), which leaves the whole object an expression.</summary>
            private JObject? Object(int i, int end)
            {
                var obj = new JObject();
                while (true)
                {
                    while (i < end && (_t[i].Kind == Kind.Newline || _t[i].Is(","))) i++;
                    if (i >= end) return obj;
                    Token key = _t[i];
                    if ((key.Kind != Kind.Identifier && key.Kind != Kind.String) || !(_t[i + 1].Is("=") || _t[i + 1].Is(":"))) return null;

                    int valueEnd = ExpressionEnd(i + 2, end);
                    obj[key.Text] = Expression(i + 2, valueEnd);
                    i = valueEnd;
                }
            }

            /// <summary>An expression HvLint does not evaluate here, as the template `${text}` the reader resolves or leaves unknown.</summary>
            private JValue Raw(int i, int end)
            {
                var sb = new StringBuilder();
                for (int k = i; k < end; k++)
                {
                    if (_t[k].Kind == Kind.Newline) continue;
                    if (sb.Length > 0 && NeedsSpace(_t[k - 1], _t[k])) sb.Append(' ');
                    sb.Append(_t[k].Kind == Kind.String ? "\"" + _t[k].Text + "\"" : _t[k].Text);
                }

                return new JValue("${" + sb + "}");
            }

            private static bool NeedsSpace(Token before, Token token) =>
                !(before.Is(".") || token.Is(".") || token.Is("[") || before.Is("[") || token.Is("]") || token.Is("(") || before.Is("(") || token.Is(")") || token.Is(","));

            private static JValue? Number(string text, bool negative)
            {
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long whole)) return new JValue(negative ? -whole : whole);
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return new JValue(negative ? -d : d);
                return null;
            }

            private static void Annotate(JToken value, Token at) => value.AddAnnotation(new JsonTokens.Position(at.Line, at.Column));

            private Exception Error(Token at, string message) => new HclException(new SourceLocation(_path, at.Line, at.Column), "HCL: " + message);
        }
    }
}
