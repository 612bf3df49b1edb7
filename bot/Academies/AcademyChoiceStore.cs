using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Academies;

/// <summary>
/// Owns the AcademyChoices table: the academy a member of staff chose when neither School Data Sync nor their Entra
/// attribute said, one row per person (by Entra object id).
/// </summary>
public sealed class AcademyChoiceStore(BotTables tables)
{
    public const string TableName = "AcademyChoices";
    private const string Partition = "choice";

    private readonly OwnedTable _table = new(tables, TableName);

    public async Task<string?> GetAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var row = await table.FindEntityAsync<ChoiceEntity>(Partition, TableKey.Encode(aadObjectId), cancellationToken);
        return row?.AcademyId;
    }

    public async Task SetAsync(string aadObjectId, string academyId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(new ChoiceEntity { RowKey = TableKey.Encode(aadObjectId), AcademyId = academyId }, TableUpdateMode.Replace, cancellationToken);
    }

    private sealed class ChoiceEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = Partition;
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string AcademyId { get; set; } = "";
    }
}
