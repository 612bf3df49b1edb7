using System.Diagnostics.Metrics;
using TeamsPolicyBot.Telemetry;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// What a trust's IT lead charts about the annual reminder: posts delivered or not, and acknowledgements. Tagged by
/// campaign id (one per pack and year, e.g. <c>fierte-2026</c>) and a fixed outcome word.
/// </summary>
public sealed class ReminderMetrics
{
    public const string Delivered = "delivered";

    /// <summary>Teams answered 403 or 404: the bot was removed from that channel or chat, or it no longer exists.</summary>
    public const string Removed = "removed";

    /// <summary>Still failing after <see cref="ReminderOptions.MaxAttempts"/>.</summary>
    public const string Failed = "failed";

    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _acknowledged;

    public ReminderMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryExtensions.MeterName);
        _deliveries = meter.CreateCounter<long>("policybot.reminders.deliveries", "{post}",
            "Reminder posts to channels and chats that reached an end, by campaign and outcome (delivered, removed, failed).");
        _acknowledged = meter.CreateCounter<long>("policybot.reminders.acknowledged", "{acknowledgement}",
            "Staff who pressed \"I have read and understood\" for the first time, by campaign.");
    }

    public void DeliveryEnded(string campaignId, string outcome) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("campaign", campaignId), new("outcome", outcome));

    public void Acknowledged(string campaignId) => _acknowledged.Add(1, new KeyValuePair<string, object?>("campaign", campaignId));
}
