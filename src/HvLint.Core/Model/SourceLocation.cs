using System;

namespace HvLint.Model
{
    /// <summary>
    /// Where an element was read: a path as the user named it, and a 1-based line and column.
    /// Line 0 means "no position" (a fact derived rather than read); reporters then point at line 1, column 1,
    /// because SARIF consumers reject results without a region.
    /// </summary>
    public readonly struct SourceLocation : IEquatable<SourceLocation>, IComparable<SourceLocation>
    {
        public SourceLocation(string path, int line, int column)
        {
            Path = path ?? string.Empty;
            Line = line;
            Column = column;
        }

        public string Path { get; }
        public int Line { get; }
        public int Column { get; }

        public bool HasPosition => Line > 0;

        public static SourceLocation None => default;

        public static SourceLocation InFile(string path) => new SourceLocation(path, 0, 0);

        public int CompareTo(SourceLocation other)
        {
            int c = string.CompareOrdinal(Path ?? string.Empty, other.Path ?? string.Empty);
            if (c != 0) return c;
            c = Line.CompareTo(other.Line);
            return c != 0 ? c : Column.CompareTo(other.Column);
        }

        public bool Equals(SourceLocation other) =>
            string.Equals(Path ?? string.Empty, other.Path ?? string.Empty, StringComparison.Ordinal) && Line == other.Line && Column == other.Column;

        public override bool Equals(object? obj) => obj is SourceLocation other && Equals(other);

        public override int GetHashCode() => ((Path ?? string.Empty).GetHashCode() * 397 ^ Line) * 397 ^ Column;

        public override string ToString() => HasPosition ? $"{Path}({Line},{Column})" : Path ?? string.Empty;
    }
}
