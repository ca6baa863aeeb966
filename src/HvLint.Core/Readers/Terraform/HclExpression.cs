using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace HvLint.Readers.Terraform
{
    /// <summary>
    /// The value of an HCL expression as Terraform and Packer evaluate it, where everything it uses is known: literals,
    /// references (var., local., count.index, each.key, each.value and what a module's own resources write), attribute
    /// and index access, arithmetic, comparison, logic, conditionals (`var.env == "prod" ? 8 : 2`), `for` expressions
    /// and the functions that configurations size VMs with (min, max, lookup, coalesce, ...; see <see cref="Call"/>;
    /// try and can in <see cref="TryOrCan"/>).
    /// Null, meaning unknown, for anything else: another function, a splat, an unknown reference, a type error
    /// Terraform would refuse, a number that is not whole at the end. An unknown is never a finding, so evaluating
    /// less is always safe; evaluating wrongly is not, which is why the semantics follow the language's
    /// specification (github.com/hashicorp/hcl, hclsyntax/spec.md) and Terraform's function documentation.
    /// </summary>
    internal sealed class HclExpression
    {
        private readonly string _s;
        private readonly Func<string, JToken?> _reference;
        private readonly Func<string, JToken?> _template;
        private int _i;

        /// <summary>The variables of the `for` expressions being evaluated, innermost last; a null value is unknown.</summary>
        private readonly List<KeyValuePair<string, JToken?>> _scope = new List<KeyValuePair<string, JToken?>>();

        /// <summary>How deeply expressions (and templates inside their strings) nest on this thread; text nested deeper is unknown rather than a stack overflow.</summary>
        [ThreadStatic]
        private static int _nesting;

        private const int MaxNesting = 200;

        private HclExpression(string s, Func<string, JToken?> reference, Func<string, JToken?> template)
        {
            _s = s;
            _reference = reference;
            _template = template;
        }

        /// <summary>
        /// The value of <paramref name="text"/> (an expression without its `${ }`); null when unknown or not an
        /// expression that ends where the text does. <paramref name="reference"/> gives a dotted name's value (null when
        /// unknown); <paramref name="template"/> a quoted string's that interpolates.
        /// </summary>
        public static JToken? Evaluate(string text, Func<string, JToken?> reference, Func<string, JToken?> template)
        {
            var e = new HclExpression(text, reference, template);
            try
            {
                JToken? value = e.Conditional();
                e.Skip();
                if (e._i != e._s.Length || value == null) return null;
                return Final(value);
            }
            catch (Unsupported)
            {
                return null;
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        /// <summary>
        /// The text of a template with text around its interpolations (`"web-${count.index}"`): each `${expr}` replaced by
        /// its value as text, `$${` and `%%{` by the literal `${` and `%{`. Null when an interpolation is unknown or
        /// not text, a number or a bool, or where the template has a `%{` directive.
        /// </summary>
        public static string? Interpolate(string s, Func<string, JToken?> evaluate)
        {
            var text = new StringBuilder();
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if ((c == '$' || c == '%') && i + 2 < s.Length && s[i + 1] == c && s[i + 2] == '{')
                {
                    text.Append(c).Append('{');
                    i += 2;
                }
                else if (c == '%' && i + 1 < s.Length && s[i + 1] == '{')
                {
                    return null;
                }
                else if (c == '$' && i + 1 < s.Length && s[i + 1] == '{')
                {
                    int end = Closing(s, i + 2);
                    JToken? value = end < 0 ? null : evaluate(s.Substring(i + 2, end - i - 2));
                    if (value == null || value.Type == JTokenType.Null || value is JContainer) return null;
                    text.Append(Text(value));
                    i = end;
                }
                else
                {
                    text.Append(c);
                }
            }

            return text.ToString();
        }

        /// <summary>Where the interpolation that starts before <paramref name="start"/> closes: its `}`, past nested braces and quoted strings; -1 if it does not.</summary>
        public static int Closing(string s, int start) => End(s, start, inString: false);

        /// <summary>Where the string whose opening quote is at <paramref name="open"/> closes: its quote, past its interpolations and the strings in them; -1 if it does not.</summary>
        private static int StringEnd(string text, int open) => End(text, open + 1, inString: true);

        /// <summary>
        /// Where a string or an interpolation that starts at <paramref name="k"/> ends. Strings and interpolations nest
        /// (`"${lookup(m, "k")}"`), so the braces open in each interpolation entered are kept, innermost last. The text
        /// is decoded already (the lexer and JSON did that), so a backslash escapes nothing here; `$${` and `%%{` are
        /// literal text.
        /// </summary>
        private static int End(string text, int k, bool inString)
        {
            var braces = new List<int>();
            if (!inString) braces.Add(0);
            bool outerIsString = inString;
            for (; k < text.Length; k++)
            {
                char c = text[k];
                bool opens = (c == '$' || c == '%') && k + 1 < text.Length;
                if (inString)
                {
                    if (opens && text[k + 1] == c) k++;
                    else if (opens && text[k + 1] == '{')
                    {
                        braces.Add(0);
                        inString = false;
                        k++;
                    }
                    else if (c == '"')
                    {
                        if (braces.Count == 0) return k;
                        inString = false;
                    }
                }
                else if (c == '"') inString = true;
                else if (c == '{') braces[braces.Count - 1]++;
                else if (c == '}' && braces[braces.Count - 1]-- == 0)
                {
                    braces.RemoveAt(braces.Count - 1);
                    if (braces.Count == 0 && !outerIsString) return k;
                    inString = true;
                }
            }

            return -1;
        }

        /// <summary>Thrown where the text is not an expression HvLint reads; the whole expression is then unknown.</summary>
        private class Unsupported : Exception
        {
        }

        /// <summary>
        /// Thrown where Terraform itself would refuse the value (a missing key, an index past the end, a type error,
        /// division by zero): unknown too, except to `try` and `can`, which are made to catch exactly that.
        /// </summary>
        private sealed class Refused : Unsupported
        {
        }

        /// <summary>Numbers end as whole numbers (Hyper-V's settings are counts and sizes); a fraction is unknown rather than a guess.</summary>
        private static JToken? Final(JToken value)
        {
            // A whole number stays the token it is, which says where it was written (a module call's argument).
            if (value is JValue { Value: long }) return value;
            if (value is JValue { Type: JTokenType.Integer or JTokenType.Float })
            {
                decimal d = Number(value);
                return d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue ? new JValue((long)d) : null;
            }

            return value;
        }

        private JToken? Conditional()
        {
            if (++_nesting > MaxNesting)
            {
                _nesting--;
                throw new Unsupported();
            }

            try
            {
                return ConditionalExpression();
            }
            finally
            {
                _nesting--;
            }
        }

        private JToken? ConditionalExpression()
        {
            JToken? condition = Or();
            if (!Take("?")) return condition;
            JToken? whenTrue = Conditional();
            Expect(":");
            JToken? whenFalse = Conditional();
            bool? known = Bool(condition);
            if (known.HasValue) return known.Value ? whenTrue : whenFalse;
            // Whichever way an unknown condition goes, two equal results are that result.
            return whenTrue != null && whenFalse != null && Equal(whenTrue, whenFalse) ? whenTrue : null;
        }

        private JToken? Or()
        {
            JToken? left = And();
            while (Take("||"))
            {
                JToken? right = And();
                left = Logic(left, right, stopAt: true);
            }

            return left;
        }

        private JToken? And()
        {
            JToken? left = Equality();
            while (Take("&&"))
            {
                JToken? right = Equality();
                left = Logic(left, right, stopAt: false);
            }

            return left;
        }

        /// <summary>`||` (stopAt true) or `&&` (false): a known side equal to stopAt decides it whatever the other side is.</summary>
        private static JToken? Logic(JToken? left, JToken? right, bool stopAt)
        {
            bool? l = Bool(left), r = Bool(right);
            if (l == stopAt || r == stopAt) return new JValue(stopAt);
            return l.HasValue && r.HasValue ? new JValue(!stopAt) : null;
        }

        private static bool? Bool(JToken? value)
        {
            if (value == null) return null;
            if (value is JValue { Type: JTokenType.Boolean } b) return (bool)b;
            if (value is JValue { Type: JTokenType.String } s && ((string)s! == "true" || (string)s! == "false")) return (string)s! == "true";
            throw new Refused();
        }

        private JToken? Equality()
        {
            JToken? left = Comparison();
            while (true)
            {
                bool equal = Take("==");
                if (!equal && !Take("!=")) return left;
                JToken? right = Comparison();
                left = left == null || right == null ? null : new JValue(Equal(left, right) == equal);
            }
        }

        private JToken? Comparison()
        {
            JToken? left = Sum();
            while (true)
            {
                string? op = Take("<=") ? "<=" : Take(">=") ? ">=" : Take("<") ? "<" : Take(">") ? ">" : null;
                if (op == null) return left;
                JToken? right = Sum();
                if (left == null || right == null)
                {
                    left = null;
                    continue;
                }

                int c = Number(left).CompareTo(Number(right));
                left = new JValue(op == "<" ? c < 0 : op == ">" ? c > 0 : op == "<=" ? c <= 0 : c >= 0);
            }
        }

        private JToken? Sum()
        {
            JToken? left = Product();
            while (true)
            {
                char op = Take("+") ? '+' : Take("-") ? '-' : '\0';
                if (op == '\0') return left;
                JToken? right = Product();
                left = left == null || right == null ? null : Arithmetic(op, left, right);
            }
        }

        private JToken? Product()
        {
            JToken? left = Unary();
            while (true)
            {
                char op = Take("*") ? '*' : Take("/") ? '/' : Take("%") ? '%' : '\0';
                if (op == '\0') return left;
                JToken? right = Unary();
                left = left == null || right == null ? null : Arithmetic(op, left, right);
            }
        }

        private static JToken Arithmetic(char op, JToken left, JToken right)
        {
            decimal l = Number(left), r = Number(right);
            if ((op == '/' || op == '%') && r == 0) throw new Refused();
            decimal result = op switch
            {
                '+' => l + r,
                '-' => l - r,
                '*' => l * r,
                '/' => l / r,
                _ => l % r,
            };
            return NumberValue(result);
        }

        private JToken? Unary()
        {
            // The operators before an operand, applied innermost first once it is known (`!!x`, `- -2`).
            var operators = new List<char>();
            while (true)
            {
                if (Take("!")) operators.Add('!');
                else if (Take("-")) operators.Add('-');
                else break;
            }

            JToken? value = Postfix(Primary());
            for (int k = operators.Count - 1; k >= 0 && value != null; k--)
            {
                value = operators[k] == '-' ? NumberValue(-Number(value)) : Bool(value) is bool b ? new JValue(!b) : null;
            }

            return value;
        }

        /// <summary>Attribute access (`.name`, `.0`) and indexing (`[key]`) after a value; a splat (`[*]`, `.*`) is unknown.</summary>
        private JToken? Postfix(JToken? value)
        {
            while (true)
            {
                Skip();
                if (Peek("...")) return value;
                if (Take("."))
                {
                    if (Take("*")) throw new Unsupported();
                    value = Member(value, Name() ?? Digits() ?? throw new Unsupported());
                }
                else if (Take("["))
                {
                    if (Take("*")) throw new Unsupported();
                    JToken? key = Conditional();
                    Expect("]");
                    value = key == null ? null : Member(value, Text(key));
                }
                else
                {
                    return value;
                }
            }
        }

        /// <summary>A map's or object's attribute, or a list's element by its number; unknown where the value is.</summary>
        private static JToken? Member(JToken? value, string key)
        {
            if (value == null) return null;
            if (value is JObject o) return o.TryGetValue(key, out JToken? member) ? member : throw new Refused();
            if (value is JArray a && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int index)) return index < a.Count ? a[index] : throw new Refused();
            throw new Refused();
        }

        private JToken? Primary()
        {
            Skip();
            if (_i >= _s.Length) throw new Unsupported();
            char c = _s[_i];
            if (c == '(')
            {
                _i++;
                JToken? inner = Conditional();
                Expect(")");
                return inner;
            }

            if (c == '"') return StringLiteral();
            if (char.IsDigit(c)) return NumberLiteral();
            if (c == '[') return Tuple();
            if (c == '{') return Object();

            string name = Name() ?? throw new Unsupported();
            if (name == "true" || name == "false") return new JValue(name == "true");
            if (name == "null") return JValue.CreateNull();
            if (name == "for") throw new Unsupported();
            Skip();
            if ((name == "try" || name == "can") && Peek("(")) return TryOrCan(name == "try");
            if (Peek("(") && !name.Contains("::"))
            {
                _i++;
                return Call(name, Arguments());
            }

            // A dotted reference: the longest prefix of it that has a value, then attributes of that value.
            var parts = new List<string> { name };
            while (Peek(".") && !Peek("...") && _i + 1 < _s.Length && (char.IsLetter(_s[_i + 1]) || _s[_i + 1] == '_' || char.IsDigit(_s[_i + 1])))
            {
                _i++;
                parts.Add(Name() ?? Digits()!);
            }

            // A `for` expression's variable shadows everything else of its name.
            int bound = _scope.FindLastIndex(v => v.Key == parts[0]);
            if (bound >= 0)
            {
                JToken? value = _scope[bound].Value;
                for (int k = 1; k < parts.Count && value != null; k++) value = Member(value, parts[k]);
                return value;
            }

            for (int n = parts.Count; n > 0; n--)
            {
                JToken? value = _reference(string.Join(".", parts.Take(n)));
                if (value == null) continue;
                for (int k = n; k < parts.Count; k++) value = Member(value, parts[k]);
                return value;
            }

            return null;
        }

        /// <summary>
        /// `try(a, b, ...)`: the first argument Terraform does not refuse; `can(a)`: whether it does not. An argument
        /// whose value is unknown makes the result unknown, since it may or may not be refused; one HvLint cannot read
        /// makes the whole expression unknown.
        /// </summary>
        private JToken? TryOrCan(bool isTry)
        {
            _i++; // the opening parenthesis
            JToken? result = null;
            bool decided = false, any = false;
            while (!Take(")"))
            {
                int start = _i;
                JToken? value;
                bool refused = false;
                try
                {
                    value = Conditional();
                }
                catch (Refused)
                {
                    value = null;
                    refused = true;
                    _i = ArgumentEnd(start);
                }

                any = true;
                if (!decided && !(refused && isTry))
                {
                    decided = true;
                    result = refused ? new JValue(false) : value == null ? null : isTry ? value : new JValue(true);
                }

                if (!Take(",")) Expect(")");
                else continue;
                break;
            }

            if (!any) throw new Unsupported();
            if (!decided) throw new Refused(); // every argument refused: so is try
            return result;
        }

        private int ArgumentEnd(int start) => ArgumentEnd(_s, start) is int end && end >= 0 ? end : throw new Unsupported();

        /// <summary>Where the argument that starts at <paramref name="start"/> ends: the comma or parenthesis after it, past brackets and strings; -1 if nothing ends it.</summary>
        internal static int ArgumentEnd(string text, int start)
        {
            int depth = 0;
            for (int k = start; k < text.Length; k++)
            {
                char c = text[k];
                if (c == '"')
                {
                    k = StringEnd(text, k);
                    if (k < 0) return -1;
                }
                else if (c == '(' || c == '[' || c == '{') depth++;
                else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
                else if ((c == ',' || c == ')') && depth == 0) return k;
            }

            return -1;
        }

        private List<JToken?> Arguments()
        {
            var args = new List<JToken?>();
            Skip();
            if (Take(")")) return args;
            while (true)
            {
                JToken? arg = Conditional();
                if (Take("..."))
                {
                    // A list expanded into the arguments.
                    if (arg == null) return new List<JToken?> { null };
                    if (!(arg is JArray list)) throw new Refused();
                    args.AddRange(list);
                }
                else
                {
                    args.Add(arg);
                }

                if (Take(")")) return args;
                Expect(",");
            }
        }

        /// <summary>
        /// The functions HvLint evaluates, as Terraform documents them (developer.hashicorp.com/terraform/language/functions);
        /// Packer's HCL2 has the same ones. An unknown argument makes the result unknown, except coalesce past a known one.
        /// </summary>
        private static JToken? Call(string name, List<JToken?> args)
        {
            if (name == "coalesce")
            {
                foreach (JToken? a in args)
                {
                    if (a == null) return null;
                    if (a.Type != JTokenType.Null && !(a.Type == JTokenType.String && (string)a! == string.Empty)) return a;
                }

                throw new Refused();
            }

            if (args.Any(a => a == null)) return null;
            JToken Arg(int i) => i < args.Count ? args[i]! : throw new Unsupported();
            switch (name)
            {
                case "min":
                case "max":
                    if (args.Count == 0) throw new Refused();
                    decimal[] numbers = args.Select(a => Number(a!)).ToArray();
                    return NumberValue(name == "min" ? numbers.Min() : numbers.Max());
                case "abs":
                    return NumberValue(Math.Abs(Number(Arg(0))));
                case "ceil":
                    return NumberValue(decimal.Ceiling(Number(Arg(0))));
                case "floor":
                    return NumberValue(decimal.Floor(Number(Arg(0))));
                case "lookup":
                    if (!(Arg(0) is JObject map) || args.Count > 3) throw new Refused();
                    return map.TryGetValue(Text(Arg(1)), out JToken? found) ? found : args.Count == 3 ? Arg(2) : throw new Refused();
                case "contains":
                    return Arg(1) is JToken wanted && Arg(0) is JArray items ? new JValue(items.Any(item => Equal(item, wanted))) : throw new Refused();
                case "length":
                    return Arg(0) switch
                    {
                        JArray list => new JValue((long)list.Count),
                        JObject obj => new JValue((long)obj.Count),
                        JValue { Type: JTokenType.String } s => new JValue((long)new StringInfo((string)s!).LengthInTextElements),
                        _ => throw new Refused(),
                    };
                case "element":
                    if (!(Arg(0) is JArray elements) || elements.Count == 0) throw new Refused();
                    decimal at = Number(Arg(1));
                    if (at < 0 || at != decimal.Truncate(at)) throw new Refused();
                    return elements[(int)(at % elements.Count)];
                case "lower":
                    return new JValue(Text(Arg(0)).ToLowerInvariant());
                case "upper":
                    return new JValue(Text(Arg(0)).ToUpperInvariant());
                case "trimspace":
                    return new JValue(Text(Arg(0)).Trim());
                case "tostring":
                    return Arg(0).Type == JTokenType.Null ? Arg(0) : new JValue(Text(Arg(0)));
                case "tonumber":
                    return Arg(0).Type == JTokenType.Null ? Arg(0) : NumberValue(Number(Arg(0)));
                case "tobool":
                    return Arg(0).Type == JTokenType.Null ? Arg(0) : new JValue(Bool(Arg(0))!.Value);
                case "toset":
                    if (!(Arg(0) is JArray members)) throw new Refused();
                    var set = new JArray();
                    foreach (JToken m in members)
                    {
                        if (!set.Any(s => Equal(s, m))) set.Add(m);
                    }

                    return set;
                case "tolist":
                case "tomap":
                    return Arg(0) is JArray || Arg(0) is JObject ? Arg(0) : throw new Refused();
                default:
                    return null;
            }
        }

        private JToken? StringLiteral()
        {
            int start = _i + 1, end = StringEnd(_s, _i);
            if (end < 0) throw new Unsupported();
            _i = end + 1;
            return _template(_s.Substring(start, end - start));
        }

        private JToken NumberLiteral()
        {
            int start = _i;
            while (_i < _s.Length && (char.IsDigit(_s[_i]) || _s[_i] == '.' && _i + 1 < _s.Length && char.IsDigit(_s[_i + 1]))) _i++;
            if (_i < _s.Length && (_s[_i] == 'e' || _s[_i] == 'E'))
            {
                _i++;
                if (_i < _s.Length && (_s[_i] == '+' || _s[_i] == '-')) _i++;
                while (_i < _s.Length && char.IsDigit(_s[_i])) _i++;
            }

            return decimal.TryParse(_s.Substring(start, _i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) ? NumberValue(d) : throw new Unsupported();
        }

        private JToken? Tuple()
        {
            _i++;
            var list = new JArray();
            bool known = true;
            Skip();
            if (Peek("for")) return For(']');
            while (!Take("]"))
            {
                JToken? item = Conditional();
                if (item == null) known = false;
                else list.Add(item);
                if (!Take(",")) Expect("]"); else continue;
                break;
            }

            return known ? list : null;
        }

        private JToken? Object()
        {
            _i++;
            var obj = new JObject();
            bool known = true;
            Skip();
            if (Peek("for")) return For('}');
            while (!Take("}"))
            {
                Skip();
                string key = _i < _s.Length && _s[_i] == '"' ? (StringLiteral() is JValue { Type: JTokenType.String } k ? (string)k! : throw new Unsupported()) : Name() ?? throw new Unsupported();
                if (!Take("=")) Expect(":");
                JToken? value = Conditional();
                if (value == null) known = false;
                else obj[key] = value;
                Take(",");
            }

            return known ? obj : null;
        }

        /// <summary>
        /// A `for` expression, after its opening bracket: `[for v in C : EXPR if COND]` makes a list and
        /// `{for k, v in C : KEY => VALUE... if COND}` an object (with `...`, the values of one key grouped in a list).
        /// Over a list the one variable is each item (two: its index and the item), over a map each value (two: its key
        /// and the value). The body is read again for each element; over an unknown or empty collection it is read once
        /// with its variables unknown, to find where it ends.
        /// </summary>
        private JToken? For(char closing)
        {
            Expect("for");
            string first = Name() ?? throw new Unsupported();
            string? second = Take(",") ? Name() ?? throw new Unsupported() : null;
            Expect("in");
            JToken? collection = Conditional();
            Expect(":");
            List<KeyValuePair<JToken, JToken>>? elements = collection switch
            {
                null => null,
                JObject map => map.Properties().Select(p => new KeyValuePair<JToken, JToken>(new JValue(p.Name), p.Value)).ToList(),
                JArray list => list.Select((item, index) => new KeyValuePair<JToken, JToken>(new JValue((long)index), item)).ToList(),
                _ => throw new Refused(),
            };
            if (elements != null && elements.Count > MaxForElements) elements = null;

            int body = _i, end = body;
            bool known = elements != null;
            var items = new JArray();
            var fields = new JObject();
            foreach (var element in elements is { Count: > 0 } ? elements : new List<KeyValuePair<JToken, JToken>> { default })
            {
                // `for` inside `for` multiplies: past this much work the expression is unknown rather than slow.
                if (++_steps > MaxForSteps) throw new Unsupported();
                _i = body;
                bool real = element.Value != null;
                int depth = _scope.Count;
                if (second == null) _scope.Add(new KeyValuePair<string, JToken?>(first, real ? element.Value : null));
                else
                {
                    _scope.Add(new KeyValuePair<string, JToken?>(first, real ? element.Key : null));
                    _scope.Add(new KeyValuePair<string, JToken?>(second, real ? element.Value : null));
                }

                try
                {
                    JToken? key = null;
                    if (closing == '}')
                    {
                        key = Conditional();
                        Expect("=>");
                    }

                    JToken? value = Conditional();
                    bool group = closing == '}' && Take("...");
                    JToken? condition = Take("if") ? Conditional() : new JValue(true);
                    end = _i;
                    if (!real) continue;
                    bool? include = Bool(condition);
                    if (include == false) continue;
                    if (include == null || value == null || (closing == '}' && key == null))
                    {
                        known = false;
                        continue;
                    }

                    if (closing == ']') items.Add(value);
                    else if (group) ((JArray)(fields[Text(key!)] ??= new JArray())).Add(value);
                    else if (fields.ContainsKey(Text(key!))) throw new Refused(); // Terraform refuses a key made twice without `...`
                    else fields[Text(key!)] = value;
                }
                finally
                {
                    _scope.RemoveRange(depth, _scope.Count - depth);
                }
            }

            _i = end;
            Expect(closing.ToString());
            return !known ? null : closing == ']' ? items : (JToken)fields;
        }

        /// <summary>The most elements a `for` expression is evaluated over; a larger collection leaves it unknown.</summary>
        private const int MaxForElements = 1024;

        /// <summary>The most bodies of `for` expressions one expression evaluates.</summary>
        private const int MaxForSteps = 10000;

        private int _steps;

        /// <summary>A number as arithmetic takes it: a number, or a string of one (Terraform converts it); anything else is a type error.</summary>
        private static decimal Number(JToken value)
        {
            // A JSON number beyond decimal's range (a BigInteger, a double of 1e400) is no size of anything.
            if (value is JValue { Value: long l }) return l;
            if (value is JValue { Value: decimal m }) return m;
            if (value is JValue { Value: double d }) return !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e28 ? (decimal)d : throw new Unsupported();
            if (value is JValue { Type: JTokenType.String } s && decimal.TryParse(((string)s!).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal parsed)) return parsed;
            throw new Refused();
        }

        private static JValue NumberValue(decimal d) => d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue ? new JValue((long)d) : new JValue(d);

        /// <summary>A value as a string, as Terraform converts numbers and bools; a collection or null has none.</summary>
        private static string Text(JToken value) => value switch
        {
            JValue { Type: JTokenType.String } s => (string)s!,
            JValue { Type: JTokenType.Integer or JTokenType.Float } => Number(value).ToString("G29", CultureInfo.InvariantCulture), // 1.50 is "1.5"
            JValue { Type: JTokenType.Boolean } b => (bool)b ? "true" : "false",
            _ => throw new Refused(),
        };

        /// <summary>HCL's equality: values of different types are never equal (2 == "2" is false), numbers by value.</summary>
        private static bool Equal(JToken a, JToken b)
        {
            bool aNumber = a.Type == JTokenType.Integer || a.Type == JTokenType.Float, bNumber = b.Type == JTokenType.Integer || b.Type == JTokenType.Float;
            if (aNumber && bNumber) return Number(a) == Number(b);
            return JToken.DeepEquals(a, b);
        }

        private string? Name()
        {
            Skip();
            int start = _i;
            if (_i >= _s.Length || !(char.IsLetter(_s[_i]) || _s[_i] == '_')) return null;
            while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] == '_' || _s[_i] == '-' || (_s[_i] == ':' && _i + 1 < _s.Length && _s[_i + 1] == ':'))) _i += _s[_i] == ':' ? 2 : 1;
            return _s.Substring(start, _i - start);
        }

        private string? Digits()
        {
            int start = _i;
            while (_i < _s.Length && char.IsDigit(_s[_i])) _i++;
            return _i > start ? _s.Substring(start, _i - start) : null;
        }

        private bool Peek(string token)
        {
            Skip();
            if (string.CompareOrdinal(_s, _i, token, 0, token.Length) != 0) return false;
            // A word is followed by no more of a word (`for` is not `format`).
            return !char.IsLetter(token[0]) || _i + token.Length >= _s.Length || !(char.IsLetterOrDigit(_s[_i + token.Length]) || _s[_i + token.Length] == '_');
        }

        private bool Take(string token)
        {
            if (!Peek(token)) return false;
            // `=` is not the start of `==`, `<` not of `<=`, `.` not of `...`.
            if (token.Length == 1 && _i + 1 < _s.Length && ((token == "=" || token == "<" || token == ">" || token == "!") && _s[_i + 1] == '=' || token == "." && _s[_i + 1] == '.')) return false;
            _i += token.Length;
            return true;
        }

        private void Expect(string token)
        {
            if (!Take(token)) throw new Unsupported();
        }

        private void Skip()
        {
            while (_i < _s.Length && char.IsWhiteSpace(_s[_i])) _i++;
        }
    }
}
