using System.Collections.Generic;
using HvLint.Model;

namespace HvLint.Analyzers
{
    /// <summary>
    /// A map keyed by <see cref="SourceLocation"/>, which it holds boxed. A dictionary keyed by the struct itself is an
    /// instantiation of CoreLib's code over a type of HvLint's, which no ReadyToRun image can hold: every compiler process
    /// compiled it at first use and ran it unoptimised: about 4% of HvLint's CPU samples in the bench's compile
    /// (bench/README.md). The dictionary over objects is CoreLib's own precompiled code; SourceLocation's Equals(object)
    /// and GetHashCode compare and hash it as its IEquatable does.
    /// </summary>
    internal sealed class LocationMap<T>
        where T : class
    {
        private readonly Dictionary<object, T> _map = new Dictionary<object, T>(ByPosition.Instance);

        public bool TryGetValue(SourceLocation at, out T value)
        {
            bool found = _map.TryGetValue(at, out T? known);
            value = known!;
            return found;
        }

        public bool ContainsKey(SourceLocation at) => _map.ContainsKey(at);

        public void Add(SourceLocation at, T value) => _map.Add(at, value);

        public T this[SourceLocation at]
        {
            set => _map[at] = value;
        }
    }

    /// <summary>
    /// Compares locations as SourceLocation does, but hashes only the line and column: the locations of one map are mostly
    /// of one file, whose path (long, and the same in each) SourceLocation's own hash would hash every time.
    /// </summary>
    internal sealed class ByPosition : IEqualityComparer<object>
    {
        public static readonly ByPosition Instance = new ByPosition();

        public new bool Equals(object? x, object? y) => x is null ? y is null : x.Equals(y);

        public int GetHashCode(object obj) => obj is SourceLocation at ? (at.Line * 397) ^ at.Column : obj.GetHashCode();
    }
}
