using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// The approvers are the users in an Entra ID group (<c>Approvals:ApproverGroupId</c>), including members of nested
/// groups, read from Microsoft Graph page by page and remembered for <see cref="ApprovalsOptions.ApproverCacheDuration"/>.
/// When Graph cannot be reached the last members read are used until it can.
/// </summary>
public sealed partial class GraphApprovers(
    GraphServiceClient graph, IOptions<ApprovalsOptions> options, TimeProvider time, ILogger<GraphApprovers> logger) : IApproverDirectory
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private (IReadOnlySet<string> Members, DateTimeOffset ReadAt)? _cached;

    public async Task<IReadOnlySet<string>> GetApproversAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } members)
            return members;
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } readMeanwhile)
                return readMeanwhile;
            var read = await ReadGroupAsync(cancellationToken);
            _cached = (read, time.GetUtcNow());
            LogRead(logger, read.Count);
            return read;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && _cached is { } stale)
        {
            // Better the members read a few minutes ago than no decisions at all while Graph is unavailable.
            LogStale(logger, ex, stale.ReadAt);
            return stale.Members;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private IReadOnlySet<string>? Fresh() =>
        _cached is { } cached && time.GetUtcNow() - cached.ReadAt < options.Value.ApproverCacheDuration ? cached.Members : null;

    private async Task<IReadOnlySet<string>> ReadGroupAsync(CancellationToken cancellationToken)
    {
        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var users = graph.Groups[options.Value.ApproverGroupId].TransitiveMembers.GraphUser;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the approvers' group; using the members read at {ReadAt:o}")]
    private static partial void LogStale(ILogger logger, Exception exception, DateTimeOffset readAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Count} approvers from the Entra ID group")]
    private static partial void LogRead(ILogger logger, int count);
}
