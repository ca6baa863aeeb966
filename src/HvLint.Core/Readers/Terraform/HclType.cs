using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace HvLint.Readers.Terraform
{
    /// <summary>
    /// A variable's type constraint (`type = number`, `map(object({ cpus = optional(number, 2) }))`), and the conversion
    /// Terraform applies to a value given for it: strings of numbers and bools become numbers and bools, and an object's
    /// attributes the value leaves out take their `optional()` default (developer.hashicorp.com/terraform/language/
    /// expressions/type-constraints, "Optional Object Type Attributes"). A constraint HvLint does not read converts
    /// nothing.
    /// </summary>
    internal sealed class HclType
    {
        private readonly string _kind;
        private readonly HclType? _element;
        private readonly List<HclType>? _elements;
        private readonly List<Attribute>? _attributes;

        private HclType(string kind, HclType? element = null, List<HclType>? elements = null, List<Attribute>? attributes = null)
        {
            _kind = kind;
            _element = element;
            _elements = elements;
            _attributes = attributes;
        }

        private sealed class Attribute
        {
            public Attribute(string name, HclType type, bool optional, JToken? byDefault)
            {
                Name = name;
                Type = type;
                Optional = optional;
                Default = byDefault;
            }

            public string Name { get; }

            public HclType Type { get; }

            public bool Optional { get; }

            public JToken? Default { get; }
        }

        /// <summary>The constraint written as <paramref name="text"/> (an HCL type expression, with or without `${ }`); null when it is not one HvLint reads.</summary>
        public static HclType? Parse(string? text)
        {
            if (text == null) return null;
            string t = text.Trim();
            if (t.StartsWith("${", StringComparison.Ordinal) && t.EndsWith("}", StringComparison.Ordinal)) t = t.Substring(2, t.Length - 3);
            var parser = new Parser(t);
            HclType? type = parser.Type();
            return type != null && parser.AtEnd ? type : null;
        }

        /// <summary>A string, number or bool, whose value an environment variable gives as its text, not as HCL.</summary>
        public bool IsPrimitive => _kind == "string" || _kind == "number" || _kind == "bool";

        /// <summary>The value as Terraform converts it to this type; null where Terraform would refuse it (a required attribute left out, "eight" for a number).</summary>
        public JToken? Convert(JToken value)
        {
            if (value.Type == JTokenType.Null) return value;
            switch (_kind)
            {
                case "number":
                    if (value.Type == JTokenType.Integer || value.Type == JTokenType.Float) return value;
                    if (value.Type != JTokenType.String) return null;
                    string s = ((string)value!).Trim();
                    if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole)) return new JValue(whole);
                    return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double fraction) ? new JValue(fraction) : null;
                case "bool":
                    if (value.Type == JTokenType.Boolean) return value;
                    return value.Type == JTokenType.String && ((string)value! == "true" || (string)value! == "false") ? new JValue((string)value! == "true") : null;
                case "string":
                    return value.Type switch
                    {
                        JTokenType.String => value,
                        JTokenType.Integer or JTokenType.Float => new JValue(System.Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture)),
                        JTokenType.Boolean => new JValue((bool)value ? "true" : "false"),
                        _ => null,
                    };
                case "list":
                case "set":
                    return value is JArray items ? Each(items, _ => _element!) : null;
                case "tuple":
                    return value is JArray tuple && tuple.Count == _elements!.Count ? Each(tuple, i => _elements[i]) : null;
                case "map":
                    if (!(value is JObject map)) return null;
                    var converted = new JObject();
                    foreach (JProperty p in map.Properties())
                    {
                        if (!(_element!.Convert(p.Value) is JToken v)) return null;
                        converted[p.Name] = v;
                    }

                    return converted;
                case "object":
                    if (!(value is JObject given)) return null;
                    var result = new JObject();
                    foreach (Attribute a in _attributes!)
                    {
                        JToken? attribute = given[a.Name];
                        if (attribute == null && !a.Optional) return null;
                        // An optional attribute left out (or null) takes its default, or is null.
                        if (attribute == null || (attribute.Type == JTokenType.Null && a.Default != null)) attribute = a.Default?.DeepClone() ?? JValue.CreateNull();
                        if (!(a.Type.Convert(attribute) is JToken v)) return null;
                        result[a.Name] = v;
                    }

                    return result;
                default:
                    return value;
            }
        }

        private static JArray? Each(JArray items, Func<int, HclType> typeOf)
        {
            var converted = new JArray();
            for (int i = 0; i < items.Count; i++)
            {
                if (!(typeOf(i).Convert(items[i]) is JToken v)) return null;
                converted.Add(v);
            }

            return converted;
        }

        private sealed class Parser
        {
            private readonly string _s;
            private int _i;

            public Parser(string s)
            {
                _s = s;
            }

            public bool AtEnd
            {
                get
                {
                    Skip();
                    return _i == _s.Length;
                }
            }

            public HclType? Type()
            {
                string? name = Name();
                switch (name)
                {
                    case "string":
                    case "number":
                    case "bool":
                    case "any":
                        return new HclType(name);
                    case "list":
                    case "set":
                    case "map":
                        return Take('(') && Type() is HclType element && Take(')') ? new HclType(name, element) : null;
                    case "tuple":
                        if (!Take('(') || !Take('[')) return null;
                        var elements = new List<HclType>();
                        while (!Take(']'))
                        {
                            if (!(Type() is HclType e)) return null;
                            elements.Add(e);
                            Take(',');
                        }

                        return Take(')') ? new HclType(name, elements: elements) : null;
                    case "object":
                        return Take('(') && Take('{') && Attributes() is List<Attribute> attributes && Take(')') ? new HclType(name, attributes: attributes) : null;
                    default:
                        return null;
                }
            }

            private List<Attribute>? Attributes()
            {
                var attributes = new List<Attribute>();
                while (!Take('}'))
                {
                    string? name = Name();
                    if (name == null || !(Take('=') || Take(':'))) return null;
                    int before = _i;
                    if (Name() == "optional" && Take('('))
                    {
                        if (!(Type() is HclType type)) return null;
                        JToken? byDefault = null;
                        if (Take(','))
                        {
                            // The default is a constant expression, up to the parenthesis that closes optional(.
                            int start = _i, end = HclExpression.ArgumentEnd(_s, start);
                            if (end < 0 || _s[end] != ')') return null;
                            byDefault = HclExpression.Evaluate(_s.Substring(start, end - start), _ => null, text => text.Contains("${") ? null : new JValue(text));
                            if (byDefault == null) return null;
                            _i = end;
                        }

                        if (!Take(')')) return null;
                        attributes.Add(new Attribute(name, type, optional: true, byDefault));
                    }
                    else
                    {
                        _i = before;
                        if (!(Type() is HclType type)) return null;
                        attributes.Add(new Attribute(name, type, optional: false, null));
                    }

                    Take(',');
                }

                return attributes;
            }

            private string? Name()
            {
                Skip();
                int start = _i;
                while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] == '_' || _s[_i] == '-')) _i++;
                return _i > start ? _s.Substring(start, _i - start) : null;
            }

            private bool Take(char c)
            {
                Skip();
                if (_i >= _s.Length || _s[_i] != c) return false;
                _i++;
                return true;
            }

            private void Skip()
            {
                while (_i < _s.Length && char.IsWhiteSpace(_s[_i])) _i++;
            }
        }
    }
}
