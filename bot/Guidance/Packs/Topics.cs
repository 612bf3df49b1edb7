namespace TeamsPolicyBot.Guidance.Packs;

/// <summary>What a question can be about. Packs key their rules by these ids (policies/README.md).</summary>
public static class Topics
{
    public const string FriendRequest = "friend-request";
    public const string PupilContact = "pupil-contact";
    public const string Photos = "photos";
    public const string OfficialPost = "official-post";
    public const string NewAccount = "new-account";
    public const string Employer = "employer";
    public const string SchoolPosts = "school-posts";
    public const string WorkEmail = "work-email";
    public const string WorkTime = "work-time";
    public const string Grievance = "grievance";
    public const string Political = "political";
    public const string Logo = "logo";
    public const string Tagging = "tagging";
    public const string PersonalInfo = "personal-info";
    public const string Reporting = "reporting";
    public const string Policy = "policy";

    public static readonly IReadOnlyList<string> All =
    [
        FriendRequest, PupilContact, Photos, OfficialPost, NewAccount, Employer, SchoolPosts, WorkEmail,
        WorkTime, Grievance, Political, Logo, Tagging, PersonalInfo, Reporting, Policy,
    ];
}
