using TeamsPolicyBot.Guidance.Understanding.Words;

namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// Spelling repair for the words the engine relies on ("freind", "facebok", "nephwe", "esnd"): an unknown word
/// is replaced by the closest domain word within one edit (two for words of ten letters or more; for four-letter
/// words only two neighbouring letters swapped). The domain words are those listed here and every word the
/// engine's word lists name, before ordinary English words. Known words (English, domain, the pack's) and other
/// forms of them ("keeps") are never "corrected".
/// </summary>
internal sealed class Lexicon
{
    /// <summary>The words that decide topics and facts; the only targets of correction.</summary>
    private static readonly string[] DomainWords =
    [
        "pupil", "pupils", "student", "students", "child", "children", "learner", "former", "previous", "alumni",
        "parent", "parents", "mother", "father", "carer", "carers", "guardian", "grandparent", "grandmother",
        "grandfather", "family", "colleague", "colleagues", "coworker", "teacher", "teaching", "assistant",
        "headteacher", "principal", "manager", "stranger", "governor", "volunteer",
        "nephew", "niece", "cousin", "daughter", "brother", "sister", "sibling", "grandson", "granddaughter",
        "grandchild", "stepson", "stepdaughter", "godson", "goddaughter", "relative", "related", "relation",
        "friend", "friends", "request", "requests", "requested", "follow", "follower", "followers", "following",
        "accept", "accepted", "connect", "connection", "invite", "invited", "befriend", "unfriend", "subscriber",
        "message", "messaged", "messages", "messaging", "private", "privately", "direct", "contact", "contacted",
        "communicate", "communication", "number", "mobile", "phone", "email", "address", "personal",
        "photo", "photos", "photograph", "photographs", "picture", "pictures", "image", "images", "video",
        "videos", "camera", "selfie", "record", "recording",
        "official", "account", "accounts", "school", "academy", "trust", "department", "page", "group",
        "blog", "channel", "website", "newsletter", "publish", "tweet", "tweeting", "retweet", "repost", "share",
        "comment", "comments", "like", "liked", "post", "posts", "posting", "posted", "upload",
        "employer", "linkedin", "profile", "workplace", "occupation", "identify",
        "facebook", "instagram", "twitter", "tiktok", "snapchat", "whatsapp", "youtube", "messenger",
        "lesson", "lessons", "working", "hours", "computer", "laptop", "equipment", "break", "lunchtime",
        "complain", "complaint", "grievance", "criticise", "criticises", "criticising", "criticism", "negative",
        "political", "politics", "election", "campaign", "petition", "protest", "religious",
        "logo", "branding", "uniform", "badge", "tagged", "tagging", "privacy", "settings", "password",
        "report", "reported", "abuse", "abusive", "harass", "harassment", "bullying", "inappropriate",
        "concern", "concerned", "worried", "safeguarding", "grooming", "offensive", "threatening",
        "consent", "permission", "agreed", "approved", "approval", "written", "signed",
        "nineteen", "eighteen", "seventeen", "sixteen", "fifteen", "fourteen", "thirteen", "twenty", "thirty",
        "years", "year", "ago", "anymore", "longer", "left", "graduated", "teenager", "adult",
        "classroom", "sixth", "project", "homework", "trip", "sports", "event", "party",
        "boy", "boys", "girl", "girls", "send", "keep", "them", "last", "work", "names", "asked", "added", "allowed",
        "leave", "crest", "kids", "lads", "mums", "dads", "tutee", "tutees", "learner", "learners", "nieces", "nephews",
    ];

    /// <summary>What a slip is corrected to, in order of preference: the domain words above, the whole words the word
    /// lists' patterns and shorthand name, the shorthand staff type ("insta"), then ordinary English words.</summary>
    private static readonly string[] Targets =
        [.. DomainWords.Concat(WordListWords()).Concat(Shorthand.Entries.Select(e => e.Typed)).Concat(EnglishWords.All)
            .Where(w => w.Length >= 4 && w.All(char.IsAsciiLetterLower)).Distinct()];

    /// <summary>Unknown words seen are remembered up to this many, so a long-running bot does not grow without bound.</summary>
    private const int MaxRemembered = 10_000;

    private readonly HashSet<string> _known;
    /// <summary>The stems of known words: another form of a known word ("keeps") is not a slip.</summary>
    private readonly HashSet<string> _knownStems;
    private readonly Dictionary<string, string> _corrections = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Lexicon(IEnumerable<string> packWords)
    {
        _known = new HashSet<string>(DomainWords.Concat(EnglishWords.All).Concat(packWords), StringComparer.Ordinal);
        _knownStems = new HashSet<string>(_known.Concat(Targets).Select(Stemmer.Stem), StringComparer.Ordinal);
    }

    public string Correct(string word)
    {
        if (word.Length < 4 || _known.Contains(word) || !word.All(char.IsAsciiLetterLower) || _knownStems.Contains(Stemmer.Stem(word))) return word;
        lock (_gate)
        {
            if (_corrections.TryGetValue(word, out var cached)) return cached;
        }

        var maxDistance = word.Length >= 10 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in Targets)
        {
            // Four letters leave too little to go on: only a slip of two neighbouring keys ("esnd", "kepe").
            if (word.Length == 4 && !(candidate.Length == 4 && IsSwap(word, candidate))) continue;
            if (Math.Abs(candidate.Length - word.Length) > maxDistance) continue;
            var distance = Distance(word, candidate, maxDistance);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        var corrected = bestDistance <= maxDistance ? best! : word;
        lock (_gate)
        {
            if (_corrections.Count < MaxRemembered) _corrections[word] = corrected;
        }
        return corrected;
    }

    private static bool IsSwap(string a, string b)
    {
        for (var i = 0; i < a.Length - 1; i++)
        {
            if (a[i] == b[i]) continue;
            return a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }
        return false;
    }

    /// <summary>The whole words (not prefixes) that the word lists' patterns and shorthand meanings name.</summary>
    private static IEnumerable<string> WordListWords() =>
        new[] { "facts.yaml", "topics.yaml", "senses.yaml" }.SelectMany(WordFile.Read).SelectMany(section => section.Value)
            .SelectMany(entry => entry.Value.Prepend(entry.Key))
            .Concat(Shorthand.Entries.Select(e => e.Meaning))
            .SelectMany(text => text.Split([' ', '|', '~'], StringSplitOptions.RemoveEmptyEntries))
            .Where(word => word.All(char.IsAsciiLetterLower));

    /// <summary>Optimal string alignment distance (adjacent transpositions count once), capped at max + 1.</summary>
    private static int Distance(string a, string b, int max)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                d[i, j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max) return max + 1;
        }
        return d[a.Length, b.Length];
    }
}
