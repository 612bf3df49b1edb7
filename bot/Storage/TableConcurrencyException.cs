namespace TeamsPolicyBot.Storage;

/// <summary>
/// The entity changed or was deleted since its ETag was read (HTTP 412, or 404 on an update):
/// someone else got there first. Re-read and decide again.
/// </summary>
public sealed class TableConcurrencyException(int status, string? errorCode, string message, int? failedActionIndex = null)
    : TableRequestException(status, errorCode, message, failedActionIndex);
