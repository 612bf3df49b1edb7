namespace TeamsPolicyBot.Guidance.Packs;

/// <summary>
/// The facts a rule's <c>when</c> can test, their values, and what happens when a question does not
/// mention them: some are asked (if the answer depends on them), the rest take a stated value.
/// policies/README.md documents the same table for pack authors.
/// </summary>
public static class Facts
{
    public const string Person = "person";
    public const string Age = "age";
    public const string Relative = "relative";
    public const string HeadteacherAgreed = "headteacherAgreed";
    public const string ParentConsent = "parentConsent";
    public const string Initiator = "initiator";
    public const string Account = "account";
    public const string Action = "action";
    public const string PostBy = "postBy";
    public const string Critical = "critical";
    public const string Identifies = "identifies";
    public const string NoPhotoList = "noPhotoList";
    public const string Device = "device";
    public const string Network = "network";
    public const string Channel = "channel";
    public const string Time = "time";
    public const string Concern = "concern";
    public const string Target = "target";
    public const string Asking = "asking";
    public const string SetUpBy = "setUpBy";
    public const string Gossip = "gossip";
    public const string Confidential = "confidential";
    public const string Copyright = "copyright";
    public const string Commercial = "commercial";
    public const string Leaving = "leaving";
    public const string OwnLife = "ownLife";
    public const string Compromising = "compromising";
    public const string KeepsLog = "keepsLog";
    public const string OfficialRole = "officialRole";
    public const string Anonymous = "anonymous";
    public const string Press = "press";
    public const string Unknown = "unknown";

    /// <summary>The <c>when</c> keys for the age fact.</summary>
    public const string AgeUnder = "ageUnder";
    public const string AgeAtLeast = "ageAtLeast";

    public const string Yes = "yes";
    public const string No = "no";

    public static class People
    {
        public const string CurrentPupil = "current-pupil";
        public const string FormerPupil = "former-pupil";
        public const string Parent = "parent";
        public const string Colleague = "colleague";
        public const string Other = "other";
    }

    private static readonly string[] YesNo = [Yes, No];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Values = new Dictionary<string, IReadOnlyList<string>>
    {
        [Person] = [People.CurrentPupil, People.FormerPupil, People.Parent, People.Colleague, People.Other],
        [Relative] = YesNo,
        [HeadteacherAgreed] = YesNo,
        [ParentConsent] = YesNo,
        [Initiator] = ["them", "me"],
        [Account] = ["personal", "official"],
        [Action] = ["post", "share", "comment", "like", "take"],
        [PostBy] = ["school", "other"],
        [Critical] = YesNo,
        [Identifies] = YesNo,
        [NoPhotoList] = YesNo,
        [Device] = ["own", "school"],
        [Network] = ["professional", "social"],
        [Channel] = ["personal-account", "direct-message", "contact-details", "school-system"],
        [Time] = ["lesson", "work", "break", "outside-work"],
        [Concern] = ["abuse", "child-contact", "child-at-risk", "staff-conduct"],
        [Target] = ["me", "others"],
        [Asking] = ["act", "hold-back", "allowed"],
        [SetUpBy] = ["me", "pupils", "parents"],
        [Gossip] = YesNo,
        [Confidential] = YesNo,
        [Copyright] = YesNo,
        [Commercial] = YesNo,
        [Leaving] = YesNo,
        [OwnLife] = YesNo,
        [Compromising] = YesNo,
        [KeepsLog] = YesNo,
        [OfficialRole] = YesNo,
        [Anonymous] = YesNo,
        [Press] = YesNo,
        [Unknown] = YesNo,
    };

    private static readonly Dictionary<string, string> Defaults = new()
    {
        [Relative] = No,
        [Account] = "personal",
        [Action] = "post",
        [PostBy] = "other",
        [Critical] = No,
        [Identifies] = No,
        [NoPhotoList] = No,
        [Network] = "social",
        [Channel] = "personal-account",
        [Time] = "work",
        [Gossip] = No,
        [Confidential] = No,
        [Copyright] = No,
        [Commercial] = No,
        [Leaving] = No,
        [OwnLife] = No,
        [Compromising] = No,
        [OfficialRole] = No,
    };

    /// <summary>Facts whose value, when the question does not give it, is asked rather than assumed.</summary>
    public static bool IsAsked(string topic, string fact) => fact switch
    {
        Age => true,
        Person => topic is Topics.FriendRequest,
        Account => topic is Topics.Photos,
        _ => false,
    };

    /// <summary>The value a fact takes when the question does not mention it and it is not asked; null: unset.</summary>
    public static string? DefaultFor(string topic, string fact) => (topic, fact) switch
    {
        (Topics.Photos or Topics.PupilContact, Person) => People.CurrentPupil,
        (Topics.OfficialPost or Topics.NewAccount, Account) => "official",
        _ => Defaults.GetValueOrDefault(fact),
    };

    public static string Question(string fact) => fact switch
    {
        Person => "Who is the other person?",
        Age => "How old are they now?",
        Account => "Where would it be posted?",
        _ => $"What is the {fact}?",
    };

    public static string ChoiceLabel(string fact, string value) => (fact, value) switch
    {
        (Person, People.CurrentPupil) => "A current pupil",
        (Person, People.FormerPupil) => "A former pupil",
        (Person, People.Parent) => "A pupil's parent, carer or family member",
        (Person, People.Colleague) => "A colleague",
        (Person, People.Other) => "Someone else",
        (Account, "personal") => "My personal account",
        (Account, "official") => "The school's official account",
        _ => value,
    };
}
