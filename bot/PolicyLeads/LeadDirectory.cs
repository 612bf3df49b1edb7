using Microsoft.Extensions.Options;
using Microsoft.Graph;
using TeamsPolicyBot.People;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>
/// Who may answer staff's questions right now: the members of <c>Experts:LeadGroupId</c> (through Microsoft Graph),
/// or else the ids in <c>Experts:Leads</c>. Entra object ids, lower case.
/// </summary>
public sealed class LeadDirectory
{
    private readonly EntraGroupMembers? _group;
    private readonly IReadOnlySet<string> _configured;

    public LeadDirectory(GraphServiceClient graph, IOptions<PolicyLeadsOptions> options, TimeProvider time, ILogger<LeadDirectory> logger)
    {
        var settings = options.Value;
        _configured = settings.ConfiguredLeads().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(settings.LeadGroupId))
            _group = new EntraGroupMembers(graph, settings.LeadGroupId, settings.LeadCacheDuration, time, logger);
    }

    public Task<IReadOnlySet<string>> GetLeadsAsync(CancellationToken cancellationToken) =>
        _group?.GetMembersAsync(cancellationToken) ?? Task.FromResult(_configured);
}
