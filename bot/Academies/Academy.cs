namespace TeamsPolicyBot.Academies;

/// <summary>One of the trust's schools with its settings after the fallbacks to the trust-wide ones.</summary>
public sealed record Academy(
    string Id,
    string Name,
    IReadOnlyList<string> SchoolIds,
    IReadOnlyList<string> AttributeValues,
    ApprovalScope Approvals,
    IReadOnlyList<string> OwnAccounts,
    IReadOnlyList<string> SafeguardingContacts,
    string? SafeguardingLeadNames,
    IReadOnlySet<string> Admins);

/// <summary>
/// Who decides a request and where its card goes: an academy's approvers, or the trust's (<see cref="AcademyId"/>
/// empty) for a trust-wide account or a trust with one academy.
/// </summary>
public sealed record ApprovalScope(string AcademyId, string Name, string? ApproverGroupId, IReadOnlyList<string> Approvers, string? ChannelId, string? TeamId)
{
    public bool IsTrust => AcademyId.Length == 0;
}
