using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// One table, shaped like Azure.Data.Tables' <c>TableClient</c>. Keys are checked before anything is sent
/// (<see cref="TableKey"/>); unreachable storage throws <see cref="StorageUnavailableException"/>.
/// </summary>
public sealed class TableClient
{
    /// <summary>The most keys <see cref="GetEntitiesAsync"/> reads at once: two comparisons each, of the 15 a filter may hold.</summary>
    public const int MaxKeysPerQuery = 7;

    private const string TableAlreadyExists = "TableAlreadyExists";

    private readonly TableConnection _connection;

    internal TableClient(TableConnection connection, string name)
    {
        _connection = connection;
        Name = name;
    }

    /// <summary>The table's name in the account, prefix included.</summary>
    public string Name { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _connection.CreateMessage(RequestMethod.Post, "Tables");
        message.Request.Headers.Add("Prefer", "return-no-content");
        SetJson(message, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));

        var response = await _connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204)
        {
            return;
        }
        var error = TableError.From(response);
        if (response.Status != 409 || error.Code != TableAlreadyExists)
        {
            throw error.ToException(Name);
        }
    }

    /// <summary>The entity, or null when there is none with these keys.</summary>
    /// <param name="select">Only these properties, and the ETag: name PartitionKey and RowKey too if they are needed.</param>
    public async Task<T?> GetEntityAsync<T>(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        TableKey.Validate(partitionKey, nameof(partitionKey));
        TableKey.Validate(rowKey, nameof(rowKey));
        using var message = _connection.CreateMessage(RequestMethod.Get, TableOperation.EntityPath(Name, partitionKey, rowKey));
        if (select is not null)
        {
            message.Request.Uri.AppendQuery("$select", string.Join(',', select));
        }

        var response = await _connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 200)
        {
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            return TableEntityMapper.FromTableEntity<T>(TableEntityJson.Deserialize(json.RootElement));
        }
        var error = TableError.From(response);
        return response.Status == 404 && error.Code != TableError.TableNotFound ? null : throw error.ToException(Name);
    }

    /// <summary>
    /// The entities with these keys that exist, in one query. The Table service allows 15 comparisons in a filter, so
    /// that is at most <see cref="MaxKeysPerQuery"/> keys.
    /// </summary>
    public async Task<IReadOnlyList<T>> GetEntitiesAsync<T>(
        IReadOnlyCollection<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count is 0 or > MaxKeysPerQuery)
        {
            throw new ArgumentException($"One query reads 1 to {MaxKeysPerQuery} keys, not {keys.Count}.", nameof(keys));
        }
        foreach (var (partitionKey, rowKey) in keys)
        {
            TableKey.Validate(partitionKey, nameof(keys));
            TableKey.Validate(rowKey, nameof(keys));
        }
        var filter = string.Join(" or ", keys.Select(key => TableFilter.Create($"(PartitionKey eq {key.PartitionKey} and RowKey eq {key.RowKey})")));
        var entities = new List<T>(keys.Count);
        await foreach (var entity in QueryAsync<T>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entities.Add(entity);
        }
        return entities;
    }

    /// <returns>The new entity's ETag.</returns>
    /// <exception cref="TableConflictException">An entity with these keys already exists.</exception>
    public Task<ETag> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default) where T : ITableEntity =>
        WriteAsync(TableTransactionActionType.Add, entity, default, cancellationToken);

    /// <summary>Inserts, or overwrites whatever is stored (merging properties unless <see cref="TableUpdateMode.Replace"/>).</summary>
    /// <returns>The entity's new ETag.</returns>
    public Task<ETag> UpsertEntityAsync<T>(
        T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) where T : ITableEntity =>
        WriteAsync(mode == TableUpdateMode.Replace ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.UpsertMerge,
            entity, default, cancellationToken);

    /// <summary>Changes an existing entity only if it still has <paramref name="ifMatch"/> (<see cref="ETag.All"/>: any version).</summary>
    /// <returns>The entity's new ETag.</returns>
    /// <exception cref="TableConcurrencyException">The entity changed or was deleted since that ETag was read.</exception>
    public Task<ETag> UpdateEntityAsync<T>(
        T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        WriteAsync(mode == TableUpdateMode.Replace ? TableTransactionActionType.UpdateReplace : TableTransactionActionType.UpdateMerge,
            entity, ifMatch, cancellationToken);

    /// <summary>
    /// Deletes the entity; with <paramref name="ifMatch"/> only if it still has that ETag. An entity that is already
    /// gone is not an error: the outcome the caller wanted holds.
    /// </summary>
    /// <exception cref="TableConcurrencyException">The entity changed since <paramref name="ifMatch"/> was read.</exception>
    public async Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        var operation = TableOperation.For(Name, TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ifMatch);
        var response = await SendAsync(operation, cancellationToken).ConfigureAwait(false);
        if (response.Status == 204)
        {
            return;
        }
        var error = TableError.From(response);
        if (response.Status != 404 || error.Code == TableError.TableNotFound)
        {
            throw error.ToException(Name);
        }
    }

    /// <summary>
    /// Every entity matching <paramref name="filter"/> (build it with <see cref="TableFilter.Create"/>), page by page,
    /// following the service's continuation tokens. <paramref name="maxPerPage"/> caps a page (at most 1,000), not the total.
    /// </summary>
    public async IAsyncEnumerable<T> QueryAsync<T>(
        string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var columns = select is null ? null : string.Join(',', select);
        (string? PartitionKey, string? RowKey) next = (null, null);
        do
        {
            using var message = _connection.CreateMessage(RequestMethod.Get, Name + "()");
            var uri = message.Request.Uri;
            AppendQueryIfSet(uri, "$filter", filter);
            AppendQueryIfSet(uri, "$top", maxPerPage?.ToString(CultureInfo.InvariantCulture));
            AppendQueryIfSet(uri, "$select", columns);
            AppendQueryIfSet(uri, "NextPartitionKey", next.PartitionKey);
            AppendQueryIfSet(uri, "NextRowKey", next.RowKey);

            var response = await _connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 200)
            {
                throw TableError.From(response).ToException(Name);
            }
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            foreach (var row in json.RootElement.GetProperty("value").EnumerateArray())
            {
                yield return TableEntityMapper.FromTableEntity<T>(TableEntityJson.Deserialize(row));
            }
            next = (Header(response, "x-ms-continuation-NextPartitionKey"), Header(response, "x-ms-continuation-NextRowKey"));
        }
        while (next.PartitionKey is not null);
    }

    /// <summary>
    /// Applies up to 100 actions on entities of one partition all together or not at all.
    /// A failing action throws the same exception it would alone, with <see cref="TableRequestException.FailedActionIndex"/>
    /// set; then nothing was applied. Unlike <see cref="DeleteEntityAsync"/>, deleting a missing entity fails the transaction.
    /// </summary>
    /// <returns>Each action's new ETag, in order (default for deletes).</returns>
    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var steps = actions.ToList();
        var operations = steps.Select(a => TableOperation.For(Name, a.ActionType, a.Entity, a.ETag)).ToList();
        var entities = steps.Select(a => a.Entity).ToList();
        if (operations.Count is 0 or > 100)
        {
            throw new ArgumentException($"A transaction holds 1 to 100 actions, not {operations.Count}.", nameof(actions));
        }
        if (entities.Any(e => e.PartitionKey != entities[0].PartitionKey))
        {
            throw new ArgumentException("All actions in a transaction must share one PartitionKey.", nameof(actions));
        }
        if (entities.DistinctBy(e => e.RowKey, StringComparer.Ordinal).Count() != entities.Count)
        {
            throw new ArgumentException("An entity may appear only once in a transaction.", nameof(actions));
        }

        var (contentType, body) = TableBatch.Write(_connection.Endpoint, operations);
        using var message = _connection.CreateMessage(RequestMethod.Post, "$batch");
        message.Request.Headers.Add("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await _connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 202)
        {
            throw TableError.From(response).ToException(Name);
        }

        var parts = TableBatch.Read(response.Content.ToString());
        if (parts.FirstOrDefault(p => p.Status >= 300) is { } failed)
        {
            var (index, error) = TableBatch.SplitFailedIndex(TableError.Parse(failed.Status, failed.ErrorCode, failed.Body));
            var mustExist = index is { } i && i < operations.Count && operations[i].MustExist;
            throw error.ToException(Name, index, mustExist);
        }
        if (parts.Count != operations.Count)
        {
            throw new TableRequestException(response.Status, null,
                $"Table '{Name}': the transaction's answer had {parts.Count} responses for {operations.Count} actions.");
        }
        return parts.Select(p => p.ETag ?? default).ToList();
    }

    private async Task<ETag> WriteAsync(TableTransactionActionType type, ITableEntity entity, ETag ifMatch, CancellationToken cancellationToken)
    {
        var operation = TableOperation.For(Name, type, entity, ifMatch);
        var response = await SendAsync(operation, cancellationToken).ConfigureAwait(false);
        return response.Status is 201 or 204
            ? response.Headers.ETag ?? default
            : throw TableError.From(response).ToException(Name, entityMustExist: operation.MustExist);
    }

    private async Task<Response> SendAsync(TableOperation operation, CancellationToken cancellationToken)
    {
        using var message = _connection.CreateMessage(operation.Method, operation.Path);
        if (operation.IfMatch is not null)
        {
            message.Request.Headers.Add("If-Match", operation.IfMatch);
        }
        if (operation.Type == TableTransactionActionType.Add)
        {
            message.Request.Headers.Add("Prefer", "return-no-content");
        }
        if (operation.Body is not null)
        {
            SetJson(message, operation.Body);
        }
        return await _connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private static void SetJson(HttpMessage message, byte[] json)
    {
        message.Request.Headers.Add("Content-Type", TableConnection.JsonContentType);
        message.Request.Content = RequestContent.Create(json);
    }

    private static void AppendQueryIfSet(RequestUriBuilder uri, string name, string? value)
    {
        if (value is not null)
        {
            uri.AppendQuery(name, value);
        }
    }

    private static string? Header(Response response, string name) => response.Headers.TryGetValue(name, out var value) ? value : null;
}
