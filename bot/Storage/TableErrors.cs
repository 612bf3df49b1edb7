using Azure;
using Azure.Data.Tables.Models;

namespace TeamsPolicyBot.Storage;

/// <summary>What the table service's refusals mean to a store: Azure.Data.Tables reports them all as <see cref="RequestFailedException"/>.</summary>
public static class TableErrors
{
    /// <summary>An entity with these keys already exists (HTTP 409): someone else added it first.</summary>
    public static bool IsConflict(this RequestFailedException exception) => exception.Status == 409;

    /// <summary>
    /// The entity changed (HTTP 412) or was deleted (HTTP 404 on an update) since its ETag was read: someone else got
    /// there first. Re-read and decide again.
    /// </summary>
    public static bool IsStale(this RequestFailedException exception) =>
        exception.Status == 412 || (exception.Status == 404 && !exception.IsTableMissing());

    /// <summary>The table has not been created yet (queries and writes; a point read of a missing table finds nothing).</summary>
    public static bool IsTableMissing(this RequestFailedException exception) =>
        exception.Status == 404 && exception.ErrorCode == TableErrorCode.TableNotFound.ToString();
}
