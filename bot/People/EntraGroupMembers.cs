using Microsoft.Graph;

namespace TeamsPolicyBot.People;

/// <summary>
/// The users in an Entra ID group, including members of nested groups, read from Microsoft Graph page by page and
/// remembered for <c>cacheDuration</c>: the approvers' group, the policy leads' group. When Graph cannot be reached
/// the last members read are used until it can.
/// </summary>
public sealed partial class EntraGroupMembers(
    GraphServiceClient graph, string groupId, TimeSpan cacheDuration, TimeProvider time, ILogger logger)
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private (IReadOnlySet<string> Members, DateTimeOffset ReadAt)? _cached;

    /// <returns>Entra object ids, lower case.</returns>
    public async Task<IReadOnlySet<string>> GetMembersAsync(CancellationToken cancellationToken)
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
            LogRead(logger, read.Count, groupId);
            return read;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && _cached is { } stale)
        {
            // Better the members read a few minutes ago than nobody at all while Graph is unavailable.
            LogStale(logger, ex, groupId, stale.ReadAt);
            return stale.Members;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private IReadOnlySet<string>? Fresh() =>
        _cached is { } cached && time.GetUtcNow() - cached.ReadAt < cacheDuration ? cached.Members : null;

    private async Task<IReadOnlySet<string>> ReadGroupAsync(CancellationToken cancellationToken)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read Entra ID group {GroupId}; using the members read at {ReadAt:o}")]
    private static partial void LogStale(ILogger logger, Exception exception, string groupId, DateTimeOffset readAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Count} members of Entra ID group {GroupId}")]
    private static partial void LogRead(ILogger logger, int count, string groupId);
}
