using System;
using System.Collections.Generic;
using System.Globalization;
using HvLint.Model;

namespace HvLint.Packs
{
    /// <summary>A value a pack condition looks at: a known scalar, a list, a model element, or unknown.</summary>
    public sealed class PackValue
    {
        public static readonly PackValue Unknown = new PackValue(Kinds.Unknown, null, default);

        private PackValue(Kinds kind, object? value, SourceLocation location)
        {
            Kind = kind;
            Value = value;
            Location = location;
        }

        public enum Kinds
        {
            Unknown,
            Null,
            Boolean,
            Number,
            String,
            List,
            Element,
        }

        public Kinds Kind { get; }

        public object? Value { get; }

        public SourceLocation Location { get; }

        public bool IsKnown => Kind != Kinds.Unknown;

        public static PackValue Null(SourceLocation at) => new PackValue(Kinds.Null, null, at);

        public static PackValue Of(bool b, SourceLocation at) => new PackValue(Kinds.Boolean, b, at);

        public static PackValue Of(double d, SourceLocation at) => new PackValue(Kinds.Number, d, at);

        public static PackValue Of(string? s, SourceLocation at) => s == null ? Null(at) : new PackValue(Kinds.String, s, at);

        public static PackValue List(IReadOnlyList<PackValue> items, SourceLocation at) => new PackValue(Kinds.List, items, at);

        public static PackValue Element(PackElement e) => new PackValue(Kinds.Element, e, e.Location);

        public static PackValue From<T>(Fact<T> fact, Func<T, PackValue> convert) => fact.IsKnown ? convert(fact.Value) : Unknown;

        public static PackValue FromFact(Fact<bool> f) => f.IsKnown ? Of(f.Value, f.Location) : Unknown;

        public static PackValue FromFact(Fact<int> f) => f.IsKnown ? Of(f.Value, f.Location) : Unknown;

        public static PackValue FromFact(Fact<long> f) => f.IsKnown ? Of(f.Value, f.Location) : Unknown;

        public static PackValue FromFact(Fact<string> f) => f.IsKnown ? Of(f.Value, f.Location) : Unknown;

        public static PackValue FromNullable(Fact<string?> f) => f.IsKnown ? Of(f.Value, f.Location) : Unknown;

        public static PackValue FromEnum<T>(Fact<T> f)
            where T : struct => f.IsKnown ? Of(f.Value.ToString(), f.Location) : Unknown;

        public IReadOnlyList<PackValue> Items => Kind == Kinds.List ? (IReadOnlyList<PackValue>)Value! : Array.Empty<PackValue>();

        /// <summary>The text a message template shows for the value.</summary>
        public string Display()
        {
            switch (Kind)
            {
                case Kinds.Unknown: return "unknown";
                case Kinds.Null: return "none";
                case Kinds.Boolean: return (bool)Value! ? "true" : "false";
                case Kinds.Number: return ((double)Value!).ToString("0.###", CultureInfo.InvariantCulture);
                case Kinds.String: return (string)Value!;
                case Kinds.List:
                    var parts = new List<string>();
                    foreach (PackValue v in Items) parts.Add(v.Display());
                    return string.Join(", ", parts);
                default: return ((PackElement)Value!).Label;
            }
        }
    }
}
