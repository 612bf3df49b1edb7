using Azure;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// The table service answered but refused the request (bad input, missing table, authorization...).
/// Derives from <see cref="RequestFailedException"/> as Azure.Data.Tables' errors do.
/// </summary>
public class TableRequestException(int status, string? errorCode, string message, int? failedActionIndex = null)
    : RequestFailedException(status, message, errorCode, null)
{
    /// <summary>For a failed <see cref="TableClient.SubmitTransactionAsync"/>: the index of the action that failed.</summary>
    public int? FailedActionIndex { get; } = failedActionIndex;
}
