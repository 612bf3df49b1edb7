using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// The storage account's table service, shaped like Azure.Data.Tables' client of the same name.
/// Thread-safe; keep one per process.
/// </summary>
public sealed partial class TableServiceClient
{
    private const string StorageScope = "https://storage.azure.com/.default";

    private readonly TableConnection _connection;
    private readonly string _tablePrefix;

    /// <summary>Shared Key authorization from a connection string (account key, or <c>UseDevelopmentStorage=true</c>).</summary>
    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options ?? new TableClientOptions())
    {
    }

    /// <summary>Microsoft Entra authorization, e.g. a managed identity; <paramref name="endpoint"/> must be https.</summary>
    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
        : this(RequireHttps(endpoint), new BearerTokenAuthenticationPolicy(credential, StorageScope), options ?? new TableClientOptions())
    {
    }

    private TableServiceClient(StorageConnectionString connection, TableClientOptions options)
        : this(connection.TableEndpoint, new TableSharedKeyPolicy(connection.AccountName, connection.AccountKey), options)
    {
    }

    private TableServiceClient(Uri endpoint, HttpPipelinePolicy authorization, TableClientOptions options)
    {
        var pipeline = HttpPipelineBuilder.Build(options, [], [authorization], new ResponseClassifier());
        _connection = new TableConnection(pipeline, new Uri(endpoint.AbsoluteUri.TrimEnd('/')));
        _tablePrefix = options.TablePrefix;
    }

    public Uri Endpoint => _connection.Endpoint;

    /// <summary>A client for one table; the name gets <see cref="TableClientOptions.TablePrefix"/> in front.</summary>
    /// <exception cref="ArgumentException">The prefixed name is not 3–63 letters and digits starting with a letter.</exception>
    public TableClient GetTableClient(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        var name = _tablePrefix + tableName;
        if (!TableName().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid table name: use 3 to 63 letters and digits, starting with a letter.", nameof(tableName));
        }
        return new TableClient(_connection, name);
    }

    /// <summary>Lists the account's tables, following continuation tokens.</summary>
    public async IAsyncEnumerable<TableItem> QueryAsync(
        string? filter = null, int? maxPerPage = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? nextTableName = null;
        do
        {
            using var message = _connection.CreateMessage(RequestMethod.Get, "Tables");
            var uri = message.Request.Uri;
            if (filter is not null)
            {
                uri.AppendQuery("$filter", filter);
            }
            if (maxPerPage is { } top)
            {
                uri.AppendQuery("$top", top.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            if (nextTableName is not null)
            {
                uri.AppendQuery("NextTableName", nextTableName);
            }

            var response = await _connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 200)
            {
                throw TableError.From(response).ToException("Tables");
            }
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            foreach (var table in json.RootElement.GetProperty("value").EnumerateArray())
            {
                yield return new TableItem(table.GetProperty("TableName").GetString()!);
            }
            nextTableName = response.Headers.TryGetValue("x-ms-continuation-NextTableName", out var next) ? next : null;
        }
        while (nextTableName is not null);
    }

    private static Uri RequireHttps(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Scheme == Uri.UriSchemeHttps
            ? endpoint
            : throw new ArgumentException("Tokens are only sent over https; the table endpoint must start with https://.", nameof(endpoint));
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();
}
