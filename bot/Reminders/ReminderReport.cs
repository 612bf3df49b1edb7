using System.Globalization;
using System.Text;
using TeamsPolicyBot.Cards;

namespace TeamsPolicyBot.Reminders;

/// <summary>A campaign's progress: where it was posted, and per team who has and has not acknowledged.</summary>
public sealed record ReminderReport(
    Campaign Campaign, IReadOnlyDictionary<string, int> DeliveriesByStatus, IReadOnlyList<ReportGroup> Groups, int Nudged)
{
    /// <summary>In a trust with several academies: members, acknowledged and not yet, per academy the reader may see.</summary>
    public IReadOnlyList<AcademyTally> Academies { get; init; } = [];

    public string ToText()
    {
        var text = new StringBuilder();
        var posted = DeliveriesByStatus.GetValueOrDefault(Delivery.Sent);
        var total = DeliveriesByStatus.Values.Sum();
        text.Append(CultureInfo.InvariantCulture,
            $"Reminder {Campaign.Id}, started {StaffTime.Date(Campaign.StartedAt)}: ");
        text.Append(CultureInfo.InvariantCulture, $"posted to {posted} of {total} channels and chats");
        var inactive = DeliveriesByStatus.GetValueOrDefault(Delivery.Inactive);
        var failed = DeliveriesByStatus.GetValueOrDefault(Delivery.Failed);
        if (inactive > 0 || failed > 0)
            text.Append(CultureInfo.InvariantCulture, $" ({inactive} no longer reachable, {failed} failed)");
        text.AppendLine(".");
        if (Nudged > 0)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{Nudged} members of staff were nudged in a 1:1 chat."));
        foreach (var group in Groups)
        {
            text.AppendLine(group.MembersUnavailable
                ? $"{group.Name}: Teams would not list its members."
                : string.Create(CultureInfo.InvariantCulture,
                    $"{group.Name}: {group.People.Count} members, {group.Acknowledged} acknowledged, {group.People.Count - group.Acknowledged} not yet."));
        }
        if (Academies.Count > 0)
            text.AppendLine("By academy:");
        foreach (var academy in Academies)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{academy.Name}: {academy.Members} members, {academy.Acknowledged} acknowledged, {academy.Members - academy.Acknowledged} not yet."));
        }
        return text.ToString();
    }
}

public sealed record ReportGroup(string Name, bool MembersUnavailable, IReadOnlyList<ReportPerson> People)
{
    public int Acknowledged => People.Count(p => p.AcknowledgedAt is not null);
}

public sealed record ReportPerson(string Name, string AadObjectId, string? Email, DateTimeOffset? AcknowledgedAt);

/// <summary>One academy's line of the report: each member of staff counted once, however many teams they are in.</summary>
public sealed record AcademyTally(string Name, int Members, int Acknowledged);
