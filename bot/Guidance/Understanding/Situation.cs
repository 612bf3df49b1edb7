namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>What a message says: its topic (null when none is clear) and close runners-up, the people
/// involved, and the other facts it states (fact name → value, see <see cref="Packs.Facts"/>).
/// <see cref="Initiators"/>: when several people are named and only some made the first move, where those are
/// named ("a friend tagged me; parents might see it": the friend, not the parents); null when all did.</summary>
public sealed record Situation(IReadOnlyList<string> Topics, IReadOnlyList<Person> People, IReadOnlyDictionary<string, string> Facts,
    IReadOnlySet<int>? Initiators = null)
{
    public string? Topic => Topics.Count > 0 ? Topics[0] : null;
}
