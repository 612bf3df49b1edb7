using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Outgoing;

namespace TeamsPolicyBot.Approvals;

public static class ApprovalStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
}

public static class RequestKinds
{
    public const string Post = "post";
    public const string NewAccount = "new-account";
}

/// <summary>A member of staff as the bot knows them: Entra object id and display name.</summary>
public sealed record StaffMember(string Id, string Name);

/// <summary>One line of a request as the approver reads it ("Post text": "…").</summary>
public sealed record RequestField(string Label, string Value);

/// <summary>Something the pre-check found, with the pack's clause behind it when there is one.</summary>
public sealed record PolicyNote(string Text, string? Section = null, string? Quote = null);

/// <summary>A photo sent with a post request: its id in the photo store, its file name and its card thumbnail (base64 JPEG).</summary>
public sealed record RequestPhoto(string Id, string Name, string Thumbnail);

/// <summary>Where the request was made: what the bot needs to message people later, outside any turn.</summary>
public sealed record RequestOrigin(Uri ServiceUrl, string TenantId, string BotId, string? BotName, string ConversationId)
{
    /// <summary>Where and as whom the bot posts about it.</summary>
    public BotAddress Bot => new(ServiceUrl, TenantId, new ChannelAccount { Id = BotId, Name = BotName });
}

/// <summary>A request for approval: a post on an official account, or a new official account.</summary>
public sealed record ApprovalRequest(
    string Id,
    string Kind,
    string Title,
    IReadOnlyList<RequestField> Fields,
    IReadOnlyList<PolicyNote> Warnings,
    StaffMember Requester,
    DateTimeOffset RequestedAt,
    RequestOrigin Origin)
{
    public string Status { get; init; } = ApprovalStatus.Pending;

    /// <summary>The academy whose approvers decide it; empty for the trust's (a trust-wide account, or one academy).</summary>
    public string AcademyId { get; init; } = "";

    /// <summary>Who approved, rejected or withdrew it.</summary>
    public StaffMember? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? Comment { get; init; }

    /// <summary>The photos sent with it; emptied when they are deleted (withdrawn, or the retention period after the decision).</summary>
    public IReadOnlyList<RequestPhoto> Photos { get; init; } = [];

    /// <summary>Whether the approvers have been reminded of it (at most once).</summary>
    public bool Nudged { get; init; }

    public bool IsPending => Status == ApprovalStatus.Pending;
}
