using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Outgoing;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>
/// "Tell … now" on an answer that says to report (verb <c>guidance.tellDsl</c>): sends each safeguarding contact of
/// the member of staff's academy (the trust's when it is not known) a 1:1 card (who raised it, when, the category,
/// the note), records the report, and redraws the member of staff's card with what happened. When nobody could be reached the card says so plainly and tells them to phone
/// or speak to the lead now. An alert Teams does not take now is retried by the outbox; one that still cannot be
/// delivered is logged as an error and the member of staff is told in their chat (<see cref="SafeguardingAlertFollowUp"/>).
/// The note is never logged.
/// </summary>
public sealed partial class TellSafeguardingLeadAction(
    Outbox outbox,
    SafeguardingReportStore reports,
    GuidanceAnswerCard answerCard,
    CardTemplates cards,
    IOptions<SafeguardingOptions> options,
    GuidanceMetrics metrics,
    AcademySafeguarding safeguarding,
    TimeProvider time,
    ILogger<TellSafeguardingLeadAction> logger) : ICardActionHandler
{
    public const string Verb = "guidance.tellDsl";

    private const string AlertCardName = "safeguarding-alert";

    /// <summary>Longer notes are cut: the card asks for a brief note, and a table property has a limit.</summary>
    public const int MaxNoteLength = 1000;

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (GuidanceCardActionData.Read(action) is not { Answer: { Report: true } answer } data
            || activity.From is not { } from || activity.ServiceUrl is not { } serviceUrl
            || activity.TenantId is not { Length: > 0 } tenantId || activity.Recipient is not { } bot)
            return GuidanceCardActionData.NotAnAnswerCard;

        var settings = options.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var note = (data.Note ?? "").Trim();
        if (note.Length > MaxNoteLength)
            note = note[..MaxNoteLength];
        var raisedBy = string.IsNullOrWhiteSpace(from.Name) ? "A member of staff" : from.Name;
        var verdict = $"{VerdictWords(answer.Verdict)}, report to {answer.ReportTo}";
        var alert = cards.RenderAttachment(AlertCardName, new
        {
            raisedBy,
            raisedAt = local.ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture),
            topic = answer.Topic,
            verdict,
            note,
        });

        var deliveries = new List<SafeguardingDelivery>();
        var team = await safeguarding.ForAsync(from.AadObjectId, cancellationToken);
        var batch = $"SafeguardingAlerts|{now:yyyyMMddHHmmss}-{Guid.NewGuid():N}";
        var then = SafeguardingAlertFollowUp.For(from.AadObjectId, answer.ReportTo, local);
        foreach (var contact in team.Contacts)
        {
            var sent = await outbox.SendAsync(new OutboxMessage(batch, "alert|" + contact, Destination.Person(new BotAddress(serviceUrl, tenantId, bot), contact),
                new Activity { Attachments = [alert] }) { Urgent = true, Then = then }, cancellationToken);
            deliveries.Add(new SafeguardingDelivery(contact, sent.Outcome == SendOutcome.Queued ? SafeguardingDelivery.Queued : sent.Status.ToString()));
        }
        var reached = deliveries.Count(delivery => delivery.Delivered);
        var trying = deliveries.Count(delivery => delivery.Status == SafeguardingDelivery.Queued);
        LogTold(logger, answer.Pack, answer.Topic, reached, deliveries.Count);
        metrics.ReportRaised(answer.Pack, answer.ReportTo);
        metrics.AlertsSent(answer.Pack, deliveries);

        try
        {
            await reports.RecordAsync(new SafeguardingReport(
                answer.Pack, raisedBy, from.AadObjectId ?? from.Id ?? "", now, answer.Topic, verdict, note, deliveries), cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            // The contacts have the message either way: the member of staff must still hear whether it reached them.
            LogNotRecorded(logger, ex, answer.Pack, reached);
        }

        var told = reached == 0 && trying > 0
            ? $"Teams didn't take the alert for {answer.ReportTo} just now. I'm still trying and will tell you here if it can't get through. If it's urgent, phone or speak to {answer.ReportTo} now."
            : reached == 0
            ? $"I could not reach {answer.ReportTo} through Teams. Phone or speak to {answer.ReportTo} now."
            : reached < deliveries.Count
                ? $"Sent to {answer.ReportTo} at {local.ToString("HH:mm", CultureInfo.InvariantCulture)} ({reached} of {deliveries.Count} contacts reached)."
                : $"Sent to {answer.ReportTo} at {local.ToString("HH:mm", CultureInfo.InvariantCulture)}.";
        return AdaptiveCardInvokeResponse.Card(answerCard.Redraw(answer with { Told = told, TellFailed = reached == 0 }));
    }

    private static string VerdictWords(string verdict) => verdict switch
    {
        Verdicts.Yes => "Yes",
        Verdicts.No => "No",
        Verdicts.AskFirst => "Ask first",
        _ => "Use caution",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Safeguarding report for pack {Pack} reached {Reached} contacts but could not be recorded: storage is unavailable")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string pack, int reached);

    [LoggerMessage(Level = LogLevel.Information, Message = "Safeguarding report for pack {Pack}, topic {Topic} reached {Reached} of {Contacts} contacts")]
    private static partial void LogTold(ILogger logger, string pack, string topic, int reached, int contacts);
}
