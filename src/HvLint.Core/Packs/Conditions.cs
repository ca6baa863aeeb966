using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using HvLint.Model;
using Newtonsoft.Json.Linq;

namespace HvLint.Packs
{
    /// <summary>Three-valued truth: a condition on an unknown value is Unknown, and a rule never fires on Unknown.</summary>
    public enum Truth
    {
        False,
        True,
        Unknown,
    }

    /// <summary>The outcome of a condition, and the value that decided it (where a finding points).</summary>
    public readonly struct Outcome
    {
        public Outcome(Truth truth, SourceLocation blame)
        {
            Truth = truth;
            Blame = blame;
        }

        public Truth Truth { get; }

        public SourceLocation Blame { get; }
    }

    public abstract class Condition
    {
        public abstract Outcome Evaluate(PackElement element);
    }

    internal sealed class AllOf : Condition
    {
        private readonly IReadOnlyList<Condition> _parts;

        public AllOf(IReadOnlyList<Condition> parts) => _parts = parts;

        public override Outcome Evaluate(PackElement element)
        {
            bool unknown = false;
            SourceLocation last = default;
            foreach (Condition c in _parts)
            {
                Outcome o = c.Evaluate(element);
                if (o.Truth == Truth.False) return o;
                if (o.Truth == Truth.Unknown) unknown = true;
                last = o.Blame;
            }

            return new Outcome(unknown ? Truth.Unknown : Truth.True, last);
        }
    }

    internal sealed class AnyOf : Condition
    {
        private readonly IReadOnlyList<Condition> _parts;

        public AnyOf(IReadOnlyList<Condition> parts) => _parts = parts;

        public override Outcome Evaluate(PackElement element)
        {
            bool unknown = false;
            SourceLocation first = default;
            foreach (Condition c in _parts)
            {
                Outcome o = c.Evaluate(element);
                if (o.Truth == Truth.True) return o;
                if (o.Truth == Truth.Unknown) unknown = true;
                if (!first.HasPosition) first = o.Blame;
            }

            return new Outcome(unknown ? Truth.Unknown : Truth.False, first);
        }
    }

    internal sealed class Not : Condition
    {
        private readonly Condition _inner;

        public Not(Condition inner) => _inner = inner;

        public override Outcome Evaluate(PackElement element)
        {
            Outcome o = _inner.Evaluate(element);
            return new Outcome(o.Truth == Truth.True ? Truth.False : o.Truth == Truth.False ? Truth.True : Truth.Unknown, o.Blame);
        }
    }

    /// <summary>{ "field": "networkAdapters", "allOf": [...] } or "anyOf": the conditions applied to each element.</summary>
    internal sealed class OverElements : Condition
    {
        private readonly string _field;
        private readonly bool _all;
        private readonly Condition _each;

        public OverElements(string field, bool all, Condition each)
        {
            _field = field;
            _all = all;
            _each = each;
        }

        public override Outcome Evaluate(PackElement element)
        {
            PackValue list = element.Get(_field);
            if (list.Kind != PackValue.Kinds.List) return new Outcome(list.IsKnown ? Truth.False : Truth.Unknown, list.Location);
            bool unknown = false;
            foreach (PackValue item in list.Items)
            {
                if (item.Kind != PackValue.Kinds.Element) return new Outcome(Truth.False, item.Location);
                Outcome o = _each.Evaluate((PackElement)item.Value!);
                if (_all && o.Truth == Truth.False) return o;
                if (!_all && o.Truth == Truth.True) return o;
                if (o.Truth == Truth.Unknown) unknown = true;
            }

            return new Outcome(unknown ? Truth.Unknown : _all ? Truth.True : Truth.False, list.Location);
        }
    }

    /// <summary>A comparison of one field with a value, in PSRule's operator names.</summary>
    internal sealed class Leaf : Condition
    {
        public static readonly string[] Operators =
        {
            "equals", "notEquals", "in", "notIn", "match", "notMatch", "exists", "hasValue", "greater", "greaterOrEquals",
            "less", "lessOrEquals", "count", "startsWith", "endsWith", "contains",
        };

        private readonly string _field;
        private readonly string _operator;
        private readonly JToken _operand;
        private readonly Regex? _regex;

        public Leaf(string field, string op, JToken operand)
        {
            _field = field;
            _operator = op;
            _operand = operand;
            if (op == "match" || op == "notMatch") _regex = new Regex((string)operand!, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }

        public override Outcome Evaluate(PackElement element)
        {
            PackValue v = element.Get(_field);
            SourceLocation at = v.IsKnown && v.Location.HasPosition ? v.Location : element.Location;
            Truth t = Test(v);
            return new Outcome(t, at);
        }

        private Truth Test(PackValue v)
        {
            switch (_operator)
            {
                case "exists": return Known(v.IsKnown == (bool)_operand);
                case "hasValue":
                    if (!v.IsKnown) return Known(!(bool)_operand);
                    bool has = v.Kind != PackValue.Kinds.Null && !(v.Kind == PackValue.Kinds.String && ((string)v.Value!).Length == 0) && !(v.Kind == PackValue.Kinds.List && v.Items.Count == 0);
                    return Known(has == (bool)_operand);
            }

            if (!v.IsKnown) return Truth.Unknown;
            switch (_operator)
            {
                case "equals": return Known(AreEqual(v, _operand));
                case "notEquals": return Known(!AreEqual(v, _operand));
                case "in":
                case "notIn":
                    bool found = false;
                    foreach (JToken option in (JArray)_operand) found |= AreEqual(v, option);
                    return Known(_operator == "in" ? found : !found);
                case "match":
                case "notMatch":
                    if (v.Kind != PackValue.Kinds.String) return Truth.False;
                    bool m = _regex!.IsMatch((string)v.Value!);
                    return Known(_operator == "match" ? m : !m);
                case "count":
                    return Known(v.Kind == PackValue.Kinds.List && v.Items.Count == (long)_operand);
                case "startsWith":
                    return Known(v.Kind == PackValue.Kinds.String && ((string)v.Value!).StartsWith((string)_operand!, StringComparison.OrdinalIgnoreCase));
                case "endsWith":
                    return Known(v.Kind == PackValue.Kinds.String && ((string)v.Value!).EndsWith((string)_operand!, StringComparison.OrdinalIgnoreCase));
                case "contains":
                    if (v.Kind == PackValue.Kinds.String) return Known(((string)v.Value!).IndexOf((string)_operand!, StringComparison.OrdinalIgnoreCase) >= 0);
                    if (v.Kind == PackValue.Kinds.List)
                    {
                        foreach (PackValue item in v.Items)
                        {
                            if (AreEqual(item, _operand)) return Truth.True;
                        }
                    }

                    return Truth.False;
                default:
                    // greater, greaterOrEquals, less, lessOrEquals: numbers, or the length of a string or list (as PSRule).
                    double? left = v.Kind == PackValue.Kinds.Number ? (double)v.Value! : v.Kind == PackValue.Kinds.List ? v.Items.Count : v.Kind == PackValue.Kinds.String ? ((string)v.Value!).Length : (double?)null;
                    double? right = Number(_operand);
                    if (left == null || right == null) return Truth.False;
                    switch (_operator)
                    {
                        case "greater": return Known(left > right);
                        case "greaterOrEquals": return Known(left >= right);
                        case "less": return Known(left < right);
                        default: return Known(left <= right);
                    }
            }
        }

        private static Truth Known(bool b) => b ? Truth.True : Truth.False;

        /// <summary>A number, or a size with a unit ("512MB", "2GB") for the memory and disk fields, which are in bytes.</summary>
        internal static double? Number(JToken t)
        {
            if (t.Type == JTokenType.Integer || t.Type == JTokenType.Float) return (double)t;
            if (t.Type == JTokenType.String && Units.TryParseSize((string)t!, out long bytes)) return bytes;
            return null;
        }

        private static bool AreEqual(PackValue v, JToken operand)
        {
            switch (v.Kind)
            {
                case PackValue.Kinds.Null: return operand.Type == JTokenType.Null;
                case PackValue.Kinds.Boolean: return operand.Type == JTokenType.Boolean && (bool)operand == (bool)v.Value!;
                case PackValue.Kinds.Number:
                    double? n = Number(operand);
                    return n.HasValue && Math.Abs(n.Value - (double)v.Value!) < 1e-9;
                case PackValue.Kinds.String:
                    return operand.Type == JTokenType.String && string.Equals((string)operand!, (string)v.Value!, StringComparison.OrdinalIgnoreCase);
                default:
                    return false;
            }
        }
    }
}
