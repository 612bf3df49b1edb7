using Microsoft.Graph;

namespace TeamsPolicyBot.People;

/// <summary>
/// Whether someone owns a team: the owners of the team's Microsoft 365 group, read from Microsoft Graph (permission
/// GroupMember.Read.All, which the bot has for its groups already). The Bot Connector cannot tell: its member records
/// carry <c>userRole</c> user, guest or anonymous, never owner.
/// </summary>
public sealed partial class TeamOwners(GraphServiceClient graph, ILogger<TeamOwners> logger)
{
    /// <param name="groupId">The team's Entra group id (Teams' <c>aadGroupId</c>).</param>
    /// <returns>Null when Graph could not be asked.</returns>
    public async Task<bool?> IsOwnerAsync(string groupId, string aadObjectId, CancellationToken cancellationToken)
    {
        try
        {
            var owners = graph.Groups[groupId].Owners.GraphUser;
            var page = await owners.GetAsync(request =>
            {
                request.QueryParameters.Select = ["id"];
                request.QueryParameters.Top = 999;
            }, cancellationToken);
            while (page is not null)
            {
                if (page.Value?.Any(user => string.Equals(user.Id, aadObjectId, StringComparison.OrdinalIgnoreCase)) == true)
                    return true;
                page = page.OdataNextLink is { Length: > 0 } next
                    ? await owners.WithUrl(next).GetAsync(cancellationToken: cancellationToken)
                    : null;
            }
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnavailable(logger, ex, groupId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the owners of Entra ID group {GroupId}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string groupId);
}
