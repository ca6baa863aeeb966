using System;
using System.Collections.Concurrent;

namespace HvLint.Model
{
    /// <summary>
    /// Memoises a pure function of a name. Inventories repeat the same few spellings ("Running", "Heartbeat",
    /// "Windows Server 2012 R2 Standard") hundreds of thousands of times, and normalising each one allocates.
    /// Thread-safe (the analyzers run concurrently) and bounded, so a file of unique names cannot grow it.
    /// </summary>
    internal sealed class NameCache<T>
    {
        private const int Capacity = 2048;
        private readonly ConcurrentDictionary<string, T> _entries = new ConcurrentDictionary<string, T>(StringComparer.Ordinal);
        private readonly Func<string, T> _compute;

        public NameCache(Func<string, T> compute) => _compute = compute;

        public T Get(string name)
        {
            if (_entries.TryGetValue(name, out T? value)) return value;
            value = _compute(name);
            if (_entries.Count < Capacity) _entries.TryAdd(name, value);
            return value;
        }
    }
}
