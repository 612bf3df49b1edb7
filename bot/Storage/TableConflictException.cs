namespace TeamsPolicyBot.Storage;

/// <summary>An entity with the same PartitionKey and RowKey already exists (HTTP 409).</summary>
public sealed class TableConflictException(int status, string? errorCode, string message, int? failedActionIndex = null)
    : TableRequestException(status, errorCode, message, failedActionIndex);
