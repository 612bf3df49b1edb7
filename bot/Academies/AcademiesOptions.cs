namespace TeamsPolicyBot.Academies;

/// <summary>
/// Configuration section <c>Academies</c>: the trust's schools by id (<c>Academies:queen-emmas:Name</c>, …). Empty
/// means one academy: the trust-wide <c>Approvals</c>, <c>Safeguarding</c> and <c>Admin</c> settings, as before.
/// </summary>
public sealed class AcademiesOptions : Dictionary<string, AcademySettings>
{
    public const string Section = "Academies";

    public AcademiesOptions()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    public IEnumerable<string> Problems()
    {
        foreach (var (id, academy) in this)
        {
            if (!AcademySettings.IsValidId(id))
                yield return $"Academies:{id}: the id must be 1 to 40 lower-case letters, digits or hyphens (e.g. queen-emmas).";
            foreach (var problem in academy.Problems($"Academies:{id}"))
                yield return problem;
        }
        foreach (var clash in this.SelectMany(a => a.Value.SchoolIdList.Select(school => (school, id: a.Key)))
                     .GroupBy(x => x.school, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            yield return $"Academies:{clash.Last().id}:SchoolIds: school '{clash.Key}' is also given to academy '{clash.First().id}'.";
        foreach (var clash in this.SelectMany(a => a.Value.AttributeValueList.Select(value => (value, id: a.Key)))
                     .GroupBy(x => x.value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            yield return $"Academies:{clash.Last().id}:AttributeValues: '{clash.Key}' is also given to academy '{clash.First().id}'.";
    }
}

/// <summary>One academy's settings; every unset one falls back to the trust-wide setting.</summary>
public sealed class AcademySettings
{
    /// <summary>The name staff know it by ("Queen Emma's Primary School").</summary>
    public string Name { get; set; } = "";

    /// <summary>School Data Sync schools of this academy (the school's id, externalId or schoolNumber), comma-separated.</summary>
    public string SchoolIds { get; set; } = "";

    /// <summary>Values of the Entra attribute named by <c>AcademyLookup:Attribute</c> that mean this academy, comma-separated.</summary>
    public string AttributeValues { get; set; } = "";

    /// <summary>Entra ID group of this academy's approvers; else <see cref="Approvers"/>; else the trust's approvers.</summary>
    public string? ApproverGroupId { get; set; }

    /// <summary>Comma-separated Entra object ids of this academy's approvers.</summary>
    public string? Approvers { get; set; }

    /// <summary>This academy's approvers' channel; empty sends each approver the card 1:1 (or uses the trust's channel).</summary>
    public string? ApprovalsChannelId { get; set; }

    public string? ApprovalsTeamId { get; set; }

    /// <summary>This academy's DSL and deputies: Entra object ids, comma-separated.</summary>
    public string? SafeguardingContacts { get; set; }

    /// <summary>Who to name in guidance answers ("Ms Patel (DSL) or Mr Jones (deputy DSL)").</summary>
    public string? SafeguardingLeadNames { get; set; }

    /// <summary>This academy's own official accounts; empty means the trust's.</summary>
    public List<string> Accounts { get; set; } = [];

    /// <summary>Comma-separated Entra object ids of this academy's admins (they see this academy's requests and reports).</summary>
    public string? Admins { get; set; }

    /// <summary>Entra ID group of this academy's policy leads; else <see cref="Leads"/>; else the trust's (<c>Experts:*</c>).</summary>
    public string? LeadGroupId { get; set; }

    /// <summary>Comma-separated Entra object ids of this academy's policy leads.</summary>
    public string? Leads { get; set; }

    /// <summary>This academy's policy leads' channel; empty sends each lead the card 1:1 (or uses the trust's channel).</summary>
    public string? ExpertsChannelId { get; set; }

    public string? ExpertsTeamId { get; set; }

    public IReadOnlyList<string> SchoolIdList => Split(SchoolIds);

    public IReadOnlyList<string> AttributeValueList => Split(AttributeValues);

    public static IReadOnlyList<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<string> ObjectIds(string? list) => Split(list).Select(id => id.ToLowerInvariant()).Distinct().ToList();

    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 40 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public IEnumerable<string> Problems(string prefix)
    {
        if (string.IsNullOrWhiteSpace(Name))
            yield return $"{prefix}:Name is missing: give the academy's name as staff know it.";
        foreach (var (key, group) in new[] { ("ApproverGroupId", ApproverGroupId), ("LeadGroupId", LeadGroupId) })
        {
            if (!string.IsNullOrWhiteSpace(group) && !Guid.TryParse(group, out _))
                yield return $"{prefix}:{key} must be the Entra ID group's object id (a GUID).";
        }
        foreach (var (key, list) in new[] { ("Approvers", Approvers), ("SafeguardingContacts", SafeguardingContacts), ("Admins", Admins), ("Leads", Leads) })
        {
            foreach (var id in Split(list).Where(id => !Guid.TryParse(id, out _)))
                yield return $"{prefix}:{key}: '{id}' is not an Entra object id (a GUID).";
        }
        if (!string.IsNullOrWhiteSpace(ApprovalsTeamId) && string.IsNullOrWhiteSpace(ApprovalsChannelId))
            yield return $"{prefix}:ApprovalsTeamId is set but ApprovalsChannelId is not: give the channel the cards go to.";
        if (!string.IsNullOrWhiteSpace(ExpertsTeamId) && string.IsNullOrWhiteSpace(ExpertsChannelId))
            yield return $"{prefix}:ExpertsTeamId is set but ExpertsChannelId is not: give the channel the questions go to.";
    }
}
