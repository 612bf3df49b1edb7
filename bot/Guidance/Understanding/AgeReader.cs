using static TeamsPolicyBot.Guidance.Packs.Facts.People;

namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>An age the message gives, at a word position; <see cref="OnlyFor"/> limits it to one role
/// (a year group tells a current pupil's age; "left in 2019" a former pupil's).</summary>
internal sealed record AgeMention(int Position, AgeRange Range, string? OnlyFor)
{
    public bool Applies(string? role) => OnlyFor is null || OnlyFor == role;
}

/// <summary>Reads ages: "19", "nineteen", "a 17-year-old", "17 y/o", "16 or 17", "under 18", "in her twenties",
/// "Year 10", "left eight years ago", "left in 2019", and a bare number beside the person ("ex-student, 16,").</summary>
internal sealed class AgeReader(int currentYear)
{
    /// <summary>Youngest age anyone leaves a school at (end of primary), when the message does not say more.</summary>
    private const int YoungestLeavingAge = 11;

    /// <summary>Words after a number that make it a count, not an age ("is 16 messages long").</summary>
    private static readonly HashSet<string> NotAges =
    [
        "years", "year", "ago", "of", "pupils", "students", "children", "people", "times", "photos", "pictures", "followers",
        "minutes", "hours", "days", "weeks", "months", "percent", "am", "pm", "posts", "messages", "friends", "likes",
        "comments", "kids", "parents", "members", "colleagues", "others", "more", "requests", "texts", "emails", "dms",
        "videos", "tags", "pics", "hours", "mins", "seconds", "th", "st", "nd", "rd", "pounds", "p", "k",
    ];

    /// <summary>Words that hedge an age without changing it ("he's only 17", "she's about 16").</summary>
    private static readonly HashSet<string> Hedges = ["only", "just", "still", "about", "around", "roughly", "maybe", "probably", "like", "already"];

    /// <summary>Words between a person and a bare number that keep it theirs ("a student of mine, 16").</summary>
    private static readonly HashSet<string> Linking = ["of", "mine", "ours", "who", "is", "she", "he"];

    /// <summary>The youngest bare number read as an age: smaller ones are counts ("sent me 3").</summary>
    private const int YoungestBareAge = 4;

    /// <param name="people">Where the message names people: a bare number right beside one is their age.</param>
    public List<AgeMention> Read(Message m, IReadOnlyCollection<int> people)
    {
        var found = new List<AgeMention>();
        for (var i = 0; i < m.Count; i++)
        {
            if (YearGroup(m, i) is { } group)
            {
                found.Add(new AgeMention(i, new AgeRange(group + 4, group + 5), CurrentPupil));
                continue;
            }
            if (m[i] == "sixth" && m.Is(i + 1, "form", "former"))
                found.Add(new AgeMention(i, new AgeRange(16, 18), CurrentPupil));
            if (Explicit(m, i) is { } range)
                found.Add(new AgeMention(i, range, null));
            else if (BesidePerson(m, i, people) is { } bare)
                found.Add(new AgeMention(i, bare, null));
        }
        if (SinceLeaving(m) is { } left)
            found.Add(left);
        return found;
    }

    private static int? YearGroup(Message m, int i) =>
        m[i] == "year" && int.TryParse(m[i + 1], out var year) && year is >= 1 and <= 13 ? year : null;

    private static AgeRange? Explicit(Message m, int i)
    {
        var word = m[i];
        if (word is "twenties") return new AgeRange(20, 29);
        if (word is "thirties") return new AgeRange(30, 39);
        if (word is "teens" && m[i - 1] == "late") return new AgeRange(17, 19);
        if (word is "teenager" or "teens") return new AgeRange(13, 19);
        if (word is "adult" or "adults" && m[i - 1] is "an" or "a" or "now" or "be" or "is" or "are" or "young") return new AgeRange(18, AgeRange.Oldest);
        if (word is "minor" or "underage") return new AgeRange(0, 17);
        if (word == "grown" && m[i + 1] == "up") return new AgeRange(18, AgeRange.Oldest);

        if (!int.TryParse(word, out var n) || n is < 2 or > 99 || word.Length > 2) return null;
        if (m[i - 1] is "year" or "yr") return null;
        if (m[i + 1] == "s" && n % 10 == 0) return new AgeRange(n, n + 9);
        if ((IsAgeContext(m, i - 1) || m.Is(i + 3, "year", "old")) && Span(m, i, n) is { } span) return span;
        if (m.Is(i + 1, "year") && m[i + 2] == "of" && m[i + 3] == "age") return AgeRange.Exactly(n);

        var yearsOld = m.Is(i + 1, "year", "yr") && m.Is(i + 2, "old") || m[i + 1] == "old";
        var before = m[i - 1];
        if (before is "under" || Pattern.Of("younger than").EndsAt(m, i - 1)
            || before is "nearly" or "almost" || Pattern.Of("under the age of").EndsAt(m, i - 1)
            || Pattern.Of("not yet").EndsAt(m, i - 1))
            return new AgeRange(0, n - 1);
        if (before is "over" or "above" || Pattern.Of("older than").EndsAt(m, i - 1)
            || m[i + 1] == "or" && m[i + 2] is "over" or "older" or "above" or "more" || m[i + 1] == "plus")
            return new AgeRange(n, AgeRange.Oldest);
        if (yearsOld || m[i + 1] == "now") return AgeRange.Exactly(n);
        if (NotAges.Contains(m[i + 1])) return null;
        if (m.Is(i - 1, "age", "ag", "aged", "turn", "be", "now", "of", "just", "turning") || before is "aged" or "now" or "turned" or "turning")
            return m.Is(i - 1, "of") && !m.Is(i - 2, "age") ? null : AgeRange.Exactly(n);
        if (Hedges.Contains(before) && IsAgeContext(m, i - 2)) return AgeRange.Exactly(n);
        return null;
    }

    /// <summary>"is 16", "aged 16", "now 16": the word before a number that makes it an age.</summary>
    private static bool IsAgeContext(Message m, int i) =>
        m.Is(i, "age", "aged", "turn", "be", "now", "turning", "turned") || m[i] is "aged" or "now" or "turned" or "turning";

    /// <summary>"ex-student, 16, wants to add me", "my nephew (14)", "a student of mine, 16": a bare number just after
    /// the word that names the person, not a count ("3 requests") or a label ("room 16").</summary>
    private static AgeRange? BesidePerson(Message m, int i, IReadOnlyCollection<int> people)
    {
        if (!int.TryParse(m[i], out var n) || n is < YoungestBareAge or > 99 || m[i].Length > 2 || NotAges.Contains(m[i + 1])
            || m[i - 1] is "year" or "yr") return null;
        var j = i - 1;
        while (j >= 0 && i - j <= 3 && Linking.Contains(m[j])) j--;
        return people.Contains(j) ? Span(m, i, n) ?? AgeRange.Exactly(n) : null;
    }

    /// <summary>"16 or 17", "16 to 18": a few years either way.</summary>
    private static AgeRange? Span(Message m, int i, int n) =>
        m[i + 1] is "or" or "to" && int.TryParse(m[i + 2], out var upTo) && upTo > n && upTo - n <= 3 ? new AgeRange(n, upTo) : null;

    /// <summary>"left eight years ago", "left in 2019", "left last year": at least the youngest leaving
    /// age plus the years since, a year less for safety; older if the year group they left from is given.</summary>
    private AgeMention? SinceLeaving(Message m)
    {
        var left = -1;
        for (var i = 0; i < m.Count && left < 0; i++)
            if (m.Is(i, "leave") && m[i] is "left" or "leaving" || m.StemAt(i).StartsWith("graduat", StringComparison.Ordinal)
                || m[i] == "taught" || Pattern.Of("used to teach").StartsAt(m, i))
                left = i;
        if (left < 0) return null;

        int? years = null;
        for (var j = left + 1; j <= Math.Min(m.Count - 1, left + 7) && years is null; j++)
        {
            if (int.TryParse(m[j], out var n))
            {
                if (m[j].Length == 4 && n >= 1950 && n <= currentYear) years = currentYear - n;
                else if (m.Is(j + 1, "year") && m[j + 2] == "ago") years = n;
            }
            else if (m[j] == "last" && m.Is(j + 1, "year", "summer", "july", "term")) years = 1;
            else if (m[j] == "this" && m.Is(j + 1, "year", "summer", "july", "term")) years = 0;
            else if (m[j] is "few" or "couple" or "several" && m.Is(j + 1, "year", "of")) years = 2;
        }
        if (years is null) return null;

        var leavingAge = YoungestLeavingAge;
        for (var i = 0; i < m.Count; i++)
        {
            if (YearGroup(m, i) is { } group) leavingAge = Math.Max(leavingAge, group + 4);
            if (m[i] == "sixth" || Pattern.Of("a level").StartsAt(m, i)) leavingAge = Math.Max(leavingAge, 17);
            if (m[i] is "gcse" or "gcses") leavingAge = Math.Max(leavingAge, 15);
        }
        return new AgeMention(left, new AgeRange(Math.Max(0, leavingAge + years.Value - 1), AgeRange.Oldest), FormerPupil);
    }
}
