namespace TeamsPolicyBot.PolicyLeads;

/// <summary>
/// Who answers a question and where its card goes: an academy's policy leads, or the trust's (<see cref="AcademyId"/>
/// empty) for a trust run as one academy.
/// </summary>
public sealed record LeadScope(string AcademyId, string Name, string? LeadGroupId, IReadOnlyList<string> Leads, string? ChannelId, string? TeamId)
{
    public bool IsTrust => AcademyId.Length == 0;

    /// <summary>Whether anyone is set up to answer (a group or a list).</summary>
    public bool HasLeads => LeadGroupId is not null || Leads.Count > 0;
}
