namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>Reads a member of staff's message into a <see cref="Situation"/>.</summary>
internal sealed class SituationReader(Lexicon lexicon, TimeProvider time)
{
    public Situation Read(string text) => Read(new Message(text, lexicon));

    public Situation Read(Message message)
    {
        var people = new PeopleReader(time.GetUtcNow().Year).Read(message);
        var facts = FactReader.Read(message);
        return new Situation(TopicClassifier.Classify(message, facts, people), people, facts);
    }
}
