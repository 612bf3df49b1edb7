using TeamsPolicyBot.Academies;

namespace TeamsPolicyBot.Approvals;

/// <summary>Who may approve a scope's requests right now (Entra object ids, lower case): its group's members, or its listed approvers.</summary>
public sealed class ApproverDirectory(GraphApprovers groups, TrustAcademies trust)
{
    public async Task<IReadOnlySet<string>> ApproversOfAsync(ApprovalScope scope, CancellationToken cancellationToken) =>
        scope.ApproverGroupId is { } groupId
            ? await groups.MembersAsync(groupId, cancellationToken)
            : scope.Approvers.ToHashSet(StringComparer.OrdinalIgnoreCase);

    public Task<IReadOnlySet<string>> ApproversOfAsync(string? academyId, CancellationToken cancellationToken) =>
        ApproversOfAsync(trust.ScopeOf(academyId), cancellationToken);

    /// <summary>Every scope (the trust's and each academy's) whose requests <paramref name="aadObjectId"/> may decide.</summary>
    public async Task<IReadOnlyList<ApprovalScope>> ScopesApprovedByAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var scopes = new List<ApprovalScope>();
        foreach (var scope in trust.All.Select(a => a.Approvals).Prepend(trust.Trust))
        {
            if ((await ApproversOfAsync(scope, cancellationToken)).Contains(aadObjectId))
                scopes.Add(scope);
        }
        return scopes;
    }
}
