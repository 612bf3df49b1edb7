using System.Text.Json;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// The annual reminder card (cards/reminder.json): the pack's dos and don'ts with their sections, a link to the
/// policy, and "I have read and understood". Posted once per channel; each person who opens it gets their own view
/// (acknowledged or not, and how many colleagues have) through Universal Actions refresh.
/// </summary>
public sealed class ReminderCard(CardTemplates templates, PolicyPack pack)
{
    public const string Template = "reminder";
    public const string AcknowledgeVerb = "reminder.acknowledge";
    public const string RefreshVerb = "reminder.refresh";

    /// <summary>The card as posted to a channel: nobody's view yet.</summary>
    public Attachment Render(string campaignId) =>
        templates.RenderAttachment(Template, Data(campaignId, acknowledgedAt: null, acknowledgedCount: 0));

    /// <summary>The card as one member of staff sees it.</summary>
    public JsonElement RenderFor(string campaignId, DateTimeOffset? acknowledgedAt, int acknowledgedCount) =>
        templates.Render(Template, Data(campaignId, acknowledgedAt, acknowledgedCount));

    private object Data(string campaignId, DateTimeOffset? acknowledgedAt, int acknowledgedCount) =>
        new
        {
            campaignId,
            trust = pack.Trust,
            points = pack.Reminder.Summary.Select(point => new { point = pack.Fill(point.Point), section = Sections(point) }),
            document = new { title = pack.Document.Title, link = pack.Document.Link ?? "" },
            acknowledged = acknowledgedAt is not null,
            acknowledgedOn = acknowledgedAt is { } at
                ? $"You acknowledged on {StaffTime.Date(at)}."
                : "",
            colleagues = acknowledgedCount switch
            {
                0 => "",
                1 => "1 colleague has acknowledged this reminder.",
                _ => $"{acknowledgedCount} colleagues have acknowledged this reminder.",
            },
        };

    private string Sections(ReminderPoint point) =>
        string.Join("; ", point.Cite.Select(pack.Clause).Select(clause =>
            (clause.Section.Length > 0 && char.IsDigit(clause.Section[0]) ? "Section " + clause.Section : clause.Section)
            + (string.IsNullOrWhiteSpace(clause.Heading) ? "" : ": " + clause.Heading)));
}
