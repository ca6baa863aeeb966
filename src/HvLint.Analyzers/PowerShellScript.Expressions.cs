using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

// An operand's value (text, a long or a bool), and whether it is text for certain (written in quotes, or made by joining
// or formatting).
using Operand = (object Value, bool Text);

namespace HvLint.Analyzers
{
    internal static partial class PowerShellScript
    {
        /// <summary>
        /// The value of an expression of text and whole numbers (s[start..end)), as PowerShell computes it where the script
        /// fixes every operand: <c>$prefix + '-' + $role</c>, <c>'WEB{0:D2}' -f $i</c>, <c>2 * 1GB</c>, <c>$($vm.Name)</c>'s
        /// inside. Text, a long or a bool; null for anything else (a command, a method call, an index, another operator,
        /// an operand HvLint does not know or cannot tell text from a number for).
        /// </summary>
        /// <param name="combined">Whether the expression has an operator: a lone value is read where it is written.</param>
        /// <param name="at">
        /// Where the text's positions are, for an assignment's expression, which may also give a hashtable: two of them
        /// added (<c>$defaults + @{ Name = 'web01' }</c>), a new table of both's entries.
        /// </param>
        /// <remarks>
        /// Operators as PowerShell ranks them (about_Operator_Precedence): ',' (the -f operator's list), then -f, then
        /// '*', then '+' and '-', left to right. '+' joins text when its left operand is text and adds whole numbers;
        /// '-' and '*' take whole numbers. Text HvLint holds that looks like a number may be text or a number in the
        /// script (a list's item written 1, 2, 3 is held as text): such a left operand of '+', or argument of a number's
        /// format ({0:D2}), makes the expression unknown, since the two readings give different values.
        /// </remarks>
        internal static object? Expression(string s, int start, int end, ScriptVariables variables, out bool combined, Func<int, int, Location>? at = null)
        {
            var reader = new ExpressionReader(s, start, end, variables, at);
            Operand? value = reader.Additive();
            combined = reader.Combined;
            return value is Operand v && reader.AtEnd() && (at != null || !(v.Value is ScriptHashtable)) ? v.Value : null;
        }

        /// <summary>What <see cref="Expression"/> makes of a value as text: PowerShell's text of a number or a truth.</summary>
        internal static string ExpressionText(object value) =>
            value is bool b ? (b ? "True" : "False") : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

        /// <summary>Text HvLint holds that may be a number in the script: '8', from a variable, not written in quotes.</summary>
        private static bool MayBeNumber(Operand operand) => operand.Value is string t && !operand.Text && TryNumber(t, out _);

        private sealed class ExpressionReader
        {
            private readonly string _s;
            private readonly int _end;
            private readonly ScriptVariables _variables;
            private readonly Func<int, int, Location>? _at; // set where a hashtable may be an operand
            private int _i;

            public ExpressionReader(string s, int start, int end, ScriptVariables variables, Func<int, int, Location>? at = null)
            {
                _s = s;
                _i = start;
                _end = Math.Min(end, s.Length);
                _variables = variables;
                _at = at;
            }

            public bool Combined { get; private set; }

            public bool AtEnd()
            {
                SkipBlanks();
                return _i >= _end;
            }

            public Operand? Additive()
            {
                Operand? left = Multiplicative();
                while (left is Operand l && Next(out char op) && (op == '+' || op == '-') && !IsWordOperator())
                {
                    _i++;
                    Combined = true;
                    if (!(Multiplicative() is Operand r)) return null;
                    left = op == '+' ? Add(l, r) : Arithmetic(l, r, (a, b) => checked(a - b));
                }

                return left;
            }

            private Operand? Multiplicative()
            {
                Operand? left = Format();
                while (left is Operand l && Next(out char op) && op == '*')
                {
                    _i++;
                    Combined = true;
                    if (!(Format() is Operand r)) return null;
                    left = Arithmetic(l, r, (a, b) => checked(a * b));
                }

                return left;
            }

            private Operand? Format()
            {
                Operand? format = Primary();
                if (!(format is Operand f) || !Next(out char c) || c != '-' || !IsOperator("f")) return format;
                _i += 2;
                Combined = true;
                var arguments = new List<Operand>();
                SkipBlanks();
                if (_i < _end && _s[_i] == '(')
                {
                    // -f ($a, $b): a list in parentheses, each item an expression of its own.
                    int close = Closing(_s, _i, '(', ')');
                    if (close > _end) return null;
                    var inner = new ExpressionReader(_s, _i + 1, close - 1, _variables);
                    do
                    {
                        if (!(inner.Additive() is Operand item)) return null;
                        arguments.Add(item);
                    }
                    while (inner.Next(out char comma) && comma == ',' && inner.Skip());
                    if (!inner.AtEnd()) return null;
                    _i = close;
                }
                else
                {
                    do
                    {
                        if (!(Primary() is Operand item)) return null;
                        arguments.Add(item);
                    }
                    while (Next(out char comma) && comma == ',' && Skip());
                }

                return f.Value is string text && Formatted(text, arguments) is string formatted ? (formatted, true) : (Operand?)null;
            }

            private Operand? Primary()
            {
                SkipBlanks();
                if (_i >= _end) return null;
                char c = _s[_i];
                if (c == '(')
                {
                    int close = Closing(_s, _i, '(', ')');
                    if (close > _end) return null;
                    var inner = new ExpressionReader(_s, _i + 1, close - 1, _variables, _at);
                    Operand? value = inner.Additive();
                    if (!inner.AtEnd()) return null;
                    _i = close;
                    Combined = true; // ($cpus) is an expression too, which the reading of a lone value does not take
                    return value is Operand v ? Methods(v) : null;
                }

                if (c == '\'' || c == '"')
                {
                    if (StringClose(_s, _i) >= _end) return null;
                    string? text = ReadQuoted(_s, ref _i, _variables);
                    return text != null ? Methods((text, true)) : null;
                }

                if (char.IsDigit(c))
                {
                    int start = _i;
                    while (_i < _end && char.IsLetterOrDigit(_s[_i])) _i++;
                    return TryNumber(_s.Substring(start, _i - start), out long n) ? (n, false) : (Operand?)null;
                }

                if (c == '[')
                {
                    // [int]$vm.Cpu: the whole number a cast to an integer type makes (Import-Csv gives text), where the
                    // type holds it.
                    int close = _s.IndexOf(']', _i, _end - _i);
                    if (close < 0 || !IntegerType(_s.Substring(_i + 1, close - _i - 1), out long min, out long max)) return null;
                    _i = close + 1;
                    Combined = true;
                    if (!(Primary() is Operand cast)) return null;
                    long? whole = cast.Value is long l ? l : cast.Value is string t && TryNumber(t, out long parsed) ? parsed : (long?)null;
                    return whole is long w && w >= min && w <= max ? (w, false) : (Operand?)null;
                }

                if (c == '@' && _at != null && _i + 1 < _end && _s[_i + 1] == '{')
                {
                    // @{ Name = 'web01' }, to be added to another table.
                    int past = _i;
                    CodeValue written = ReadHashtable(_s, ref past, _at, _variables);
                    if (past > _end || !(written.Value is ScriptHashtable table)) return null;
                    _i = past;
                    return (table, false);
                }

                if (c != '$') return null;
                if (TruthWord(_s, _i, _end) is int truth && truth > 0)
                {
                    _i += truth;
                    return (truth == 5, false); // $true is five characters, $false six
                }

                // A variable or a member, and the methods of text called on it ($row.Name.Trim()); an index after it is code
                // HvLint does not run.
                CodeValue? held = SingleValue(_s, _i, _end, (o, length) => Location.None, _variables, out int after);
                if (after < _end && _s[after] == '(')
                {
                    // The name read last is the method's: the value is what comes before its '.'.
                    int dot = _s.LastIndexOf('.', after - 1, after - _i);
                    if (dot <= _i) return null;
                    held = SingleValue(_s, _i, dot, (o, length) => Location.None, _variables, out after);
                    if (after != dot) return null;
                }

                if (after < _end && _s[after] == '[') return null;
                _i = after;
                if (_at != null && held != null && held.IsKnown && held.Value is ScriptHashtable { IsHashtable: true } && !(after < _end && _s[after] == '.')) return (held.Value, false);
                return held != null && held.IsKnown && (held.Value is string || held.Value is long || held.Value is bool) ? Methods((held.Value, false)) : null;
            }

            /// <summary>
            /// The methods called on <paramref name="operand"/> at the reader's position, one after another
            /// ($name.Trim().ToUpperInvariant()), each on what the one before gives; the operand itself when none is.
            /// </summary>
            private Operand? Methods(Operand operand)
            {
                while (_i < _end && _s[_i] == '.')
                {
                    int name = _i + 1, open = name;
                    while (open < _end && IsNameChar(_s[open])) open++;
                    if (open == name || open >= _end || _s[open] != '(') return null; // a property ('web'.Length): not read
                    int close = Closing(_s, open, '(', ')');
                    if (close > _end) return null;
                    var arguments = new List<Operand>();
                    var inner = new ExpressionReader(_s, open + 1, close - 1, _variables);
                    if (!inner.AtEnd())
                    {
                        do
                        {
                            if (!(inner.Additive() is Operand argument)) return null;
                            arguments.Add(argument);
                        }
                        while (inner.Next(out char comma) && comma == ',' && inner.Skip());
                        if (!inner.AtEnd()) return null;
                    }

                    Combined = true;
                    if (!(Called(operand, _s.Substring(name, open - name), arguments) is Operand result)) return null;
                    operand = result;
                    _i = close;
                }

                return operand;
            }

            /// <summary>
            /// What a method of text (or a number's or truth's ToString) gives, where it gives the same in every culture and
            /// in Windows PowerShell and PowerShell 7: Trim, TrimStart and TrimEnd of blanks, ToUpperInvariant and
            /// ToLowerInvariant, ToUpper and ToLower of ASCII text with no i (the one letter whose case a culture changes,
            /// Turkish and Azerbaijani), Replace of text, Substring within the text. Null for any other, and for text that may
            /// be a number in the script, which has none of these methods.
            /// </summary>
            private static Operand? Called(Operand operand, string method, List<Operand> arguments)
            {
                bool Is(string name, int count) => arguments.Count == count && string.Equals(method, name, StringComparison.OrdinalIgnoreCase);
                if (operand.Value is long number)
                {
                    // A whole number's text, with no format or one that reads the same in every culture (as -f's).
                    if (number < 0) return null;
                    if (Is("ToString", 0)) return (number.ToString(CultureInfo.InvariantCulture), true);
                    return Is("ToString", 1) && arguments[0].Value is string spec && arguments[0].Text && IsWholeNumberFormat(spec)
                        ? (number.ToString(spec, CultureInfo.InvariantCulture), true) : (Operand?)null;
                }

                if (operand.Value is bool truth) return Is("ToString", 0) ? (truth ? "True" : "False", true) : (Operand?)null;
                if (!(operand.Value is string text) || MayBeNumber(operand)) return null;
                if (Is("ToString", 0)) return (text, true);
                if (Is("Trim", 0)) return (text.Trim(), true);
                if (Is("TrimStart", 0)) return (text.TrimStart(), true);
                if (Is("TrimEnd", 0)) return (text.TrimEnd(), true);
                if (Is("ToUpperInvariant", 0)) return (text.ToUpperInvariant(), true);
                if (Is("ToLowerInvariant", 0)) return (text.ToLowerInvariant(), true);
                if (Is("ToUpper", 0) && CasedAlike(text)) return (text.ToUpperInvariant(), true);
                if (Is("ToLower", 0) && CasedAlike(text)) return (text.ToLowerInvariant(), true);
                if (Is("Replace", 2) && arguments[0].Value is string old && old.Length > 0 && arguments[1].Value is string replacement)
                {
                    return (text.Replace(old, replacement), true); // ordinal, as .NET's String.Replace(string, string)
                }

                if ((Is("Substring", 1) || Is("Substring", 2)) && arguments[0].Value is long from && from >= 0 && from <= text.Length)
                {
                    if (arguments.Count == 1) return (text.Substring((int)from), true);
                    return arguments[1].Value is long length && length >= 0 && length <= text.Length - from ? (text.Substring((int)from, (int)length), true) : (Operand?)null;
                }

                return null; // another method, or arguments that make it throw
            }

            // Text whose upper and lower case are the same in every culture: ASCII, with no i or I.
            private static bool CasedAlike(string text)
            {
                foreach (char c in text)
                {
                    if (c > 0x7F || c == 'i' || c == 'I') return false;
                }

                return true;
            }

            private static Operand? Add(Operand left, Operand right)
            {
                if (left.Value is ScriptHashtable first && right.Value is ScriptHashtable second) return Merged(first, second) is ScriptHashtable both ? (both, false) : (Operand?)null;
                if (left.Value is string text && !MayBeNumber(left)) return (text + ExpressionText(right.Value), true);
                return Arithmetic(left, right, (a, b) => checked(a + b));
            }

            /// <summary>
            /// Two hashtables added: a new one with the entries of both. Null where PowerShell throws (a key in both) or
            /// may (a key changed in place on either, which may be in both). An [ordered] table, which has no '+', is no
            /// operand (Primary).
            /// </summary>
            private static ScriptHashtable? Merged(ScriptHashtable first, ScriptHashtable second)
            {
                if (first.AnyKeyChanged || second.AnyKeyChanged) return null;
                var both = new ScriptHashtable { IsHashtable = true, Complete = first.Complete && second.Complete };
                var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (KeyValuePair<string, CodeValue> entry in first) keys.Add(entry.Key);
                foreach (string key in first.ChangedKeys ?? Enumerable.Empty<string>()) keys.Add(key);
                foreach (KeyValuePair<string, CodeValue> entry in second)
                {
                    if (keys.Contains(entry.Key) || second.ChangedKeys?.Overlaps(keys) == true) return null;
                }

                both.AddRange(first);
                both.AddRange(second);
                if (first.ChangedKeys != null || second.ChangedKeys != null)
                {
                    both.ChangedKeys = new HashSet<string>((first.ChangedKeys ?? Enumerable.Empty<string>()).Concat(second.ChangedKeys ?? Enumerable.Empty<string>()), StringComparer.OrdinalIgnoreCase);
                }

                return both;
            }

            private static Operand? Arithmetic(Operand left, Operand right, Func<long, long, long> op)
            {
                if (!(left.Value is long a) || !(right.Value is long b)) return null;
                try
                {
                    return (op(a, b), false);
                }
                catch (OverflowException)
                {
                    return null; // PowerShell goes on in a double, which no parameter here takes
                }
            }

            /// <summary>
            /// The -f operator: <paramref name="format"/>'s items filled from <paramref name="arguments"/>, each with no
            /// format or one that gives a whole number the same text in every culture (D2, X4, 000); null for any other.
            /// </summary>
            private static string? Formatted(string format, List<Operand> arguments)
            {
                var values = new object[arguments.Count];
                for (int k = 0; k < arguments.Count; k++) values[k] = arguments[k].Value;
                for (int k = 0; k < format.Length; k++)
                {
                    if (format[k] != '{') continue;
                    if (k + 1 < format.Length && format[k + 1] == '{')
                    {
                        k++;
                        continue;
                    }

                    int close = format.IndexOf('}', k);
                    if (close < 0) return null;
                    string item = format.Substring(k + 1, close - k - 1);
                    int colon = item.IndexOf(':');
                    string index = (colon < 0 ? item : item.Substring(0, colon)).Split(',')[0].Trim();
                    if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n >= arguments.Count) return null;
                    if (colon >= 0 && !(IsWholeNumberFormat(item.Substring(colon + 1)) && !MayBeNumber(arguments[n]))) return null;
                    k = close;
                }

                try
                {
                    return string.Format(CultureInfo.InvariantCulture, format, values);
                }
                catch (FormatException)
                {
                    return null;
                }
            }

            private static bool IsWholeNumberFormat(string spec)
            {
                if (spec.Length == 0) return true;
                char kind = char.ToUpperInvariant(spec[0]);
                if ((kind == 'D' || kind == 'X') && spec.Length <= 3)
                {
                    for (int k = 1; k < spec.Length; k++) if (!char.IsDigit(spec[k])) return false;
                    return true;
                }

                foreach (char c in spec) if (c != '0' && c != '#') return false;
                return true;
            }

            /// <summary>The next character past blanks, not moving past it.</summary>
            private bool Next(out char c)
            {
                SkipBlanks();
                c = _i < _end ? _s[_i] : '\0';
                return _i < _end;
            }

            private bool Skip()
            {
                _i++;
                return true;
            }

            // -f, -eq, -replace: an operator written as a word, not '-'.
            private bool IsWordOperator() => _s[_i] == '-' && _i + 1 < _end && char.IsLetter(_s[_i + 1]);

            private bool IsOperator(string word)
            {
                int after = _i + 1 + word.Length;
                return string.Compare(_s, _i + 1, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && after <= _end && (after == _end || !IsNameChar(_s[after]));
            }

            // Line breaks too: the caller's range ends with the statement, and inside parentheses an expression goes on.
            private void SkipBlanks()
            {
                while (_i < _end && char.IsWhiteSpace(_s[_i])) _i++;
            }
        }
    }
}
