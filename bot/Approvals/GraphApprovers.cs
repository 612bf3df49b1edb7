using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using TeamsPolicyBot.People;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// The users in an approvers' Entra ID group (the trust's <c>Approvals:ApproverGroupId</c> or an academy's), each
/// group remembered for <see cref="ApprovalsOptions.ApproverCacheDuration"/>.
/// </summary>
public sealed class GraphApprovers(
    GraphServiceClient graph, IOptions<ApprovalsOptions> options, TimeProvider time, ILogger<GraphApprovers> logger)
{
    private readonly ConcurrentDictionary<string, EntraGroupMembers> _groups = new(StringComparer.OrdinalIgnoreCase);

    public Task<IReadOnlySet<string>> MembersAsync(string groupId, CancellationToken cancellationToken) =>
        _groups.GetOrAdd(groupId, id => new EntraGroupMembers(graph, id, options.Value.ApproverCacheDuration, time, logger))
            .GetMembersAsync(cancellationToken);
}
