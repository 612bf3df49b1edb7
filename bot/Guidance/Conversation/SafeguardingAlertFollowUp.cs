using System.Globalization;
using System.Text.Json;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Outgoing;

namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>
/// A safeguarding alert the outbox could not deliver, even after its retries: logged as an error (ids only, never
/// names or the note), and the member of staff who raised it is told in their 1:1 chat to contact the lead directly.
/// </summary>
public sealed partial class SafeguardingAlertFollowUp(Outbox outbox, ILogger<SafeguardingAlertFollowUp> logger) : IOutboxFollowUp
{
    public const string Name = "safeguardingAlert";

    /// <param name="raisedBy">The member of staff's Entra object id; null when Teams gave none (they cannot be messaged).</param>
    /// <param name="reportTo">Whom the alert was for, as the answer card named them.</param>
    /// <param name="raisedAt">When they pressed the button, in the trust's time zone.</param>
    public static FollowUp For(string? raisedBy, string reportTo, DateTimeOffset raisedAt) =>
        new(Name, JsonSerializer.Serialize(new Alert(raisedBy, reportTo, raisedAt.ToString("HH:mm", CultureInfo.InvariantCulture))));

    public Task DeliveredAsync(OutboxMessage message, PostedMessage posted, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task GaveUpAsync(OutboxMessage message, ConnectorStatus status, CancellationToken cancellationToken)
    {
        var alert = JsonSerializer.Deserialize<Alert>(message.Then!.Data)!;
        LogUndelivered(logger, message.Batch, status, alert.RaisedBy is not null);
        if (alert.RaisedBy is not { Length: > 0 } raisedBy)
            return;
        var text = $"Your safeguarding alert from {alert.RaisedAt} could not reach {alert.ReportTo} through Teams, even after trying again. "
            + $"Please phone or speak to {alert.ReportTo} directly now.";
        var told = await outbox.SendAsync(new OutboxMessage(message.Batch, "undelivered|" + message.Key, Destination.Person(message.To.From, raisedBy),
            new Activity { Type = ActivityTypes.Message, Text = text }) { Urgent = true }, cancellationToken);
        if (told.Outcome == SendOutcome.NotDelivered)
            LogSenderNotTold(logger, message.Batch, told.Status);
    }

    private sealed record Alert(string? RaisedBy, string ReportTo, string RaisedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Safeguarding alert {Batch} could not be delivered to one of its contacts after its retries ({Status}); telling the member of staff who raised it: {CanTell}")]
    private static partial void LogUndelivered(ILogger logger, string batch, ConnectorStatus status, bool canTell);

    [LoggerMessage(Level = LogLevel.Error, Message = "The member of staff who raised safeguarding alert {Batch} could not be told it was not delivered ({Status})")]
    private static partial void LogSenderNotTold(ILogger logger, string batch, ConnectorStatus status);
}
