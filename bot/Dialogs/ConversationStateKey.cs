using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Dialogs;

/// <summary>
/// Where a conversation's state is stored: the conversation (a channel thread's id ends in <c>;messageid=…</c>, so
/// each thread has its own) as PartitionKey, the member of staff as RowKey. In a personal chat the member is the
/// only one, so that is one row per conversation; in group chats and channels each member has their own dialogs.
/// </summary>
internal readonly record struct ConversationStateKey(string PartitionKey, string RowKey)
{
    public static ConversationStateKey For(Activity activity)
    {
        var conversationId = activity.Conversation?.Id;
        ArgumentException.ThrowIfNullOrEmpty(conversationId, nameof(activity));
        return new(TableKey.Encode(conversationId), TableKey.Encode(activity.From?.Id ?? ""));
    }
}
