using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Guidance.Understanding.Words;

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

    private sealed record Cue(string Topic, Pattern Pattern, int Weight);

    /// <summary>Every cue of <c>topics.yaml</c>, parsed once.</summary>
    private static readonly Cue[] AllCues = LoadCues();

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
        var scores = Topics.All.ToDictionary(topic => topic, _ => 0);
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
        var classroomUse = IsClassroomUse(m, people);
        // Photos weigh more when they are the question, not when a class would share them on a platform.
        if (scores[Topics.Photos] > 0 && !witnessed && !classroomUse) scores[Topics.Photos] += 4;
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
        if (classroomUse)
        {
            scores[Topics.NewAccount] += 6;
            scores[Topics.WorkTime] = Math.Min(scores[Topics.WorkTime], 2);
        }
        if (scores[Topics.Logo] > 0) scores[Topics.Logo] += 6;

        // Anything during a lesson is first a question of using social media in lesson time.
        if (facts.GetValueOrDefault(Facts.Time) == "lesson" && scores[Topics.WorkTime] > 0) scores[Topics.WorkTime] += 4;
        // Contact with no one named is not yet contact with a pupil ("can I put my work number on my profile").
        if (people.Count == 0) scores[Topics.PupilContact] /= 2;
        // Their own post criticising the school is a post about the school, whatever their profile says.
        if (facts.GetValueOrDefault(Facts.Critical) == Facts.Yes && ProposesOwnMessage(m)) scores[Topics.SchoolPosts] += 6;

        // What the member of staff would post says what it is about: a rumour or something confidential is a
        // post about the school's community, whatever platform or profile it goes on.
        if (facts.GetValueOrDefault(Facts.Gossip) == Facts.Yes) scores[Topics.SchoolPosts] += 8;
        if (facts.GetValueOrDefault(Facts.Confidential) == Facts.Yes) scores[Topics.SchoolPosts] += 6;
        // Something worrying that someone else did is about reporting, unless the question is what to say back.
        if (facts.ContainsKey(Facts.Concern) && !ProposesOwnMessage(m)) scores[Topics.Reporting] += 12;
        // Running the school's own account: its posts, replies and hand-over.
        if (facts.GetValueOrDefault(Facts.OfficialRole) == Facts.Yes && facts.GetValueOrDefault(Facts.Account) == "official"
            && !facts.ContainsKey(Facts.Concern))
            scores[Topics.OfficialPost] += 6;

        return scores;
    }

    /// <summary>"Can I reply from my own account…", "should I comment…": the member of staff proposes to say something themselves.</summary>
    private static bool ProposesOwnMessage(Message m) =>
        Pattern.Of("can|could|may|should|shall|do i ~ reply|respond|answer|comment|post|message|write|say|share|like|tweet|retweet|put").IsIn(m);

    /// <summary>"Use TikTok with my Year 6 class for a dance project": social media for teaching, which needs approval.</summary>
    private static bool IsClassroomUse(Message m, IReadOnlyList<Person> people) =>
        Pattern.Of("use|using|try|trying|set|start ~ facebook|instagram|tiktok|twitter|x|youtube|snapchat|whatsapp|blog|social|site|app|platform|padlet|flipgrid").IsIn(m)
        && (Pattern.Of("project|learning|curriculum|educational|revision|homework|classroom|teach|teaching|fieldwork|coursework").IsIn(m)
            || Pattern.Of("with|for|in ~ class|pupil|pupils|student|students|year|form|group|kid|kids|children|lesson|lessons").IsIn(m)
            || people.Any(p => p.Role == Facts.People.CurrentPupil) && !Witness.SomeoneElseDidIt(m));

    private static Cue[] LoadCues() =>
        [.. WordFile.Read("topics.yaml").SelectMany(topic =>
        {
            if (!Topics.All.Contains(topic.Key)) throw new InvalidOperationException($"topics.yaml names unknown topic '{topic.Key}'");
            return topic.Value.Select(cue => new Cue(topic.Key, Pattern.Of(cue.Key),
                int.Parse(cue.Value.Single(), System.Globalization.CultureInfo.InvariantCulture)));
        })];

    /// <summary>Ties go to the topic where a wrong "yes" would hurt most.</summary>
    private static int Priority(string topic) => TopicOrder[topic];
}
