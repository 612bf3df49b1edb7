using TeamsPolicyBot.Guidance.Packs;
using static TeamsPolicyBot.Guidance.Packs.Facts.People;

namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// Reads whether the member of staff is telling of something worrying someone else did (the <c>concern</c> fact):
/// someone contacting a child ("a man messaging one of my Year 10 girls"), a child at risk of harm ("a Year 9
/// posted about wanting to hurt herself"), abuse, harassment or bullying ("a parent keeps posting nasty comments
/// about me"), or a colleague's own conduct online ("a colleague keeps posting pictures of his tutor group"); and
/// whether it is aimed at the member of staff (the <c>target</c> fact).
/// </summary>
internal static class ConcernReader
{
    private const string Abuse =
        "abus*|harass*|bully|bullying|bullied|bullies|cyberbull*|troll*|threat*|intimidat*|stalk*|hateful|racist|sexist|homophob*|vile|mock*|humiliat*|"
        + "lie|lies|lying|untrue|fictitious|malicious|defam*|slander*|libel*";

    private const string Unkind = "nasty|horrible|offensive|cruel|rude|mean|unkind|insulting|hurtful|threatening|abusive|inappropriate|sexual|explicit";

    private const string Contacting =
        "messag*|text*|contact*|chat*|dm|dms|snapchat*|whatsapp*|send*|sent|ask*|groom*|meet*|call*|follow*|add*|friend*|request*|talk*|speak*|"
        + "seeing|dating|relationship|flirt*";

    private const string Adult =
        "man|woman|men|women|adult|stranger|someone|somebody|colleague|teacher|coach|person|guy|bloke|account|staff|ta|assistant|tutor|"
        + "volunteer|governor|caretaker|deputy|head|lsa|senco";

    /// <summary>Harm to a child that the words name whoever says them: self-harm, suicide, wanting to die, abuse at
    /// home, grooming, running away.</summary>
    private static readonly string[] ChildHarm =
    [
        "self harm*|injur*|mutilat*", "selfharm*", "suicid*", "overdos*", "eating disorder", "anorexi*|bulimi*",
        "hurt|harm|cut|kill|starv*|burn himself|herself|themselves|themself|yourself",
        "want|wish|go|gonna|ready ~ to die", "want|wish ~ dead", "not want ~ to live", "not want ~ to be alive|here",
        "end ~ it all", "end|take ~ own|their|her|his|my life",
        "be|being|been|get|getting|got abused|groomed|beaten|assaulted|raped|exploited|trafficked",
        "abus*|hit|hitting|beat*|unsafe|scared|afraid|frightened ~ at home", "not safe ~ at|go home", "scared|afraid|frightened ~ go home",
        "run|running|ran away", "go|going|gone missing",
    ];

    /// <summary>Harm that is a child's only when told of what the child posted or said ("a pupil's instagram mentions
    /// cutting"): the same words could be about anything else ("cutting out shapes").</summary>
    private const string ToldHarm = "cutting|cuts|cut|scars|abuse|abused|dying|die|pills";
    private const string ChildSaid =
        "post*|story|stories|status|snap*|tiktok|instagram|insta|facebook|twitter|message*|comment*|video*|bio|said|say*|mention*|talk*|wrote|writ*|suggest*|hint*|about";

    /// <summary>The member of staff proposing their own post, lesson or resource ("can I share a suicide-prevention
    /// video with my Year 10s"): on the subject, not a child's risk, unless a child's own post is named too.</summary>
    private const string OwnMaterial =
        "can|could|may|should|shall|do i ~ post|put|share|upload|publish|tweet|make|create|write|teach|plan|use|show|run|deliver|film|record|set|start";

    private const string ChildsOwnPost =
        "her|his|their|pupil|student|child|kid|girl|boy|year ~ post|posts|story|stories|status|message|messages|comment|comments|video|snap|snapchat|instagram|tiktok|bio";

    // Whole patterns as constants: Pattern.Of remembers a pattern by its interned literal, not one built per call.
    private const string ChildSaidHarm = $"{ChildSaid} ~ {ToldHarm}";
    private const string AdultContacting = $"{Adult} ~ {Contacting}";
    private const string UnkindWords = $"{Unkind} ~ comment*|message*|post*|remark*|stuff|things|texts|dms|picture*|photo*";
    private const string AbuseAtMe = $"{Abuse}|{Unkind}|target*|call*|name*|send*|sent ~ me";

    public static void Read(Message m, IReadOnlyList<Person> people, Dictionary<string, string> facts)
    {
        var concern = Concern(m, people);
        if (concern is null) return;
        facts[Facts.Concern] = concern;
        facts[Facts.Target] = AimedAtMe(m) ? "me" : "others";
    }

    private static string? Concern(Message m, IReadOnlyList<Person> people)
    {
        var child = people.Any(p => p.Role == CurrentPupil || p.Age.Max < 18);
        if (child && (ChildContacted(m) || Pattern.Of("groom*|nude|nudes|sext*").IsIn(m) || Pattern.Of("send|sending ~ him|her|them|me ~ picture*|photo*|image*|video*|pic*").IsIn(m)))
            return "child-contact";
        if (child && ChildAtRisk(m))
            return "child-at-risk";
        if (IsAbuse(m) && (SomeoneElse(m) || AimedAtMe(m)))
            return "abuse";
        if (people.Any(p => p.Role == Colleague) && Witness.SomeoneElseDidIt(m))
            return "staff-conduct";
        return null;
    }

    /// <summary>A child at risk of harm, as the member of staff tells it: "a Year 9 posted about wanting to hurt herself",
    /// "one of my students put something on TikTok about suicide", "a student's snapchat suggests they're being abused";
    /// not their own lesson or post on the subject ("can I share a suicide-prevention post with my Year 10s").</summary>
    private static bool ChildAtRisk(Message m) =>
        (!Pattern.Of(OwnMaterial).IsIn(m) || Pattern.Of(ChildsOwnPost).IsIn(m))
        && (ChildHarm.Any(p => Pattern.Of(p).IsIn(m)) || Pattern.Of(ChildSaidHarm).IsIn(m));

    /// <summary>An adult, not the member of staff, in contact with a child: "a man messaging her", "a colleague has been
    /// snapchatting him"; not "a colleague and I want to message the class", nor "a parent messaged me".</summary>
    private static bool ChildContacted(Message m) =>
        Pattern.Of(AdultContacting).Matches(m).Any(x => !IncludesMe(m, x.Start, x.End) && !m.Is(x.End + 1, "me"));

    private static bool IncludesMe(Message m, int from, int to)
    {
        for (var i = from; i <= to; i++)
            if (m[i] is "i" or "we") return true;
        return m[from - 1] == "and" && m[from - 2] is "i" or "me";
    }

    private static bool IsAbuse(Message m) =>
        Pattern.Of(Abuse).IsIn(m) || Pattern.Of(UnkindWords).IsIn(m)
        || Pattern.Of("make|making|made ~ fun").IsIn(m) || Pattern.Of("have|having|had ~ a go at").IsIn(m) || Pattern.Of("slag*|slagging ~ off").IsIn(m)
        || Pattern.Of("hate page|group|account").IsIn(m) || Pattern.Of("never happened").IsIn(m) || Pattern.Of("made ~ up").IsIn(m);

    /// <summary>Someone other than the member of staff did it: it is told, not asked about ("can I post…").</summary>
    private static bool SomeoneElse(Message m) =>
        Witness.SomeoneElseDidIt(m)
        || Pattern.Of("someone|somebody|parent|pupil|student|colleague|people|they|he|she|person|mum|dad|account|child|kid|kids|year|group|teacher|friend|man|woman|boys|girls ~ keep*|be|has|have|been ~ send*|post*|leav*|writ*|shar*|messag*|comment*|bully*|harass*|troll*|threat*|abus*|mock*|call*").IsIn(m)
        || Pattern.Of("being|getting|been bullied|harassed|trolled|threatened|abused|targeted|mocked|groomed|picked").IsIn(m);

    private static bool AimedAtMe(Message m) =>
        Pattern.Of("about|at|to|towards ~ me").IsIn(m)
        || Pattern.Of(AbuseAtMe).IsIn(m)
        || Pattern.Of("i ~ be|am|have|been|keep ~ getting|receiving|being|bullied|harassed|trolled|threatened|targeted|abused").IsIn(m)
        || Pattern.Of("i ~ get|got|receive*|keep getting ~ abus*|nasty|threat*|horrible|offensive|hate").IsIn(m);
}
