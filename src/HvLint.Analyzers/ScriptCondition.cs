using System;
using System.Collections.Generic;
using System.Globalization;

namespace HvLint.Analyzers
{
    /// <summary>
    /// The condition of an if statement in script text, evaluated as PowerShell would where the script fixes it: true,
    /// false, or null where HvLint cannot say. An answer of null makes the reader go through every branch, as it goes
    /// through a C# method's, so a condition is given an answer only when PowerShell would certainly give it.
    /// <list type="bullet">
    /// <item>Values: $true, $false, $null, variables and members the script fixes ($legacy, $vm.Generation), text in
    /// quotes, whole numbers (with KB to PB), lists of them (1, 2), and parentheses; $(...), @(...), method calls and
    /// indexes are values HvLint does not know.</item>
    /// <item>Operators: ! and -not; -eq, -ne, -gt, -ge, -lt, -le, -like, -notlike, -match, -notmatch, -in, -notin,
    /// -contains and -notcontains, each also with i or c; -and, -or and -xor, which PowerShell ranks equal and reads
    /// left to right. A value HvLint does not know decides nothing, but $false -and anything is still false.</item>
    /// <item>A condition with anything else (a command, another operator) is unknown as a whole.</item>
    /// </list>
    /// A value is true as PowerShell takes it: a boolean itself, a number other than 0, any text but ''. Text from a
    /// variable that looks like a number may be the script's number or a CSV's text, which PowerShell compares and
    /// takes as true differently (0 is false, '0' is true; '10' -lt 9 compares text): there the answer is unknown
    /// unless both readings agree.
    /// </summary>
    internal sealed class ScriptCondition
    {
        /// <summary>How a switch statement compares its value with its clauses' labels.</summary>
        public enum SwitchMode
        {
            Equal,
            Wildcard,
            Regex,
        }

        /// <summary>A value HvLint does not know.</summary>
        private static readonly object Unknown = new object();

        /// <summary>PowerShell's $null.</summary>
        private static readonly object Null = new object();

        /// <summary>$null, as the reader of variables gives it for a member or key a table lacks.</summary>
        internal static object NullValue => Null;

        private static readonly HashSet<string> Comparisons = new HashSet<string>(StringComparer.Ordinal)
        {
            "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "in", "notin", "contains", "notcontains",
        };

        private readonly string _s;
        private readonly Func<string, object?> _variable;
        private int _i;
        private bool _failed;

        // Parentheses deeper than this are not read (a script being typed may open hundreds): each level is a call.
        private const int MaxDepth = 32;

        private readonly int _depth;

        private ScriptCondition(string s, Func<string, object?> variable, int depth)
        {
            _s = s;
            _variable = variable;
            _depth = depth;
        }

        /// <summary>
        /// Whether <paramref name="condition"/> (the text between an if's parentheses) is true; null where HvLint cannot
        /// say. <paramref name="variable"/> gives the value of a variable or member ("$vm.Legacy"): a boolean, a
        /// number (long) or text, or null when the script does not fix it.
        /// </summary>
        public static bool? Evaluate(string condition, Func<string, object?> variable) => Truth(Value(condition, variable));

        /// <summary>
        /// Which clauses of a switch statement match its value (the text of its test expression): for each label in
        /// <paramref name="labels"/> as written (quoted text, a number, a variable, or a bare word, which switch takes as
        /// text), whether the value equals it (-eq, without case unless <paramref name="caseSensitive"/>), is like it
        /// (-Wildcard) or matches it (-Regex); a label written as a script block ({ $_ -gt 4 }) is asked of
        /// <paramref name="block"/> with its text and the value. Null when the value is unknown or a list (whose items
        /// switch takes one by one), or when any label's answer is unknown.
        /// </summary>
        public static bool[]? SwitchMatches(string value, IReadOnlyList<string> labels, SwitchMode mode, bool caseSensitive, Func<string, object?> variable, Func<string, object, bool?> block)
        {
            object tested = Value(value, variable);
            if (tested == Unknown || tested == Null || tested is object[]) return null;
            var matches = new bool[labels.Count];
            for (int k = 0; k < labels.Count; k++)
            {
                string label = labels[k].Trim();
                bool? match;
                if (label.StartsWith("{", StringComparison.Ordinal))
                {
                    match = block(label.Substring(1, Math.Max(0, label.Length - 2)), tested is QuotedText q ? q.Text : tested);
                }
                else
                {
                    object written = label.Length > 0 && (label[0] == '\'' || label[0] == '"' || label[0] == '$' || char.IsDigit(label[0])) ? Value(label, variable) : new QuotedText(label);
                    if (written == Unknown || written is object[]) return null;
                    match = mode switch
                    {
                        SwitchMode.Wildcard => Text(tested) is string t && Text(written) is string pattern ? Like(t, pattern, caseSensitive) : null,
                        SwitchMode.Regex => Text(tested) is string input && Text(written) is string regex ? Match(input, regex, caseSensitive) : null,
                        _ => Equal(tested, written, caseSensitive),
                    };
                }

                if (match == null) return null;
                matches[k] = match.Value;
            }

            return matches;
        }

        private static object Value(string text, Func<string, object?> variable, int depth = 0)
        {
            if (depth > MaxDepth) return Unknown;
            var reader = new ScriptCondition(text, variable, depth);
            object value = reader.Logical();
            reader.Blanks();
            return reader._failed || reader._i < text.Length ? Unknown : value;
        }

        // -and, -or and -xor rank equal in PowerShell and are read left to right.
        private object Logical()
        {
            object left = Comparison();
            while (!_failed && Operator() is string op && (op == "and" || op == "or" || op == "xor"))
            {
                _i += op.Length + 1;
                object right = Comparison();
                bool? l = Truth(left), r = Truth(right);
                left = op switch
                {
                    "and" => l == false || r == false ? false : l == true && r == true ? true : Unknown,
                    "or" => l == true || r == true ? true : l == false && r == false ? false : Unknown,
                    _ => l != null && r != null ? l != r : Unknown,
                };
            }

            return left;
        }

        private object Comparison()
        {
            object left = Unary();
            if (_failed || !(Operator() is string op) || !(ComparisonOperator(op) is (string name, bool caseSensitive))) return left;
            _i += op.Length + 1;
            object right = Unary();

            // $a -eq $b -eq $c compares the first answer with $c: not read.
            if (Operator() is string next && ComparisonOperator(next) != null) _failed = true;
            return _failed ? Unknown : Compare(name, left, right, caseSensitive);
        }

        // ! and -not rank below the comma, so -not 1, 2 negates the list.
        private object Unary()
        {
            int negations = 0;
            while (true)
            {
                Blanks();
                if (_i < _s.Length && _s[_i] == '!') _i++;
                else if (Operator() == "not") _i += 4;
                else break;
                negations++;
            }

            object value = Primary();
            Blanks();
            if (!_failed && _i < _s.Length && _s[_i] == ',')
            {
                var list = new List<object> { value };
                while (!_failed && _i < _s.Length && _s[_i] == ',')
                {
                    _i++;
                    list.Add(Primary());
                    Blanks();
                }

                value = list.ToArray();
            }

            for (int k = 0; k < negations; k++) value = Not(value);
            return value;
        }

        private static object Not(object value) => Truth(value) is bool b ? !b : Unknown;

        private object Primary()
        {
            Blanks();
            if (_i >= _s.Length)
            {
                _failed = true;
                return Unknown;
            }

            char c = _s[_i];
            if (c == '(')
            {
                int close = PowerShellScript.Closing(_s, _i, '(', ')');
                object inner = Value(_s.Substring(_i + 1, Math.Max(0, close - _i - 2)), _variable, _depth + 1);
                _i = close;
                return inner;
            }

            if ((c == '$' || c == '@') && _i + 1 < _s.Length && _s[_i + 1] == '(')
            {
                // A subexpression or an array subexpression: a command HvLint does not run.
                _i = PowerShellScript.Closing(_s, _i + 1, '(', ')');
                return Unknown;
            }

            if (c == '$') return Variable();
            if (c == '\'' || c == '"')
            {
                int end = PowerShellScript.StringEnd(_s, _i);
                string inner = _s.Substring(_i + 1, Math.Max(0, end - _i - 2));
                _i = end;
                if (c == '"') return inner.IndexOf('$') >= 0 || inner.IndexOf('`') >= 0 ? Unknown : new QuotedText(inner);
                return new QuotedText(inner.Replace("''", "'"));
            }

            if (char.IsDigit(c))
            {
                int start = _i;
                while (_i < _s.Length && char.IsLetterOrDigit(_s[_i])) _i++;
                if (PowerShellScript.TryNumber(_s.Substring(start, _i - start), out long n)) return n;
            }

            _failed = true; // a command, a bare word, a type, a negative number: not read
            return Unknown;
        }

        private object Variable()
        {
            int start = _i++;
            while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] == '_' || _s[_i] == ':' || (_s[_i] == '.' && _i + 1 < _s.Length && (char.IsLetter(_s[_i + 1]) || _s[_i + 1] == '_')))) _i++;
            string name = _s.Substring(start, _i - start);
            if (_i < _s.Length && (_s[_i] == '(' || _s[_i] == '['))
            {
                // A method call or an index: the reader of variables knows a hashtable's ($vm.ContainsKey('Pxe'),
                // $vm['Pxe']), and no other ($vm.Name.StartsWith('web'), $vms[0]).
                _i = PowerShellScript.Closing(_s, _i, _s[_i], _s[_i] == '(' ? ')' : ']');
                return _variable(_s.Substring(start, _i - start)) ?? Unknown;
            }

            if (name.Length == 1)
            {
                _failed = true;
                return Unknown;
            }

            if (string.Equals(name, "$true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(name, "$false", StringComparison.OrdinalIgnoreCase)) return false;
            if (string.Equals(name, "$null", StringComparison.OrdinalIgnoreCase)) return Null;
            return _variable(name) ?? Unknown;
        }

        /// <summary>The operator word at the reader (-and: "and"), without moving on; null when there is none.</summary>
        private string? Operator()
        {
            Blanks();
            if (_i + 1 >= _s.Length || _s[_i] != '-' || !char.IsLetter(_s[_i + 1])) return null;
            int end = _i + 1;
            while (end < _s.Length && char.IsLetter(_s[end])) end++;
            return _s.Substring(_i + 1, end - _i - 1).ToLowerInvariant();
        }

        private static (string Name, bool CaseSensitive)? ComparisonOperator(string op)
        {
            if (Comparisons.Contains(op)) return (op, false);
            if (op.Length > 2 && (op[0] == 'i' || op[0] == 'c') && Comparisons.Contains(op.Substring(1))) return (op.Substring(1), op[0] == 'c');
            return null;
        }

        private void Blanks()
        {
            while (_i < _s.Length)
            {
                if (char.IsWhiteSpace(_s[_i])) _i++;
                else if (_s[_i] == '`' && _i + 1 < _s.Length && (_s[_i + 1] == '\r' || _s[_i + 1] == '\n')) _i += 2; // a line continued
                else break;
            }
        }

        /// <summary>Text written in quotes in the condition itself: text for certain, whatever it looks like.</summary>
        private sealed class QuotedText
        {
            public QuotedText(string text) => Text = text;

            public string Text { get; }
        }

        /// <summary>Whether PowerShell takes <paramref name="value"/> as true; null where HvLint cannot say.</summary>
        private static bool? Truth(object value) => value switch
        {
            bool b => b,
            long n => n != 0,
            QuotedText q => q.Text.Length > 0,
            string t when PowerShellScript.TryNumber(t, out long n) => n != 0 ? true : (bool?)null, // a number in the script, or text in a CSV: 0 is false, '0' is true; '2' and 2 are both true
            string t => t.Length > 0,
            object[] list => list.Length == 0 ? false : list.Length == 1 ? Truth(list[0]) : true,
            _ when value == Null => false,
            _ => null,
        };

        private static object Compare(string op, object left, object right, bool caseSensitive)
        {
            if (left == Unknown || right == Unknown) return Unknown;
            bool negated = op.StartsWith("not", StringComparison.Ordinal) || op == "ne";
            bool? result;
            switch (op)
            {
                case "eq":
                case "ne":
                    result = left is object[] ? null : Equal(left, right, caseSensitive);
                    break;
                case "in":
                case "notin":
                    result = left is object[] ? null : Any(right is object[] set ? set : new[] { right }, item => item is object[] ? false : Equal(left, item, caseSensitive));
                    break;
                case "contains":
                case "notcontains":
                    result = right is object[] ? null : Any(left is object[] list ? list : new[] { left }, item => item is object[] ? false : Equal(item, right, caseSensitive));
                    break;
                case "like":
                case "notlike":
                    result = Text(left) is string text && Text(right) is string pattern ? Like(text, pattern, caseSensitive) : null;
                    break;
                case "match":
                case "notmatch":
                    result = Text(left) is string input && Text(right) is string regex ? Match(input, regex, caseSensitive) : null;
                    break;
                default:
                    result = Order(left, right) is int sign
                        ? op switch { "gt" => sign > 0, "ge" => sign >= 0, "lt" => sign < 0, _ => sign <= 0 }
                        : (bool?)null;
                    break;
            }

            return result is bool b ? b != negated : Unknown;
        }

        /// <summary>Whether any item passes: -contains and -in. An item that is a list itself ((1, 2), 3) equals no one value.</summary>
        private static bool? Any(object[] items, Func<object, bool?> test)
        {
            bool unknown = false;
            foreach (object item in items)
            {
                bool? r = item == Unknown ? null : test(item);
                if (r == true) return true;
                if (r == null) unknown = true;
            }

            return unknown ? null : false;
        }

        /// <summary>-eq of two single values: the right converted to the left's type, as PowerShell does.</summary>
        private static bool? Equal(object left, object right, bool caseSensitive)
        {
            if (right is object[]) return null;
            if (left == Null || right == Null) return left == right;
            if (left is bool lb) return right is bool rb ? lb == rb : (bool?)null;
            if (left is long ln) return Number(right) is long rn ? ln == rn : (bool?)null;
            if (!(left is string || left is QuotedText)) return null;

            // Text on the left compares as text; text from a variable that looks like a number may be a script's
            // number, which compares as one: unknown where the two differ ('02' -eq 2).
            string l = left is QuotedText lq ? lq.Text : (string)left;
            string? r = right switch { QuotedText rq => rq.Text, string rs => rs, long rl => rl.ToString(CultureInfo.InvariantCulture), _ => null };
            if (r == null) return null;
            bool same = string.Equals(l, r, caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
            if (!(left is QuotedText) && PowerShellScript.TryNumber(l, out long asNumber) && Number(right) is long other && (asNumber == other) != same) return null;
            return same;
        }

        private static long? Number(object value) => value switch
        {
            long n => n,
            string t when PowerShellScript.TryNumber(t, out long n) => n,
            QuotedText q when PowerShellScript.TryNumber(q.Text, out long n) => n,
            _ => null,
        };

        /// <summary>
        /// The order of two values for -gt, -lt and the like, where it is certain: numbers as numbers, and text of
        /// digits only, which orders the same in every culture. Text from a variable that looks like a number must
        /// order the same as a number and as text ('10' -lt 9 is true as text, false as numbers): else unknown.
        /// </summary>
        private static int? Order(object left, object right)
        {
            if (left is long ln) return Digits(right) is string r && long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out long rn) ? ln.CompareTo(rn) : (int?)null;
            if (!(Digits(left) is string l) || !(Digits(right) is string rt)) return null;
            int asText = Math.Sign(string.CompareOrdinal(l, rt));
            if (left is QuotedText) return asText;
            bool numbers = long.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out long a) & long.TryParse(rt, NumberStyles.None, CultureInfo.InvariantCulture, out long b);
            return numbers && Math.Sign(a.CompareTo(b)) == asText ? asText : (int?)null;
        }

        private static string? Digits(object value)
        {
            string? t = value switch { long n when n >= 0 => n.ToString(CultureInfo.InvariantCulture), QuotedText q => q.Text, string s => s, _ => null };
            if (string.IsNullOrEmpty(t)) return null;
            foreach (char c in t!)
            {
                if (c < '0' || c > '9') return null;
            }

            return t;
        }

        /// <summary>
        /// A value as -like and -match see it: text, a number's digits, True or False. Text from a variable that a
        /// script's number would write otherwise (4GB, 02) is unknown.
        /// </summary>
        private static string? Text(object value) => value switch
        {
            QuotedText q => q.Text,
            long n => n.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "True" : "False",
            string t when PowerShellScript.TryNumber(t, out long n) => n.ToString(CultureInfo.InvariantCulture) == t ? t : null,
            string t => t,
            _ => null,
        };

        /// <summary>A -like wildcard with * and ? (a file name's too); a pattern with [ranges] or escapes is not read.</summary>
        internal static bool? Like(string text, string pattern, bool caseSensitive)
        {
            if (pattern.IndexOf('[') >= 0 || pattern.IndexOf('`') >= 0) return null;
            int t = 0, p = 0, star = -1, resume = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], text[t], caseSensitive)))
                {
                    t++;
                    p++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    resume = t;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++resume;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }

        private static bool Same(char a, char b, bool caseSensitive) => a == b || (!caseSensitive && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

        private static bool? Match(string input, string pattern, bool caseSensitive)
        {
            try
            {
                var options = System.Text.RegularExpressions.RegexOptions.CultureInvariant | (caseSensitive ? System.Text.RegularExpressions.RegexOptions.None : System.Text.RegularExpressions.RegexOptions.IgnoreCase);
                return System.Text.RegularExpressions.Regex.IsMatch(input, pattern, options, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException)
            {
                return null; // not a pattern .NET reads (RegexMatchTimeoutException is one too)
            }
        }
    }
}
