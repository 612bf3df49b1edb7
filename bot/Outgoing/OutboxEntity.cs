using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Outgoing;

/// <summary>One row of the Outbox table: a message, its destination, and where its delivery stands.</summary>
public sealed class OutboxEntity : ITableEntity
{
    public const string Queued = "queued";
    public const string GaveUp = "gaveUp";

    // A table property holds at most 64 KiB; Teams refuses messages of about 28 KB anyway.
    private const int MaxBodyBytes = 64 * 1024;

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string BotId { get; set; } = "";
    public string? BotName { get; set; }
    public string To { get; set; } = "";
    public string? ActivityId { get; set; }
    public string? TeamId { get; set; }

    /// <summary>The activity as JSON; emptied when the message is given up, so no personal data stays behind.</summary>
    public byte[] Body { get; set; } = [];

    public string? FollowUp { get; set; }
    public string? FollowUpData { get; set; }
    public bool Urgent { get; set; }

    public string State { get; set; } = Queued;

    /// <summary>When it may next be sent: now, after a retry delay, or when a worker's lease on it ends.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>A worker holds it (until <see cref="DueAt"/>).</summary>
    public bool Claimed { get; set; }

    /// <summary>Which claim holds it: a worker whose claim was written but not answered (a storage timeout) knows it is its own.</summary>
    public string? ClaimId { get; set; }

    public int Attempts { get; set; }

    /// <summary>The connector's answer to the last try (<see cref="ConnectorStatus"/> and HTTP status).</summary>
    public string? LastStatus { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public static OutboxEntity From(OutboxMessage message, DateTimeOffset now)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message.Activity, ConnectorJson.Options);
        if (body.Length > MaxBodyBytes)
            throw new ArgumentException($"Message {message.Batch}/{message.Key} is {body.Length} bytes; the outbox holds at most {MaxBodyBytes}.", nameof(message));
        var to = message.To;
        return new OutboxEntity
        {
            PartitionKey = TableKey.Encode(message.Batch),
            RowKey = TableKey.Encode(message.Key),
            Kind = to.Kind,
            ServiceUrl = to.From.ServiceUrl.AbsoluteUri,
            TenantId = to.From.TenantId,
            BotId = to.From.Bot.Id ?? "",
            BotName = to.From.Bot.Name,
            To = to.To,
            ActivityId = to.ActivityId,
            TeamId = to.TeamId,
            Body = body,
            FollowUp = message.Then?.Name,
            FollowUpData = message.Then?.Data,
            Urgent = message.Urgent,
            DueAt = now,
            QueuedAt = now,
        };
    }

    public OutboxMessage ToMessage()
    {
        var from = new BotAddress(new Uri(ServiceUrl), TenantId, new ChannelAccount { Id = BotId, Name = BotName });
        var activity = JsonSerializer.Deserialize<Activity>(Body, ConnectorJson.Options)
            ?? throw new JsonException($"Outbox row {PartitionKey}/{RowKey} holds no activity.");
        return new OutboxMessage(TableKey.Decode(PartitionKey), TableKey.Decode(RowKey), new Destination(Kind, from, To, ActivityId, TeamId), activity)
        {
            Then = FollowUp is { Length: > 0 } name ? new FollowUp(name, FollowUpData ?? "") : null,
            Urgent = Urgent,
        };
    }
}
