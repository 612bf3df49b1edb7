using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Approvals;

public static class AuditActions
{
    public const string Requested = "requested";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
    public const string Nudged = "nudged";
    public const string Refused = "refused";
}

/// <summary>Owns the ApprovalAudit table: every request's history, one partition per request.</summary>
public sealed class ApprovalAuditLog(BotTables tables) : AuditLog(tables, TableName)
{
    public const string TableName = "ApprovalAudit";
}
