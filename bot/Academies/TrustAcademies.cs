using Microsoft.Extensions.Options;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Academies;

/// <summary>
/// The trust's academies from <c>Academies:*</c>, each with the trust-wide setting wherever its own is unset, and the
/// trust itself as the scope of trust-wide requests. With no academies configured the trust is the only scope.
/// </summary>
public sealed class TrustAcademies
{
    private readonly Dictionary<string, Academy> _byId;
    private readonly IReadOnlySet<string> _trustAdmins;

    public TrustAcademies(
        IOptions<AcademiesOptions> academies, IOptions<ApprovalsOptions> approvals, IOptions<SafeguardingOptions> safeguarding,
        IOptions<AdminOptions> admins, PolicyPack pack)
    {
        var trustApprovals = approvals.Value;
        Trust = new ApprovalScope("", pack.Trust, Blank(trustApprovals.ApproverGroupId), trustApprovals.ConfiguredApprovers(),
            Blank(trustApprovals.ChannelId), Blank(trustApprovals.TeamId));
        TrustSafeguardingContacts = AcademySettings.ObjectIds(safeguarding.Value.Contacts);
        _trustAdmins = AcademySettings.ObjectIds(admins.Value.Users).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _byId = academies.Value.ToDictionary(a => a.Key, a => Effective(a.Key, a.Value), StringComparer.OrdinalIgnoreCase);
        All = [.. _byId.Values.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>False for a trust run as one academy: nobody is asked which academy they are in.</summary>
    public bool Configured => All.Count > 0;

    /// <summary>Every academy, by name.</summary>
    public IReadOnlyList<Academy> All { get; }

    public ApprovalScope Trust { get; }

    public IReadOnlyList<string> TrustSafeguardingContacts { get; }

    public Academy? Find(string? id) => id is { Length: > 0 } && _byId.TryGetValue(id, out var academy) ? academy : null;

    /// <summary>The approvers of <paramref name="academyId"/>'s requests; the trust's for a trust-wide request.</summary>
    public ApprovalScope ScopeOf(string? academyId) => Find(academyId)?.Approvals ?? Trust;

    public bool IsTrustAdmin(string? aadObjectId) => aadObjectId is { Length: > 0 } && _trustAdmins.Contains(aadObjectId);

    /// <summary>The academies whose requests and reports <paramref name="aadObjectId"/> may see as an admin (not the trust's).</summary>
    public IReadOnlyList<Academy> AdministeredBy(string? aadObjectId) =>
        aadObjectId is { Length: > 0 } ? All.Where(a => a.Admins.Contains(aadObjectId)).ToList() : [];

    private Academy Effective(string id, AcademySettings settings)
    {
        // The channel falls back only with the approvers: an academy's requests never go to a channel of the trust's
        // approvers while the academy has approvers of its own.
        var ownApprovers = Blank(settings.ApproverGroupId) is not null || AcademySettings.ObjectIds(settings.Approvers).Count > 0;
        var approvals = ownApprovers
            ? new ApprovalScope(id, settings.Name, Blank(settings.ApproverGroupId), AcademySettings.ObjectIds(settings.Approvers),
                Blank(settings.ApprovalsChannelId), Blank(settings.ApprovalsTeamId))
            : Trust with
            {
                AcademyId = id,
                Name = settings.Name,
                ChannelId = Blank(settings.ApprovalsChannelId) ?? Trust.ChannelId,
                TeamId = Blank(settings.ApprovalsChannelId) is null ? Trust.TeamId : Blank(settings.ApprovalsTeamId),
            };
        var contacts = AcademySettings.ObjectIds(settings.SafeguardingContacts);
        return new Academy(
            id,
            settings.Name,
            settings.SchoolIdList,
            settings.AttributeValueList,
            approvals,
            settings.Accounts.Where(a => a.Trim().Length > 0).Select(a => a.Trim()).ToList(),
            contacts.Count > 0 ? contacts : TrustSafeguardingContacts,
            Blank(settings.SafeguardingLeadNames),
            AcademySettings.ObjectIds(settings.Admins).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
