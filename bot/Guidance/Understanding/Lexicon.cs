namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// Spelling repair for the words the engine relies on ("freind", "facebok", "nephwe"): an unknown word
/// is replaced by the closest domain word within one edit (two for long words). Ordinary English words
/// and words from the pack are known, so they are never "corrected".
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
    ];

    private static readonly string[] CommonWords =
    [
        "the", "and", "for", "that", "this", "with", "from", "have", "they", "their", "them", "there", "what",
        "when", "where", "which", "while", "would", "could", "should", "about", "after", "again", "also", "asked",
        "asking", "because", "been", "before", "being", "both", "came", "come", "does", "doing", "done", "each",
        "even", "every", "fine", "first", "going", "good", "great", "help", "here", "into", "just", "know",
        "last", "later", "less", "make", "many", "maybe", "more", "most", "much", "must", "need", "never",
        "next", "only", "other", "over", "place", "please", "quite", "really", "right", "said", "same", "says",
        "some", "someone", "something", "still", "such", "sure", "take", "than", "thanks", "then", "these",
        "thing", "things", "think", "those", "though", "time", "today", "told", "very", "want", "wants",
        "wanted", "well", "went", "were", "will", "without", "work", "worked", "works", "yeah", "your", "yours",
        "allowed", "okay", "fine", "since", "sent", "send", "sends", "bent", "rent", "lent", "went", "spent",
        "hello", "thank", "whether", "might", "ours", "mine", "myself", "himself", "herself", "themselves",
        "mum", "mom", "dad", "kid", "kids", "son", "sons", "aunt", "uncle", "wife", "husband", "partner",
        "team", "teams", "class", "form", "tutor", "head", "staff", "member", "members", "office",
        "older", "younger", "old", "young", "aged", "now", "still", "ever", "once", "twice", "year", "years",
        "month", "months", "week", "weeks", "summer", "spring", "autumn", "winter", "term", "day", "days",
        "girl", "girls", "boy", "boys", "man", "woman", "person", "people", "someone", "anyone", "everyone",
        "life", "home", "house", "name", "names", "full", "surname", "list", "lists", "add", "added", "adding",
        "text", "texted", "call", "called", "chat", "group", "groups", "reply", "replied", "respond", "answer",
        "start", "started", "create", "created", "setup", "set", "open", "run", "running", "news", "page",
        "play", "show", "fair", "science", "history", "maths", "english", "music", "drama", "art", "sport",
        "trip", "visit", "match", "game", "games", "concert", "assembly", "prom", "graduation", "ceremony",
        "great", "nice", "happy", "sad", "angry", "upset", "bad", "worse", "best", "better", "big", "small",
        "private", "public", "social", "media", "online", "internet", "site", "sites", "app", "apps",
        "check", "checking", "look", "looking", "scroll", "browse", "read", "reading", "watch", "watching",
        "keep", "touch", "stay", "talk", "talking", "speak", "tell", "give", "giving", "let", "lets",
        "photo", "still", "actually", "already", "anyway", "another", "between", "during", "through",
        "under", "over", "above", "below", "within", "across", "around", "behind", "beyond", "inside",
        "outside", "towards", "upon", "whose", "whom", "why", "how", "who", "can", "may", "might", "shall",
        "my", "our", "his", "her", "its", "not", "no", "yes", "any", "all", "few", "own", "way", "ways",
        "job", "role", "boss", "union", "strike", "vote", "party", "views", "view", "opinion", "opinions",
        "local", "council", "government", "charity", "business", "sell", "selling", "promote", "advert",
        "dinner", "christmas", "staffroom", "wedding", "birthday", "holiday", "holidays", "weekend", "evening",
        "night", "morning", "afternoon", "lunch", "break", "free", "period", "duty", "paid",
        "twitter", "gmail", "hotmail", "outlook", "google", "classroom", "dojo", "seesaw", "moodle",
        "sign", "signing", "register", "join", "joined", "leave", "leaving", "moved", "graduate",
    ];

    private readonly HashSet<string> _known;
    private readonly Dictionary<string, string> _corrections = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Lexicon(IEnumerable<string> packWords)
    {
        _known = new HashSet<string>(DomainWords.Concat(CommonWords).Concat(packWords), StringComparer.Ordinal);
    }

    public string Correct(string word)
    {
        if (word.Length < 5 || _known.Contains(word) || !word.All(char.IsAsciiLetterLower)) return word;
        lock (_gate)
        {
            if (_corrections.TryGetValue(word, out var cached)) return cached;
        }

        var maxDistance = word.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in DomainWords)
        {
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
            _corrections[word] = corrected;
        }
        return corrected;
    }

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
