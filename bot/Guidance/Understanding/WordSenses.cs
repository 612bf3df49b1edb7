using TeamsPolicyBot.Guidance.Understanding.Words;

namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// Words staff use in two senses, told apart by the words around them (<c>Words/senses.yaml</c>): "write my reports"
/// and "end-of-term reports" are school reports; "should I report it" and "report it to the DSL" are reporting a concern.
/// A word in its other sense is read as that sense's own word, so the readers of the usual sense (topic cues, stated
/// facts, the clause search) do not take it, nor the words that make one thing with it ("report comments"). Where the
/// company of both senses is found, the usual sense stands.
/// </summary>
internal static class WordSenses
{
    private sealed record Sense(IReadOnlySet<string> Forms, string ReadAs, IReadOnlySet<string> Joins, Pattern[] When, Pattern[] Unless);

    private static readonly Sense[] All = Load();

    /// <summary>The message's words with each word in its other sense read as that sense's word; null when there is none.</summary>
    public static Word[]? Read(Message m, Word[] words)
    {
        Word[]? read = null;
        foreach (var sense in All)
        {
            for (var i = 0; i < words.Length; i++)
            {
                if (!sense.Forms.Contains(words[i].Text) || !Takes(sense.When, m, i) || Takes(sense.Unless, m, i)) continue;
                read ??= [.. words];
                read[i] = words[i] with { Text = sense.ReadAs, Stem = sense.ReadAs };
                if (i + 1 < words.Length && sense.Joins.Contains(words[i + 1].Text))
                    read[i + 1] = words[i + 1] with { Text = sense.ReadAs, Stem = sense.ReadAs };
            }
        }
        return read;
    }

    /// <summary>Whether a match of one of <paramref name="patterns"/> takes in the word at <paramref name="index"/>.</summary>
    private static bool Takes(Pattern[] patterns, Message m, int index)
    {
        foreach (var pattern in patterns)
        {
            foreach (var (start, end) in pattern.Matches(m))
                if (start <= index && index <= end) return true;
        }
        return false;
    }

    private static Sense[] Load() =>
        [.. WordFile.Read("senses.yaml").Select(word =>
        {
            var entries = word.Value.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            if (!entries.TryGetValue("forms", out var forms) || !entries.TryGetValue("read as", out var readAs) || !entries.TryGetValue("when", out var when))
                throw new InvalidOperationException($"senses.yaml: '{word.Key}' needs forms, read as and when");
            return new Sense(
                forms.Single().Split('|').ToHashSet(StringComparer.Ordinal),
                readAs.Single(),
                entries.GetValueOrDefault("joins", [""]).Single().Split('|', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
                [.. when.Select(Pattern.Of)],
                [.. entries.GetValueOrDefault("unless", []).Select(Pattern.Of)]);
        })];
}
