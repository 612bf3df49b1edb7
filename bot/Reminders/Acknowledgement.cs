using Azure;
using Azure.Data.Tables;

namespace TeamsPolicyBot.Reminders;

/// <summary>A member of staff pressed "I have read and understood" (partition: campaign id; row: Entra object id).</summary>
public sealed class Acknowledgement : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string AadObjectId { get; set; } = "";
    public string? Name { get; set; }
    public DateTimeOffset AcknowledgedAt { get; set; }
}
