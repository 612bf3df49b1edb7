using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// Decides what a message is about by weighing the words that signal each topic, then the facts
/// (a photo question that names the school's account is still about photos). Below
/// <see cref="MinimumScore"/> no topic is chosen and the engine falls back to the clauses.
/// </summary>
internal static class TopicClassifier
{
    private const int MinimumScore = 3;

    private static readonly Dictionary<string, int> TopicOrder = Topics.All.Index().ToDictionary(t => t.Item, t => t.Index, StringComparer.Ordinal);

    private static readonly Dictionary<string, (string Pattern, int Weight)[]> Cues = new()
    {
        [Topics.FriendRequest] =
        [
            ("friend|follow|connection|follower request", 6), ("request to follow|friend|connect|add", 4), ("friend|friends", 3),
            ("befriend|unfriend|defriend", 4), ("follow|follows|following", 3), ("follower|followers", 3), ("add me", 3),
            ("add ~ friend|follower|contact", 2), ("add|added", 1), ("accept|accepted", 2), ("connect|connected|connection", 3),
            ("request", 2), ("subscrib*", 2), ("add|follow|friend|accept ~ on facebook|instagram|tiktok|snapchat|twitter|x|linkedin", 3), ("friends of the academy|school|trust", -7), ("friend of a friend", -2),
        ],
        [Topics.PupilContact] =
        [
            ("messag*", 3), ("dm|pm|inbox", 4), ("direct|private messag*", 2), ("text|texted|texting", 3), ("chat", 2),
            ("group chat", 2), ("whatsapp|messenger", 2), ("keep|stay in touch", 5), ("in touch", 3), ("contact|contacted|contacting", 2),
            ("communicat*", 3), ("mobile|phone number", 4), ("my ~ number", 4), ("personal email", 3), ("email address", 1),
            ("contact detail*", 4), ("homework", 1), ("reply|respond", 1), ("call|ring", 1), ("privately", 1),
        ],
        [Topics.Photos] =
        [
            ("photo*", 6), ("picture|pictures|pic", 6), ("image|images", 5), ("video|videos|footage", 5), ("film|filming|filmed", 4),
            ("record|recording", 2), ("selfie|selfies", 5), ("camera", 4),
        ],
        [Topics.OfficialPost] =
        [
            ("official", 1), ("tweet|tweeting", 2), ("go|put|send|get ~ out", 3), ("publish*", 2), ("announc*", 2),
            ("newsletter", 1), ("school|academy|trust account|page|feed|twitter|x|facebook|instagram", 2),
            ("approv* ~ post|tweet", 3), ("post ~ for|on ~ school|academy|trust", 2),
        ],
        [Topics.NewAccount] =
        [
            ("set up", 5), ("setup", 5), ("creat*", 4), ("start|launch|open|run|make ~ account|page|blog|group|channel|site|website|podcast|vlog", 5),
            ("new account|page|group|channel|blog", 5), ("blog|vlog|podcast", 3), ("page for", 2), ("account for", 3),
            ("friends of the academy|school|trust", 4), ("pta|ptfa|pfa|ptas", 3), ("department|class|team|club account|page|blog|group|channel", 3),
            ("youtube channel", 3),
            ("use|using ~ facebook|instagram|tiktok|twitter|x|youtube|snapchat|blog|social|site|app|platform ~ with|for|in ~ class|pupil|student|lesson|project|learning|year|form|group", 5),
        ],
        [Topics.Employer] =
        [
            ("employer", 6), ("where i work|teach", 6), ("i work|teach there|here|at", 3), ("work|teach at|for ~ school|academy|trust", 3), ("job title", 5),
            ("occupation|workplace", 5), ("linkedin", 3), ("bio", 4), ("profile", 2), ("identify ~ myself|me|as", 4),
            ("say|mention|put|list|state|show ~ i work|teach", 4), ("list ~ academy|school|trust", 3), ("i be a teacher", 3),
        ],
        [Topics.SchoolPosts] =
        [
            ("comment|comments", 4), ("retweet|repost|reshare|rt", 5), ("share|shar", 3), ("react*", 3), ("thumb|thumbs up", 3),
            ("post|posts about ~ school|academy|trust|colleague|head|work", 3),
            ("post|posting|write|writing|talk|discuss|tweet|say ~ about ~ pupil|student|child|children|kid|parent|colleague|behaviour|class|work|incident|school|academy|trust|head", 3), ("criticis*|criticiz*", 3), ("review", 1),
            ("parent* ~ group|forum|page", 2), ("mumsnet|forum|thread", 3), ("local ~ group|page|forum", 2),
        ],
        [Topics.WorkEmail] =
        [
            ("work|school|academy|trust|college email", 6), ("work|school|academy|trust|college e mail", 6), ("email address", 2), ("sign up", 2), ("register|signup", 2), ("log in", 1), ("login", 1),
            ("work|school phone|number", 3),
        ],
        [Topics.WorkTime] =
        [
            ("lesson|lessons", 4), ("work|working time|hour|hours|day", 5), ("during|in ~ work|school|day|lesson|class|teaching", 3),
            ("school|academy|work|trust computer|laptop|pc|ipad|device|network|wifi|equipment|chromebook|internet", 5),
            ("break|breaktime|lunch|lunchtime", 3), ("free period", 4), ("ppa", 4), ("while|whilst teach*", 4), ("in class", 2),
            ("on duty", 3), ("check|browse|scroll|use|go on ~ facebook|instagram|twitter|tiktok|social|phone", 3), ("at work", 3),
        ],
        [Topics.Grievance] =
        [
            ("complain*", 4), ("grievanc*", 6), ("rant|vent|moan|moaning|ranting|venting", 5), ("let off steam", 6), ("unfair*", 3),
            ("fed up", 4), ("frustrat*|angry|annoyed|furious|upset", 3), ("concern* about ~ work|school|pay|management|head|job", 3),
            ("slag*|badmouth*", 5), ("bad mouth", 4), ("workload", 3), ("ofsted", 2), ("treat*", 2),
            ("criticis*|criticiz* ~ head|management|colleague|school|academy|trust|leadership|decision", 3), ("negative ~ about", 3),
            ("raise ~ concern", 3), ("whistleblow*", 4),
            ("pay|salary|contract|restructur*|redundan*|appraisal|cuts|staffing|decision|decisions|leadership|management", 2),
        ],
        [Topics.Political] =
        [
            ("politic*", 6), ("vote|voting", 4), ("election", 5), ("campaign*", 4), ("petition", 5), ("strike", 4), ("protest", 5),
            ("religio*", 4), ("view|views|opinion ~ on", 2), ("government", 3), ("labour|tory|tories|conservative|brexit|mp", 3),
            ("union", 2), ("fundrais*|sell|selling|business|promot*|advert*|charity|sponsor*", 3), ("activis*", 4),
        ],
        [Topics.Logo] =
        [
            ("logo|logos", 7), ("badge", 4), ("crest", 5), ("brand*", 5), ("uniform", 3), ("school|academy name", 2), ("premises", 2),
        ],
        [Topics.Tagging] = [("tag|tagged|tagging|tags", 7)],
        [Topics.PersonalInfo] =
        [
            ("privacy", 6), ("private|public ~ profile|account", 3), ("setting|settings", 3), ("home address", 6), ("password", 6),
            ("date of birth", 6), ("personal ~ information|detail|info|details", 4), ("lock ~ account|profile", 3),
            ("find|search ~ me", 3), ("visible", 3),
        ],
        [Topics.Reporting] =
        [
            ("report|reported|reporting", 3), ("abus*", 5), ("harass*", 5), ("bully|bullying|bullied|cyberbull*", 5), ("troll*", 4),
            ("threat*", 4), ("inappropriat*", 3), ("groom*", 6), ("saw|seen|notic*|spot|spotted|found", 2), ("came across", 2),
            ("worri*|concern*", 2), ("offensive|hate|racist|sexist|homophob*", 4), ("nude|nudes|explicit|sext*", 6), ("safeguard*", 3),
            ("fake|impersonat*", 4), ("about me", 2), ("what should|do i do", 2), ("block|blocked|blocking", 2), ("tell anyone|someone|anybody", 2),
            ("threat*|abus*|harass*|bully*|nasty|offensive|hateful|vile|sexual|rude|mean|unkind|cruel|horrible ~ messag*|comment*|post*|email*|text*|dm*", 5),
            ("i ~ saw|seen|notic*|spot|spotted|found|heard|think|suspect|worried|told", 1),
        ],
    };

    private sealed record Cue(string Topic, Pattern Pattern, int Weight);

    /// <summary>Every cue, parsed once (declared after <see cref="Cues"/>, which it reads when the class is initialised).</summary>
    private static readonly Cue[] AllCues =
        [.. Cues.SelectMany(topic => topic.Value.Select(cue => new Cue(topic.Key, Pattern.Of(cue.Pattern), cue.Weight)))];

    /// <summary>Where in <see cref="AllCues"/> the cues are that can start with each pattern word or prefix: a
    /// message tries only the few cues whose first word it holds, rather than all ~220.</summary>
    private static readonly Dictionary<int, int[]> CuesStartingWith = AllCues.Index()
        .SelectMany(cue => cue.Item.Pattern.FirstWords.Select(word => (Word: word, Cue: cue.Index)))
        .GroupBy(x => x.Word, x => x.Cue)
        .ToDictionary(cues => cues.Key, cues => cues.Distinct().ToArray());

    /// <summary>Scores within this of the best are a close call: a "yes" on the best topic is checked against them.</summary>
    private const int CloseCall = 3;

    /// <summary>The best topic (null when none is clear) and any close runners-up, best first.</summary>
    public static IReadOnlyList<string> Classify(Message m, IReadOnlyDictionary<string, string> facts, IReadOnlyList<Person> people)
    {
        var ranked = Scores(m, facts, people).OrderByDescending(s => s.Value).ThenBy(s => Priority(s.Key)).ToList();
        if (ranked[0].Value < MinimumScore) return [];
        return ranked.TakeWhile(s => s.Value >= MinimumScore && s.Value >= ranked[0].Value - CloseCall).Select(s => s.Key).ToList();
    }

    private static Dictionary<string, int> Scores(Message m, IReadOnlyDictionary<string, string> facts, IReadOnlyList<Person> people)
    {
        var scores = Cues.Keys.ToDictionary(topic => topic, _ => 0);
        Span<bool> tried = stackalloc bool[AllCues.Length];
        foreach (var word in m.PatternWordsPresent())
        {
            if (!CuesStartingWith.TryGetValue(word, out var cues)) continue;
            foreach (var index in cues)
            {
                if (tried[index]) continue;
                tried[index] = true;
                var cue = AllCues[index];
                if (cue.Pattern.IsIn(m)) scores[cue.Topic] += cue.Weight;
            }
        }

        var action = facts.GetValueOrDefault(Facts.Action);
        var reacting = action is "share" or "comment" or "like";
        var witnessed = Witness.SomeoneElseDidIt(m);
        if (scores[Topics.Photos] > 0 && !witnessed) scores[Topics.Photos] += 4;
        if (facts.GetValueOrDefault(Facts.Account) == "official" && !reacting && scores[Topics.Photos] == 0) scores[Topics.OfficialPost] += 5;
        if (reacting && facts.GetValueOrDefault(Facts.PostBy) == "school") scores[Topics.SchoolPosts] += 3;
        if (people.Any(p => p.Role is Facts.People.CurrentPupil or Facts.People.FormerPupil or Facts.People.Parent))
            scores[Topics.PupilContact] += scores[Topics.PupilContact] > 0 ? 1 : 0;
        if (facts.GetValueOrDefault(Facts.Critical) == Facts.Yes && scores[Topics.SchoolPosts] > 0) scores[Topics.SchoolPosts] += 2;
        if (people.Any(p => p.Role is Facts.People.CurrentPupil or Facts.People.FormerPupil or Facts.People.Parent)
            && (action is "comment" or "like" || Pattern.Of("reply|respond|answer").IsIn(m)))
            scores[Topics.PupilContact] += 5;
        if (witnessed)
            scores[Topics.Reporting] += Pattern.Of("i ~ saw|seen|notic*|spot|spotted|found|heard|think|suspect|believe|told|worried|concerned").IsIn(m) ? 10 : 8;
        if (people.Any(p => p.Role == Facts.People.Colleague)
            && people.Any(p => p.Role is Facts.People.CurrentPupil or Facts.People.FormerPupil)
            && Pattern.Of("messag*|text*|chat*|contact*|dm*|snapchat|whatsapp|follow*|friend*|meet*|talk*|call*|send*").IsIn(m))
            scores[Topics.Reporting] += 8;
        if (facts.GetValueOrDefault(Facts.Critical) == Facts.Yes)
        {
            var aboutCommunity = Pattern.Of("trust|academy|school|head|headteacher|management|leadership|slt|governor|job|pay|boss|colleague|parent|pupil|student|staff|kid|child|children|class").IsIn(m);
            scores[Topics.SchoolPosts] += aboutCommunity ? 4 : 2;
            scores[Topics.Grievance] += aboutCommunity ? 2 : 0;
        }
        if (Pattern.Of("tag* ~ pupil|pupils|child|children|student|students|kid|kids|class").IsIn(m))
            scores[Topics.Photos] += 8;
        else if (scores[Topics.Tagging] > 0)
            scores[Topics.Tagging] += 6;
        if (Pattern.Of("about ~ work|job|day|school|class|colleague|colleagues|pupil|pupils|student|students").IsIn(m))
            scores[Topics.WorkTime] = Math.Min(scores[Topics.WorkTime], 2);
        if (IsClassroomUse(m))
        {
            scores[Topics.NewAccount] += 6;
            scores[Topics.WorkTime] = Math.Min(scores[Topics.WorkTime], 2);
        }
        if (scores[Topics.Logo] > 0) scores[Topics.Logo] += 6;

        return scores;
    }

    /// <summary>"Use TikTok with my Year 6 class for a dance project": social media for teaching, which needs approval.</summary>
    private static bool IsClassroomUse(Message m) =>
        Pattern.Of("use|using|try|trying|set|start ~ facebook|instagram|tiktok|twitter|x|youtube|snapchat|whatsapp|blog|social|site|app|platform|padlet|flipgrid").IsIn(m)
        && (Pattern.Of("project|learning|curriculum|educational|revision|homework|classroom|teach|teaching").IsIn(m)
            || Pattern.Of("with|for|in ~ class|pupil|pupils|student|students|year|form|group|kid|kids|children|lesson|lessons").IsIn(m));

    /// <summary>Ties go to the topic where a wrong "yes" would hurt most.</summary>
    private static int Priority(string topic) => TopicOrder[topic];
}
