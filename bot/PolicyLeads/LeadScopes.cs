using Microsoft.Extensions.Options;
using TeamsPolicyBot.Academies;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>
/// Whose policy leads answer each academy's questions: the academy's own (<c>Academies:&lt;id&gt;:LeadGroupId</c> or
/// <c>Leads</c>), else the trust's (<c>Experts:*</c>). As with approvers, the channel falls back only with the leads:
/// an academy's questions never go to the trust's channel while the academy has leads of its own.
/// </summary>
public sealed class LeadScopes
{
    private readonly Dictionary<string, LeadScope> _byAcademy;

    public LeadScopes(IOptions<PolicyLeadsOptions> experts, IOptions<AcademiesOptions> academies, TrustAcademies trust)
    {
        var settings = experts.Value;
        Trust = new LeadScope("", trust.Trust.Name, Blank(settings.LeadGroupId), settings.ConfiguredLeads(), Blank(settings.ChannelId), Blank(settings.TeamId));
        _byAcademy = academies.Value.ToDictionary(a => a.Key, a => Effective(a.Key, a.Value), StringComparer.OrdinalIgnoreCase);
        All = [Trust, .. _byAcademy.Values.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public LeadScope Trust { get; }

    /// <summary>The trust's scope first, then each academy's.</summary>
    public IReadOnlyList<LeadScope> All { get; }

    /// <summary>Whether anyone at all can answer: answers offer "Ask the policy lead" only then.</summary>
    public bool AnyLeads => All.Any(s => s.HasLeads);

    /// <summary>The leads of <paramref name="academyId"/>'s questions; the trust's for a trust run as one academy.</summary>
    public LeadScope Of(string? academyId) =>
        academyId is { Length: > 0 } && _byAcademy.TryGetValue(academyId, out var scope) ? scope : Trust;

    private LeadScope Effective(string id, AcademySettings academy)
    {
        var leads = AcademySettings.ObjectIds(academy.Leads);
        var group = Blank(academy.LeadGroupId);
        if (group is not null || leads.Count > 0)
            return new LeadScope(id, academy.Name, group, leads, Blank(academy.ExpertsChannelId), Blank(academy.ExpertsTeamId));
        var ownChannel = Blank(academy.ExpertsChannelId);
        return Trust with
        {
            AcademyId = id,
            Name = academy.Name,
            ChannelId = ownChannel ?? Trust.ChannelId,
            TeamId = ownChannel is null ? Trust.TeamId : Blank(academy.ExpertsTeamId),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
