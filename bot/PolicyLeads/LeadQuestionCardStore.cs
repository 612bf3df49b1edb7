using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>Owns the LeadQuestionCards table: where each question's cards were posted, so every copy can be updated.</summary>
public sealed class LeadQuestionCardStore(BotTables tables) : CardCopyStore(tables, TableName)
{
    public const string TableName = "LeadQuestionCards";
}
