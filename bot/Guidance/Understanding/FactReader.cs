using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// Reads the situation's facts other than the people: whose account, what action, consent and prior
/// agreement, device, channel, time of day. Only what the message says is set; the rest is left to the
/// defaults in <see cref="Facts"/> or asked.
/// </summary>
internal static class FactReader
{
    private static readonly HashSet<string> Negators = ["not", "no", "never", "without", "nor", "nobody", "none"];
    private static readonly HashSet<string> HeadWords = Stemmer.Set("headteacher", "head", "principal", "manager", "slt", "senior", "leader", "leadership", "deputy", "boss", "headmaster", "headmistress", "management", "trust", "dsl");
    private static readonly HashSet<string> ParentWords = Stemmer.Set("parent", "mum", "dad", "mother", "father", "carer", "guardian", "family", "families", "form");
    private static readonly HashSet<string> Refused = Stemmer.Set("without", "not", "no", "never", "refused", "declined");
    /// <summary>Words that give agreement; a set because every word of the message is tested against them.</summary>
    private static readonly HashSet<string> Agreeing = Stemmer.Set("consent", "permission", "agreed", "agree", "approved", "approve", "approval", "authorised", "authorized", "blessing", "okay", "sign");
    private static readonly HashSet<string> NotYet = Stemmer.Set("need", "if", "whether", "should", "must", "ask", "require", "get", "seek", "obtain", "before", "unless", "how", "what", "who", "request", "once", "when");

    private static readonly string[] Personal =
    [
        "my own|personal|private account|page|profile|social|facebook|instagram|twitter|x|tiktok|snapchat|feed|story|timeline|youtube|blog",
        "my account|page|profile|facebook|instagram|twitter|tiktok|snapchat|feed|story|timeline|youtube|grid|social|linkedin",
        "personal|private account|page|profile|facebook|instagram|twitter|tiktok|snapchat|social|feed",
        "own account|page|profile|social|facebook|instagram|twitter|feed",
    ];

    private static readonly string[] Official =
    [
        "school|academy|trust|department|our|official|class|college account|page|feed|channel|handle|website|newsletter|twitter|x|facebook|instagram|tiktok|youtube|linkedin|snapchat|whatsapp",
        "school|academy|trust|department|our|class|college official|x|twitter|facebook|instagram|tiktok|youtube|linkedin|snapchat|whatsapp account|page|feed|channel|handle|group",
        "school|academy|trust|department|college official x|twitter|facebook|instagram|tiktok|youtube|snapchat|whatsapp account|page|feed|channel|group",
        "official ~ account|page|channel|feed",
        "@*",
    ];

    private static readonly string[] SchoolPost =
    [
        "school|academy|trust|department|official post|tweet|video|news|update|announcement|story|status|result|photo|picture|image",
        "school|academy|trust post|tweet about",
        "school|academy|trust|official ~ post|tweet|video|update|announcement|story|reel|photo|picture",
        "retweet|repost|reshare|share the|a school|academy|trust",
    ];

    /// <summary>Wordings where the other person made the first move.</summary>
    private static readonly string[] TheyStarted =
    [
        "send|sent|sends me", "add|follow|message*|messag*|dm|pm|text|contact|invite|tag|friend|request me",
        "request|requests from", "ask* ~ to be ~ friend", "ask* ~ to follow|add|connect|friend|join",
        "want|wants to be friend", "want|wants to be my friend", "want|wants to follow|connect|add|friend|message",
        "reach* out", "receiv*", "get|got ~ request|message|dm", "keep messag*|send*|contact*", "reply|respond|answer to|him|her|them|back|it|their|his|this|that",
        "can|could|should|shall|do|may i reply|respond|answer", "comment*|like|liked|react* ~ on|to my",
        "ask* ~~ follow|add|friend|connect|message|contact|join|accept|request|friends", "add|follow ~ me on", "i be|was|been|get|got|keep tag*", "accept ~ request|requests|invite|invitation",
        "his|her|their friend|follow request",
    ];

    /// <summary>Wordings where the member of staff would make the first move.</summary>
    private static readonly string[] IStarted =
    [
        "can|could|may|should i add|follow|friend|request|message|send|contact|dm|text|invite|connect|give|keep|befriend|email|call|phone|ring|use|set|start|tag|post|share|put|upload",
        "i want|would ~ to add|follow|friend|message|contact|keep|befriend|connect|use|give|invite",
        "i add|follow|sent|send|invite|message|request|friend",
        "okay|ok|alright|fine|allow|acceptable ~ to add|follow|friend|message|contact|befriend|give|text|dm|email",
    ];

    public static Dictionary<string, string> Read(Message m)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        Set(facts, Facts.Initiator, Initiator(m));
        var action = Action(m);
        Set(facts, Facts.Action, action);

        var personal = AnyOf(m, Personal);
        var official = Official.Any(p => Any(m, p) && !OfficialNegated(m, p));
        // "Can I comment on the school's page?" is my own account reacting to the school's post;
        // "someone commented on the school's page" happened on the official account.
        var reactingMyself = action is "share" or "comment" or "like" && IsMyReaction(m);
        var platform = Any(m, "facebook|instagram|twitter|tiktok|snapchat|youtube|linkedin|whatsapp|online|internet|web|website|threads|pinterest")
                       || Any(m, "social media|network*") || Any(m, "on x");
        Set(facts, Facts.Account, personal || reactingMyself ? "personal" : official ? "official" : platform ? "personal" : null);
        if (official && (reactingMyself || personal) || AnyOf(m, SchoolPost))
            facts[Facts.PostBy] = "school";

        StatedFactReader.Read(m, facts);
        Set(facts, Facts.Device, Device(m));
        if (Any(m, "linkedin") || Any(m, "professional network*")) facts[Facts.Network] = "professional";
        Set(facts, Facts.Channel, Channel(m));
        Set(facts, Facts.Time, Time(m));
        Agreement(m, facts);
        return facts;
    }

    private static string? Initiator(Message m)
    {
        if (AnyOf(m, TheyStarted)) return "them";
        return AnyOf(m, IStarted) ? "me" : null;
    }

    /// <summary>Where the wording that says someone else made the first move starts ("sent me", "tagged me").</summary>
    public static int? TheyStartedAt(Message m) =>
        TheyStarted.SelectMany(p => Pattern.Of(p).Matches(m)).Select(x => (int?)x.Start).Min();

    private static string? Action(Message m)
    {
        if (Any(m, "share|shar|retweet|repost|reshare|rt|forward|boost|regram")) return "share";
        if (Any(m, "comment|comments") || Any(m, "reply|respond to ~ post|tweet|thread|comment|page")) return "comment";
        if (Liking(m) || Any(m, "thumb|thumbs up") || Any(m, "react*|heart|upvot*|favourit*")) return "like";
        var taking = Any(m, "take|taking|took ~ photo*|picture|pictur|video|selfie|footage|pic") || Any(m, "film*")
                     || Any(m, "record|recording|recorded ~ video|videos|pupil|pupils|child|children|them|it|class|lesson|assembly|performance|play|concert|show|match")
                     || Any(m, "use|using ~ camera") || Any(m, "camera") || Any(m, "photograph|film|video|record ~ pupil|pupils|child|children|student|students|class|kid|kids|them");
        var posting = Any(m, "post|posting|upload*|put|publish*|tweet|share") || Any(m, "go|goes|going|went up|on");
        return taking && !posting ? "take" : null;
    }

    /// <summary>"like" the verb ("can I like a post"), not "I'd like to", "sites like Facebook".</summary>
    private static bool Liking(Message m)
    {
        for (var i = 0; i < m.Count; i++)
        {
            if (m[i] is not ("like" or "liked" or "liking" or "likes")) continue;
            if (m[i - 1] is "not" or "would" or "look" or "looks" or "feel" or "feels" or "seem" or "seems" or "sites" or "things" or "apps"
                or "platforms" or "something" or "nothing" or "just" or "more" or "much" or "people" or "stuff" or "anything")
                continue;
            if (m[i + 1] is "to" or "this" or "these" or "facebook" or "instagram" or "twitter" or "tiktok" or "snapchat" or "whatsapp")
                continue;
            return true;
        }
        return false;
    }

    internal static bool IsMyReaction(Message m) =>
        Any(m, "i ~ comment|like|share|shar|retweet|repost|reshare|reply|react|respond|heart")
        || Any(m, "to comment|like|share|shar|retweet|repost|reshare|reply|react|respond|heart");

    private static bool OfficialNegated(Message m, string pattern) =>
        Pattern.Of(pattern).Matches(m).All(x => Negated(m, x.Start));

    private static string? Device(Message m)
    {
        if (Any(m, "my|own|personal ~ phone|mobile|iphone|android|camera|ipad|tablet|laptop|device|computer")) return "own";
        if (Any(m, "school|academy|work|trust|class|classroom|department|office|staffroom|staff|library ~ computer|laptop|ipad|tablet|device|pc|phone|camera|equipment|network|wifi|chromebook|internet")) return "school";
        return null;
    }

    private static string? Channel(Message m)
    {
        if (Any(m, "dojo|seesaw|moodle|firefly|satchel|edmodo|vle|showbie|arbor|parentmail|padlet")
            || Any(m, "on|via|through|using|over|in microsoft|ms teams") || Any(m, "on|via|through|using|over teams") || Any(m, "teams chat|channel|meeting|call|message")
            || Any(m, "google classroom") || Any(m, "learn* platform") || Any(m, "show my homework")
            || Any(m, "school|academy|work|trust email|system|platform|app|portal|account")
            || Any(m, "approv* ~ system|platform|channel|app|site|account") || Any(m, "official ~ channel|system|platform"))
            return "school-system";
        if (Any(m, "my ~ number|mobile|email|address|snapchat|whatsapp|handle") || Any(m, "contact detail*") || Any(m, "personal email|number|mobile|phone")
            || Any(m, "phone|mobile number") || Any(m, "give|tell ~ my"))
            return "contact-details";
        if (Any(m, "dm|pm|inbox|messag*|text|texted|texting|chat|whatsapp|snapchat|messenger|direct|privately"))
            return "direct-message";
        if (Any(m, "facebook|instagram|twitter|tiktok|social|network*|site|linkedin|youtube|x"))
            return "personal-account";
        return null;
    }

    private static string? Time(Message m)
    {
        if (Any(m, "lesson|lessons") || Any(m, "class time") || Any(m, "while|whilst i teach") || Any(m, "while|whilst teach*")
            || Any(m, "in|during class") || Any(m, "teach* time") || Any(m, "in front of ~ class")
            || Any(m, "while|whilst|when ~ class|pupil|pupils|student|students|kid|kids|children|form ~ be|are|is|work*|do*|read*|writ*|sit*")
            || Any(m, "during ~ test|exam|registration|assembly|cover") || Any(m, "invigilat*|supervis*"))
            return "lesson";
        // PPA and free periods are paid working time; only breaks are the member of staff's own.
        if (Any(m, "ppa|planning") || Any(m, "free period|lesson") || Any(m, "non contact"))
            return "work";
        if (Any(m, "break|breaktime|lunch|lunchtime") || Any(m, "dinner time"))
            return "break";
        if (Any(m, "evening|evenings|weekend|weekends|holiday|holidays|night") || Any(m, "at home") || Any(m, "after school|work")
            || Any(m, "outside ~ work|hours|school") || Any(m, "own time") || Any(m, "day off"))
            return "outside-work";
        if (Any(m, "work|working time|hour|hours|day") || Any(m, "at|during|in work") || Any(m, "school day") || Any(m, "on duty")
            || Any(m, "paid time") || Any(m, "during the day"))
            return "work";
        return null;
    }

    /// <summary>Parental consent and the Headteacher's prior agreement: "yes" only when stated as given,
    /// not when asked about ("do I need the head's permission?") or denied ("without consent").</summary>
    private static void Agreement(Message m, Dictionary<string, string> facts)
    {
        for (var i = 0; i < m.Count; i++)
        {
            var isApproval = Agreeing.Contains(m.StemAt(i))
                             || m.Is(i, "say") && m.Is(i + 1, "okay", "yes", "fine");
            if (!isApproval || m.Is(i, "okay") && !m.Is(i - 1, "be", "have", "say")) continue;
            if (m.Is(i, "sign") && !m.Is(i + 1, "off", "form", "the", "consent")) continue;

            // Whose agreement, and whether it was given, are read within the agreement's own sentence: "…so he doesn't
            // feel ignored. Her mum is my sister. The Head has agreed" is the Head's agreement, given.
            var (start, end) = (SentenceStart(m, i, 7), SentenceEnd(m, i, 4));
            string? whose = null;
            // "I asked the Head Teacher first and she agreed": the Head may be named a few words before.
            for (var j = start; j <= end; j++)
            {
                if (HeadWords.Contains(m.StemAt(j)) && !(m.Is(j, "head") && m.Is(j + 1, "of"))) whose ??= Facts.HeadteacherAgreed;
                if (ParentWords.Contains(m.StemAt(j)) && !(m.Is(j, "form") && !m.Is(j - 1, "consent", "permission")))
                    whose = whose is null || Math.Abs(j - i) < 3 ? Facts.ParentConsent : whose;
            }
            if (whose is null && m.Is(i, "consent")) whose = Facts.ParentConsent;
            if (whose is null) continue;

            // "the Head has agreed" → yes; "without the Head's agreement", "parents haven't consented" → no;
            // "if the Head agrees", "do I need consent?" → not said either way.
            string? state = Facts.Yes;
            for (var j = SentenceStart(m, i, 6); j < i; j++)
            {
                if (Refused.Contains(m[j]) || Refused.Contains(m.StemAt(j))) state = Facts.No;
                // "do I need to ask", "if the Head agrees": not given yet; "I asked the Head" is past, and does not count.
                else if (state == Facts.Yes && (NotYet.Contains(m[j]) || NotYet.Contains(m.StemAt(j)) && !m[j].EndsWith("ed", StringComparison.Ordinal))) state = null;
            }
            if (m[i + 1] == "not") state = Facts.No;
            if (m[i + 1] == "yet") state = null;
            if (state is not null && (state == Facts.Yes || !facts.ContainsKey(whose))) facts[whose] = state;
        }
    }

    /// <summary>The first word, at most <paramref name="reach"/> back, in the sentence of word <paramref name="i"/>.</summary>
    private static int SentenceStart(Message m, int i, int reach)
    {
        var first = Math.Max(0, i - reach);
        for (var k = i; k > first; k--)
            if (m.StartsSentence(k)) return k;
        return first;
    }

    /// <summary>The last word, at most <paramref name="reach"/> on, in the sentence of word <paramref name="i"/>.</summary>
    private static int SentenceEnd(Message m, int i, int reach)
    {
        var last = Math.Min(m.Count - 1, i + reach);
        for (var k = i + 1; k <= last; k++)
            if (m.StartsSentence(k)) return k - 1;
        return last;
    }

    /// <summary>A "not", "no", "never" or "without" shortly before, with no "but" in between.</summary>
    internal static bool Negated(Message m, int start)
    {
        for (var j = start - 1; j >= Math.Max(0, start - 4) && !m.StartsSentence(j + 1); j--)
        {
            if (m[j] is "but" or "and" or "if") return false;
            if (Negators.Contains(m[j])) return true;
        }
        return false;
    }

    private static bool Any(Message m, string pattern) => Pattern.Of(pattern).IsIn(m);

    private static bool AnyOf(Message m, string[] patterns)
    {
        foreach (var pattern in patterns)
            if (Any(m, pattern)) return true;
        return false;
    }

    private static void Set(Dictionary<string, string> facts, string fact, string? value)
    {
        if (value is not null) facts[fact] = value;
    }
}
