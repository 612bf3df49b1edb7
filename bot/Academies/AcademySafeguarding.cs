using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Academies;

/// <summary>Whom a member of staff's safeguarding report goes to, and how guidance names them.</summary>
/// <param name="Contacts">Entra object ids of the DSL and deputies.</param>
/// <param name="Academies">The academies whose leads these are; empty for the trust's.</param>
public sealed record SafeguardingTeam(IReadOnlyList<string> Contacts, StaffAcademies Academies, string? LeadNames)
{
    /// <summary>The pack's "report to" wording with the academy (and its leads' names): "the DSL at Queen Emma's (Ms Patel)".</summary>
    public string Name(string reportTo)
    {
        if (reportTo.Length == 0 || Academies.Academies.Count == 0)
            return reportTo;
        return LeadNames is { Length: > 0 } names ? $"{reportTo} at {Academies.Names} ({names})" : $"{reportTo} at {Academies.Names}";
    }
}

/// <summary>
/// "Tell the DSL now" reaches the DSL and deputies of the academy the member of staff works at (of each, for someone
/// in several); the trust's contacts when the academy is not known or a trust is run as one academy.
/// </summary>
public sealed class AcademySafeguarding(TrustAcademies trust, AcademyDirectory directory)
{
    /// <summary>Whether anyone at all can be told: the card offers "Tell … now" only then.</summary>
    public bool AnyContacts => trust.TrustSafeguardingContacts.Count > 0 || trust.All.Any(a => a.SafeguardingContacts.Count > 0);

    public async Task<SafeguardingTeam> ForAsync(string? aadObjectId, CancellationToken cancellationToken)
    {
        var unknown = new SafeguardingTeam(trust.TrustSafeguardingContacts, new StaffAcademies([], AcademySources.Unknown), null);
        if (!trust.Configured || aadObjectId is not { Length: > 0 } || !Guid.TryParse(aadObjectId, out _))
            return unknown;
        StaffAcademies mine;
        try
        {
            mine = await directory.ForAsync(aadObjectId, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            // A report must still reach someone: the trust's contacts, when the academy cannot be read.
            return unknown;
        }
        if (mine.Academies.Count == 0)
            return unknown;
        var names = mine.Academies.Select(a => a.SafeguardingLeadNames).OfType<string>().ToList();
        return new SafeguardingTeam(
            mine.Academies.SelectMany(a => a.SafeguardingContacts).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            mine,
            names.Count > 0 ? string.Join("; ", names) : null);
    }
}
