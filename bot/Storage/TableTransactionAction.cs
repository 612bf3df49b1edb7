using Azure;

namespace TeamsPolicyBot.Storage;

public enum TableTransactionActionType
{
    Add,
    UpdateMerge,
    UpdateReplace,
    Delete,
    UpsertMerge,
    UpsertReplace,
}

/// <summary>
/// One step of <see cref="TableClient.SubmitTransactionAsync"/>. Updates need an <paramref name="ETag"/>
/// (<see cref="ETag.All"/> for unconditional); a Delete without one is unconditional.
/// </summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, ITableEntity Entity, ETag ETag = default);
