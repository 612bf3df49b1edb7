using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// "reminder report": per team and group chat, members, acknowledged and not yet for the latest campaign, and per
/// academy in a trust with several. "reminder report csv": the same, one row per person, as CSV text split into
/// messages Teams accepts. Trust admins see everyone; an academy's admins see only their academy's staff.
/// Team and staff names are shown as plain text, never as markdown.
/// </summary>
public sealed class ReminderReportCommand(CampaignStore campaigns, ReminderReports reports, ReminderReportByAcademy byAcademy) : IBotCommand
{
    private const string Phrase = "reminder report";
    private const string CsvPhrase = "reminder report csv";

    // Teams refuses messages over about 28 KB.
    private const int MaxMessageLength = 20_000;

    public bool Matches(string text) =>
        AdminCommand.Normalise(text).Equals(Phrase, StringComparison.OrdinalIgnoreCase) || AdminCommand.Normalise(text).Equals(CsvPhrase, StringComparison.OrdinalIgnoreCase);

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        var reader = turn.Activity.From?.AadObjectId?.ToLowerInvariant();
        if (reader is null || !byAcademy.MaySee(reader))
        {
            await turn.SendTextAsync("Only the bot's administrators can do that.", cancellationToken);
            return;
        }
        if (await campaigns.LatestAsync(cancellationToken) is not { } campaign)
        {
            await turn.SendTextAsync("No reminder campaign has been started yet.", cancellationToken);
            return;
        }
        var report = await byAcademy.ForReaderAsync(await reports.BuildAsync(campaign, cancellationToken), reader, cancellationToken);
        if (!string.Equals(AdminCommand.Normalise(turn.Text), CsvPhrase, StringComparison.OrdinalIgnoreCase))
        {
            await SendPlainAsync(turn, report.ToText(), cancellationToken);
            return;
        }
        foreach (var part in Split(ReportCsv.Write(report)))
            await SendPlainAsync(turn, part, cancellationToken);
    }

    private static Task SendPlainAsync(TurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.SendAsync(turn.CreateMessage() with
        {
            Text = text,
            ExtensionData = new() { ["textFormat"] = System.Text.Json.JsonSerializer.SerializeToElement("plain") },
        }, cancellationToken);

    /// <summary>Whole CSV rows, at most <see cref="MaxMessageLength"/> characters per part.</summary>
    private static IEnumerable<string> Split(string csv)
    {
        var part = new System.Text.StringBuilder();
        foreach (var row in csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length > 0 && part.Length + row.Length + 2 > MaxMessageLength)
            {
                yield return part.ToString();
                part.Clear();
            }
            part.Append(row).Append("\r\n");
        }
        if (part.Length > 0)
            yield return part.ToString();
    }
}
