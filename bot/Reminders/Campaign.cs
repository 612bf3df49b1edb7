using Azure;
using Azure.Data.Tables;

namespace TeamsPolicyBot.Reminders;

/// <summary>One trust's reminder for one year (id <c>&lt;pack&gt;-&lt;year&gt;</c>): it is started at most once.</summary>
public sealed class Campaign : ITableEntity
{
    public const string Partition = "campaign";

    public const string Preparing = "preparing";
    public const string Sending = "sending";
    public const string Complete = "complete";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Pack { get; set; } = "";
    public int Year { get; set; }

    /// <summary><see cref="Preparing"/> (listing its channels), <see cref="Sending"/> or <see cref="Complete"/>.</summary>
    public string Status { get; set; } = Preparing;

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The administrator's Entra object id, or "schedule".</summary>
    public string StartedBy { get; set; } = "";

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>When staff who had not acknowledged were nudged.</summary>
    public DateTimeOffset? NudgedAt { get; set; }

    public string Id => RowKey;

    public static string IdFor(string pack, int year) => $"{pack}-{year}";
}

/// <summary>
/// One channel or group chat of a campaign (partition: the campaign id). A post is recorded as
/// <see cref="Attempting"/> before it is sent and <see cref="Sent"/> once the connector accepted it.
/// </summary>
public sealed class Delivery : ITableEntity
{
    public const string Pending = "pending";
    public const string Attempting = "attempting";
    public const string Sent = "sent";
    public const string Inactive = "inactive";
    public const string Failed = "failed";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ConversationId { get; set; } = "";
    public string Kind { get; set; } = ReminderTarget.ChannelKind;
    public string TenantId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string BotId { get; set; } = "";
    public string? BotName { get; set; }
    public string? TeamId { get; set; }
    public string? TeamName { get; set; }
    public string? Name { get; set; }

    public string Status { get; set; } = Pending;
    public int Attempts { get; set; }

    /// <summary>The id Teams gave the posted card.</summary>
    public string? ActivityId { get; set; }

    public int? LastHttpStatus { get; set; }

    /// <summary>When a pending delivery may be tried again (after a failure).</summary>
    public DateTimeOffset? NotBefore { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static Delivery For(string campaignId, ReminderTarget target) => new()
    {
        PartitionKey = campaignId,
        RowKey = target.RowKey,
        ConversationId = target.ConversationId,
        Kind = target.Kind,
        TenantId = target.TenantId,
        ServiceUrl = target.ServiceUrl,
        BotId = target.BotId,
        BotName = target.BotName,
        TeamId = target.TeamId,
        TeamName = target.TeamName,
        Name = target.Name,
    };
}
