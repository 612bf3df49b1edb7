using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using TeamsPolicyBot.People;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>
/// Who may answer a scope's questions right now: the members of its leads' Entra ID group (through Microsoft Graph,
/// each group remembered for <c>Experts:LeadCacheDuration</c>), or else its listed leads. Entra object ids, lower case.
/// </summary>
public sealed class LeadDirectory(
    GraphServiceClient graph, LeadScopes scopes, IOptions<PolicyLeadsOptions> options, TimeProvider time, ILogger<LeadDirectory> logger)
{
    private readonly ConcurrentDictionary<string, EntraGroupMembers> _groups = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlySet<string>> LeadsOfAsync(LeadScope scope, CancellationToken cancellationToken) =>
        scope.LeadGroupId is { } groupId
            ? await _groups.GetOrAdd(groupId, id => new EntraGroupMembers(graph, id, options.Value.LeadCacheDuration, time, logger))
                .GetMembersAsync(cancellationToken)
            : scope.Leads.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The leads of <paramref name="academyId"/>'s questions (the trust's when it has none of its own).</summary>
    public Task<IReadOnlySet<string>> LeadsOfAsync(string? academyId, CancellationToken cancellationToken) =>
        LeadsOfAsync(scopes.Of(academyId), cancellationToken);

    /// <summary>Every scope (the trust's and each academy's) whose questions <paramref name="aadObjectId"/> may answer.</summary>
    public async Task<IReadOnlyList<LeadScope>> ScopesLedByAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var led = new List<LeadScope>();
        foreach (var scope in scopes.All)
        {
            if ((await LeadsOfAsync(scope, cancellationToken)).Contains(aadObjectId))
                led.Add(scope);
        }
        return led;
    }
}
