namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>Reads a member of staff's message into a <see cref="Situation"/>.</summary>
internal sealed class SituationReader(Lexicon lexicon, TimeProvider time)
{
    public Situation Read(string text) => Read(new Message(text, lexicon));

    public Situation Read(Message message)
    {
        var people = new PeopleReader(time.GetUtcNow().Year).Read(message);
        var facts = FactReader.Read(message);
        ConcernReader.Read(message, people, facts);
        return new Situation(TopicClassifier.Classify(message, facts, people), people, facts, Initiators(message, people, facts));
    }

    /// <summary>Of several people, those who made the first move: those named before the wording ("two pupils and
    /// a mum want to follow me"), else the first named after it ("I was tagged by a pupil").</summary>
    private static IReadOnlySet<int>? Initiators(Message message, IReadOnlyList<Person> people, Dictionary<string, string> facts)
    {
        if (people.Count < 2 || facts.GetValueOrDefault(Packs.Facts.Initiator) != "them" || FactReader.TheyStartedAt(message) is not { } at)
            return null;
        var before = people.Where(p => p.Position <= at).Select(p => p.Position).ToHashSet();
        return before.Count > 0 ? before : [people.Min(p => p.Position)];
    }
}
