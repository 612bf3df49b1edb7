using Azure;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// A typed entity: a class with these four members plus public read/write properties of the types
/// <see cref="TableEntity"/> supports (string, int, long, bool, double, DateTimeOffset, Guid, byte[],
/// their nullables, and enums stored by name). Mark a property <c>[IgnoreDataMember]</c> to keep it out.
/// </summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }
    string RowKey { get; set; }
    DateTimeOffset? Timestamp { get; set; }
    ETag ETag { get; set; }
}
