using System.ComponentModel.DataAnnotations;
using TeamsPolicyBot.Academies;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>
/// Configuration section <c>Experts</c> (the name trusts know from FAQ Plus): who the policy leads are, where the
/// questions staff ask them go, when they are nudged and how long the question text is kept.
/// </summary>
public sealed class PolicyLeadsOptions
{
    public const string Section = "Experts";

    /// <summary>Entra ID group whose transitive members are the policy leads, read with Microsoft Graph.</summary>
    public string? LeadGroupId { get; set; }

    /// <summary>Comma-separated Entra object ids of the policy leads, used when no <see cref="LeadGroupId"/> is set.</summary>
    public string? Leads { get; set; }

    /// <summary>How long the group's members are remembered before Graph is asked again.</summary>
    public TimeSpan LeadCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The policy leads' channel (<c>19:…@thread.tacv2</c>); empty sends each lead the card 1:1.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The team of <see cref="ChannelId"/>, where the connector needs it.</summary>
    public string? TeamId { get; set; }

    /// <summary>A question nobody has claimed after this many hours is brought to the leads' attention once.</summary>
    [Range(0.01, 24 * 365)]
    public double NudgeAfterHours { get; set; } = 24;

    /// <summary>How often the bot looks for questions waiting too long, and for question text past its retention.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Days the question's text (and the asker's note and name) are kept; then they are deleted.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 365;

    /// <summary>The trust has leads of its own (an academy may have its own instead: <see cref="LeadScopes"/>).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(LeadGroupId) || ConfiguredLeads().Count > 0;

    public IReadOnlyList<string> ConfiguredLeads() =>
        (Leads ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => id.ToLowerInvariant()).Distinct().ToList();

    public IEnumerable<string> Problems()
    {
        foreach (var id in ConfiguredLeads().Where(id => !Guid.TryParse(id, out _)))
            yield return $"Experts:Leads: '{id}' is not an Entra object id (a GUID).";
        if (!string.IsNullOrWhiteSpace(LeadGroupId) && !Guid.TryParse(LeadGroupId, out _))
            yield return "Experts:LeadGroupId must be the Entra ID group's object id (a GUID).";
        if (!string.IsNullOrWhiteSpace(ChannelId) && !IsConfigured)
            yield return "Experts:ChannelId is set but nobody may answer there: set Experts:LeadGroupId or Experts:Leads too.";
        if (LeadCacheDuration < TimeSpan.Zero)
            yield return "Experts:LeadCacheDuration must not be negative.";
        if (CheckInterval <= TimeSpan.Zero)
            yield return "Experts:CheckInterval must be positive.";
    }

    /// <summary>An academy's channel with neither leads of its own nor the trust's to answer there.</summary>
    public IEnumerable<string> AcademyProblems(AcademiesOptions academies)
    {
        foreach (var (id, academy) in academies)
        {
            var ownLeads = !string.IsNullOrWhiteSpace(academy.LeadGroupId) || AcademySettings.ObjectIds(academy.Leads).Count > 0;
            if (!string.IsNullOrWhiteSpace(academy.ExpertsChannelId) && !ownLeads && !IsConfigured)
                yield return $"Academies:{id}:ExpertsChannelId is set but nobody may answer there: set Academies:{id}:LeadGroupId or Leads (or Experts:LeadGroupId or Experts:Leads for the trust's leads).";
        }
    }
}
