namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// A light suffix stemmer: enough that "photos", "photographed" and "posting" meet "photo",
/// "photograph" and "post", without the surprises of a full Porter stemmer.
/// </summary>
internal static class Stemmer
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["children"] = "child", ["people"] = "person", ["took"] = "take", ["taken"] = "take",
        ["sent"] = "send", ["wrote"] = "write", ["saw"] = "see", ["seen"] = "see", ["left"] = "leave",
        ["taught"] = "teach", ["got"] = "get", ["told"] = "tell", ["gave"] = "give", ["given"] = "give",
        ["was"] = "be", ["were"] = "be", ["is"] = "be", ["are"] = "be", ["am"] = "be", ["been"] = "be",
        ["has"] = "have", ["had"] = "have", ["men"] = "man", ["women"] = "woman",
        ["alumni"] = "alumnus", ["alumna"] = "alumnus",
    };

    private static readonly LiteralCache<string> Constants = new(Stem);

    /// <summary>The stem of a word written in the engine's own code, remembered.</summary>
    public static string StemOfConstant(string word) => Constants[word];

    /// <summary>A set of stems, for testing a word's stem against a list of words.</summary>
    public static HashSet<string> Set(params string[] words) => words.Select(Stem).ToHashSet(StringComparer.Ordinal);

    public static string Stem(string word)
    {
        return Regular(Irregular.GetValueOrDefault(word, word));
    }

    private static string Regular(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[0])) return word;

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4) w = w[..^3] + "y";
        else if (w.EndsWith("sses", StringComparison.Ordinal)) w = w[..^2];
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
                 && !w.EndsWith("is", StringComparison.Ordinal)) w = w[..^1];

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5) w = Undouble(w[..^3]);
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4) w = Undouble(w[..^2]);

        if (w.EndsWith('e') && w.Length > 4) w = w[..^1];
        return w;
    }

    private static string Undouble(string w) =>
        w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z') && !"aeiou".Contains(w[^1]) ? w[..^1] : w;
}
