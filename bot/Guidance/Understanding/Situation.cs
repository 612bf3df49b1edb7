namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>What a message says: its topic (null when none is clear) and close runners-up, the people
/// involved, and the other facts it states (fact name → value, see <see cref="Packs.Facts"/>).</summary>
public sealed record Situation(IReadOnlyList<string> Topics, IReadOnlyList<Person> People, IReadOnlyDictionary<string, string> Facts)
{
    public string? Topic => Topics.Count > 0 ? Topics[0] : null;
}
