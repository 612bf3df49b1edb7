using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.PolicyLeads;

public static class LeadAuditActions
{
    public const string Asked = "asked";
    public const string Claimed = "claimed";
    public const string Answered = "answered";
    public const string Retired = "retired";
    public const string Nudged = "nudged";
    public const string Refused = "refused";
    public const string TextDeleted = "text-deleted";
}

/// <summary>Owns the LeadQuestionAudit table: every question's history (who asked, claimed, answered, retired; when).</summary>
public sealed class LeadQuestionAudit(BotTables tables) : AuditLog(tables, TableName)
{
    public const string TableName = "LeadQuestionAudit";
}
