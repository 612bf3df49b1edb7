using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Academies;

/// <summary>What to show once an academy is chosen from the picker.</summary>
public static class AcademyFollowUps
{
    public const string None = "";
    public const string PostForm = "post";
    public const string AccountForm = "account";

    public static readonly IReadOnlyList<string> All = [None, PostForm, AccountForm];
}

/// <summary>The academy-choice card: one button per academy (verb <c>academy.choose</c>).</summary>
public sealed class AcademyPicker(CardTemplates templates)
{
    public const string Verb = "academy.choose";

    public Attachment Render(string question, string detail, IEnumerable<Academy> academies, string then) =>
        templates.RenderAttachment("academy-choice", new
        {
            question,
            detail,
            then,
            academies = academies.Select(a => new { id = a.Id, name = a.Name }).ToList(),
        });

    /// <summary>Asks someone the records say nothing about; their answer is remembered.</summary>
    public Attachment AskOnce(IEnumerable<Academy> academies, string then) =>
        Render("Which academy do you work at?", "I'll remember it. Type \"my academy\" to see or change it.", academies, then);

    /// <summary>Asks someone in several academies which one this request is for.</summary>
    public Attachment AskForRequest(StaffAcademies mine, string then) =>
        Render("Which academy is this for?", $"You work at {mine.Names}, so I ask each time.", mine.Academies, then);
}
