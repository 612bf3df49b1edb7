using Azure;
using Azure.Core;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// One entity write as an HTTP request, whether sent alone or inside a transaction:
/// Add → POST table; Upsert → PUT (replace) or PATCH (merge) without If-Match; Update → the same with
/// If-Match; Delete → DELETE with If-Match (<c>*</c> unless an ETag is given).
/// </summary>
internal sealed record TableOperation(TableTransactionActionType Type, RequestMethod Method, string Path, string? IfMatch, byte[]? Body)
{
    public bool MustExist => Type is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace;

    public static TableOperation For(string table, TableTransactionActionType type, ITableEntity entity, ETag etag)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKey.Validate(entity.PartitionKey, nameof(entity.PartitionKey));
        TableKey.Validate(entity.RowKey, nameof(entity.RowKey));

        var path = EntityPath(table, entity.PartitionKey, entity.RowKey);
        return type switch
        {
            TableTransactionActionType.Add => new(type, RequestMethod.Post, table, null, Serialize(entity)),
            TableTransactionActionType.UpsertMerge => new(type, RequestMethod.Patch, path, null, Serialize(entity)),
            TableTransactionActionType.UpsertReplace => new(type, RequestMethod.Put, path, null, Serialize(entity)),
            TableTransactionActionType.UpdateMerge => new(type, RequestMethod.Patch, path, RequiredETag(etag), Serialize(entity)),
            TableTransactionActionType.UpdateReplace => new(type, RequestMethod.Put, path, RequiredETag(etag), Serialize(entity)),
            TableTransactionActionType.Delete => new(type, RequestMethod.Delete, path, etag == default ? "*" : etag.ToString(), null),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown table action."),
        };
    }

    /// <summary><c>table(PartitionKey='…',RowKey='…')</c> with quotes doubled and the keys percent-escaped.</summary>
    public static string EntityPath(string table, string partitionKey, string rowKey) =>
        $"{table}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private static string RequiredETag(ETag etag) => etag == default
        ? throw new ArgumentException("An update needs the ETag read with the entity, or ETag.All to overwrite whatever is there.", nameof(etag))
        : etag.ToString();

    private static byte[] Serialize(ITableEntity entity) => TableEntityJson.Serialize(TableEntityMapper.ToTableEntity(entity));
}
