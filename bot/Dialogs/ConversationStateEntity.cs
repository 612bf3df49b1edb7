using Azure;
using Azure.Data.Tables;

namespace TeamsPolicyBot.Dialogs;

/// <summary>The table row of one <see cref="ConversationState"/>.</summary>
internal sealed class ConversationStateEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The dialog stack and values as JSON.</summary>
    public string State { get; set; } = "";

    /// <summary>When a turn last changed the state, by the bot's clock (the idle timeout counts from here).</summary>
    public DateTimeOffset LastActive { get; set; }
}
