using Microsoft.Extensions.Options;
using Microsoft.Graph;
using TeamsPolicyBot.People;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// The approvers are the users in an Entra ID group (<c>Approvals:ApproverGroupId</c>), remembered for
/// <see cref="ApprovalsOptions.ApproverCacheDuration"/>.
/// </summary>
public sealed class GraphApprovers(
    GraphServiceClient graph, IOptions<ApprovalsOptions> options, TimeProvider time, ILogger<GraphApprovers> logger) : IApproverDirectory
{
    private readonly EntraGroupMembers _group = new(graph, options.Value.ApproverGroupId!, options.Value.ApproverCacheDuration, time, logger);

    public Task<IReadOnlySet<string>> GetApproversAsync(CancellationToken cancellationToken) => _group.GetMembersAsync(cancellationToken);
}
