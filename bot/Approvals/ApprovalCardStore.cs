using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Approvals;

/// <summary>Owns the ApprovalCards table: where each request's cards were posted, so every copy can be updated.</summary>
public sealed class ApprovalCardStore(BotTables tables) : CardCopyStore(tables, TableName)
{
    public const string TableName = "ApprovalCards";
}
