using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// The users in an approvers' Entra ID group (the trust's <c>Approvals:ApproverGroupId</c> or an academy's),
/// including members of nested groups, read from Microsoft Graph page by page and remembered for
/// <see cref="ApprovalsOptions.ApproverCacheDuration"/>. When Graph cannot be reached the last members read are used until it can.
/// </summary>
public sealed partial class GraphApprovers(
    GraphServiceClient graph, IOptions<ApprovalsOptions> options, TimeProvider time, ILogger<GraphApprovers> logger)
{
    private readonly ConcurrentDictionary<string, Group> _groups = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlySet<string>> MembersAsync(string groupId, CancellationToken cancellationToken)
    {
        var group = _groups.GetOrAdd(groupId, _ => new Group());
        if (Fresh(group) is { } members)
            return members;
        await group.Refreshing.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(group) is { } readMeanwhile)
                return readMeanwhile;
            var read = await ReadGroupAsync(groupId, cancellationToken);
            group.Cached = (read, time.GetUtcNow());
            LogRead(logger, read.Count);
            return read;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && group.Cached is { } stale)
        {
            // Better the members read a few minutes ago than no decisions at all while Graph is unavailable.
            LogStale(logger, ex, stale.ReadAt);
            return stale.Members;
        }
        finally
        {
            group.Refreshing.Release();
        }
    }

    private IReadOnlySet<string>? Fresh(Group group) =>
        group.Cached is { } cached && time.GetUtcNow() - cached.ReadAt < options.Value.ApproverCacheDuration ? cached.Members : null;

    private async Task<IReadOnlySet<string>> ReadGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var users = graph.Groups[groupId].TransitiveMembers.GraphUser;
        var page = await users.GetAsync(request =>
        {
            request.QueryParameters.Select = ["id"];
            request.QueryParameters.Top = 999;
        }, cancellationToken);
        while (page is not null)
        {
            foreach (var user in page.Value ?? [])
            {
                if (user.Id is { Length: > 0 } id)
                    members.Add(id.ToLowerInvariant());
            }
            page = page.OdataNextLink is { Length: > 0 } next
                ? await users.WithUrl(next).GetAsync(cancellationToken: cancellationToken)
                : null;
        }
        return members;
    }

    private sealed class Group
    {
        public SemaphoreSlim Refreshing { get; } = new(1, 1);
        public (IReadOnlySet<string> Members, DateTimeOffset ReadAt)? Cached { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read an approvers' group; using the members read at {ReadAt:o}")]
    private static partial void LogStale(ILogger logger, Exception exception, DateTimeOffset readAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Count} approvers from an Entra ID group")]
    private static partial void LogRead(ILogger logger, int count);
}
