using System;
using System.Collections.Generic;

namespace HvLint.Model
{
    /// <summary>
    /// A value the input either states (known, with where it said so) or does not (unknown).
    /// Rules test <see cref="IsKnown"/> before they look at <see cref="Value"/>: unknown is not false.
    /// </summary>
    public readonly struct Fact<T>
    {
        private readonly T _value;

        private Fact(T value, SourceLocation location, bool known)
        {
            _value = value;
            Location = location;
            IsKnown = known;
        }

        public bool IsKnown { get; }

        /// <summary>The stated value; reading it when unknown is a programming error.</summary>
        public T Value => IsKnown ? _value : throw new InvalidOperationException("The value is unknown; test IsKnown first.");

        public SourceLocation Location { get; }

        public static Fact<T> Unknown => default;

        public static Fact<T> Known(T value, SourceLocation location) => new Fact<T>(value, location, true);

        /// <summary>True only when the value is known and satisfies <paramref name="predicate"/>.</summary>
        public bool Is(Func<T, bool> predicate) => IsKnown && predicate(_value);

        public T GetValueOrDefault(T fallback) => IsKnown ? _value : fallback;

        public override string ToString() => IsKnown ? Convert.ToString(_value, System.Globalization.CultureInfo.InvariantCulture) ?? "null" : "(unknown)";
    }

    public static class Fact
    {
        public static Fact<T> Known<T>(T value, SourceLocation location) => Fact<T>.Known(value, location);

        public static bool IsTrue(this Fact<bool> fact) => fact.IsKnown && fact.Value;

        public static bool IsFalse(this Fact<bool> fact) => fact.IsKnown && !fact.Value;
    }

    /// <summary>
    /// A collection the input may or may not state. A known empty list (the VM has no network adapters) is
    /// not the same as an unknown one (the export did not list them).
    /// </summary>
    public sealed class FactList<T>
    {
        private readonly List<T> _items = new List<T>();

        public bool IsKnown { get; private set; }

        public SourceLocation Location { get; private set; }

        public IReadOnlyList<T> Items => _items;

        public int Count => _items.Count;

        public void MarkKnown(SourceLocation location)
        {
            if (!IsKnown) Location = location;
            IsKnown = true;
        }

        /// <summary>
        /// The list may hold more than its items from here on (provisioning code ran a command that may have added
        /// some HvLint cannot see): the items stay, the list is no longer complete.
        /// </summary>
        public void MarkUnknown() => IsKnown = false;

        public void Add(T item) => _items.Add(item);

        public void Clear() => _items.Clear();

        public int RemoveAll(Predicate<T> match) => _items.RemoveAll(match);
    }
}
