using System.Collections.Concurrent;

namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// Remembers what was worked out from a string written in the engine's code, such as a pattern. Those
/// strings are literals: the same interned instance on every call, so they are looked up by reference,
/// without hashing and comparing their text (patterns run to 150 characters, and an answer looks up
/// about 170). A string built at run time is worked out afresh each time instead, so memory stays bounded.
/// </summary>
internal sealed class LiteralCache<T>(Func<string, T> workOut)
{
    private readonly ConcurrentDictionary<string, T> _byReference = new(ReferenceEqualityComparer.Instance);

    public T this[string literal]
    {
        get
        {
            if (_byReference.TryGetValue(literal, out var value)) return value;
            value = workOut(literal);
            if (ReferenceEquals(string.IsInterned(literal), literal)) _byReference.TryAdd(literal, value);
            return value;
        }
    }
}
