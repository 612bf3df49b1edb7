namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>What a message says: its topic (null when none is clear), the people involved, and the
/// other facts it states (fact name → value, see <see cref="Packs.Facts"/>).</summary>
public sealed record Situation(string? Topic, IReadOnlyList<Person> People, IReadOnlyDictionary<string, string> Facts);
