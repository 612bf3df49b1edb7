using Azure;
using Azure.Data.Tables;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// A conversation the annual reminder goes to: a team channel or a group chat the bot is installed in, with what is
/// needed to post there later. Partition: the tenant; row: the conversation id.
/// </summary>
public sealed class ReminderTarget : ITableEntity
{
    public const string ChannelKind = "channel";
    public const string GroupChatKind = "groupChat";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ConversationId { get; set; } = "";

    /// <summary><see cref="ChannelKind"/> or <see cref="GroupChatKind"/>.</summary>
    public string Kind { get; set; } = ChannelKind;

    public string TenantId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";

    /// <summary>The bot's own account in this conversation (<c>28:…</c>), which posts there.</summary>
    public string BotId { get; set; } = "";
    public string? BotName { get; set; }

    public string? TeamId { get; set; }
    public string? TeamName { get; set; }
    public string? TeamAadGroupId { get; set; }

    /// <summary>The channel's or group chat's name; Teams gives the General channel none.</summary>
    public string? Name { get; set; }

    /// <summary>The bot was uninstalled, the channel deleted, or the connector answered 403/404.</summary>
    public bool Removed { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
