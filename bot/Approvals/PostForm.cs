using System.Text.Json;

namespace TeamsPolicyBot.Approvals;

/// <summary>What a member of staff filled in on the post request form (cards/approval-form.json).</summary>
public sealed record PostForm(
    string Account, string Text, string PlannedDate, string PlannedTime,
    string Photos, string Identifies, string NoPhotoList, string Links, string Note)
{
    public const int MaxTextLength = 5000;
    public const int MaxFieldLength = 1000;

    public static class PhotoAnswers
    {
        public const string None = "none";
        public const string Consented = "consented";
        public const string NotSure = "unsure";
        public static readonly IReadOnlyList<string> All = [None, Consented, NotSure];
    }

    public static readonly IReadOnlyList<string> YesNo = ["yes", "no"];
    public static readonly IReadOnlyList<string> YesNoNotSure = ["yes", "no", "unsure"];

    public static PostForm Empty { get; } = new("", "", "", "", "", "", "", "", "");

    public bool HasPhotos => Photos is PhotoAnswers.Consented or PhotoAnswers.NotSure;

    public static PostForm Read(JsonElement? data)
    {
        var form = new FormData(data);
        return new PostForm(
            form.Text("account", MaxFieldLength),
            form.Text("text", MaxTextLength),
            form.Text("plannedDate", 10),
            form.Text("plannedTime", 5),
            form.Choice("photos", PhotoAnswers.All),
            form.Choice("identifies", YesNo),
            form.Choice("noPhotoList", YesNoNotSure),
            form.Text("links", MaxFieldLength),
            form.Text("note", MaxFieldLength));
    }

    /// <summary>Answers the form needs before anything else is checked.</summary>
    public IEnumerable<PolicyNote> Missing(IReadOnlyCollection<string> accounts)
    {
        if (!accounts.Contains(Account)) yield return new("Choose the official account to post on.");
        if (Text.Length == 0) yield return new("Write the text of the post.");
        if (!DateOnly.TryParseExact(PlannedDate, "yyyy-MM-dd", out _)) yield return new("Give the date you plan to post.");
        if (PlannedTime.Length > 0 && !TimeOnly.TryParseExact(PlannedTime, "HH:mm", out _)) yield return new("Give the time as hours and minutes.");
        if (Photos.Length == 0) yield return new("Say whether the post has photos or video of pupils.");
        if (Identifies.Length == 0) yield return new("Say whether pupils' full names or class are given.");
        if (HasPhotos && NoPhotoList.Length == 0) yield return new("Say whether anyone pictured is on the no-photo list.");
    }

    public string Title => $"Post on {Account} on {Planned}";

    private string Planned => PlannedTime.Length > 0 ? $"{PlannedDate} at {PlannedTime}" : PlannedDate;

    public IReadOnlyList<RequestField> Fields() =>
    [
        new("Account", Account),
        new("Post text", Text),
        new("Planned for", Planned),
        new("Photos or video of pupils", Photos switch
        {
            PhotoAnswers.Consented => "Yes, with written consent for everyone pictured",
            PhotoAnswers.NotSure => "Not sure about consent",
            _ => "None",
        }),
        new("Full names or class given", Identifies == "yes" ? "Yes" : "No"),
        new("Anyone on the no-photo list", HasPhotos ? NoPhotoList switch { "yes" => "Yes", "unsure" => "Not sure", _ => "No" } : "No photos"),
        new("Links", Links.Length > 0 ? Links : "None"),
        new("Note for the approver", Note.Length > 0 ? Note : "None"),
    ];
}
