namespace TeamsPolicyBot.Academies;

/// <summary>Where the bot learnt which academy someone is in.</summary>
public static class AcademySources
{
    /// <summary>No academies are configured: the trust is run as one.</summary>
    public const string OneAcademy = "one-academy";

    /// <summary>Microsoft Graph's education API (School Data Sync).</summary>
    public const string SchoolRecords = "school-records";

    /// <summary>The configured Entra user attribute (<c>AcademyLookup:Attribute</c>).</summary>
    public const string Directory = "directory";

    /// <summary>The member of staff told the bot (stored in AcademyChoices).</summary>
    public const string Chosen = "chosen";

    public const string Unknown = "unknown";
}

/// <summary>The academies a member of staff works in, as far as the bot knows, and how it knows.</summary>
public sealed record StaffAcademies(IReadOnlyList<Academy> Academies, string Source)
{
    /// <summary>Whether the records decide it: then "my academy" cannot change it.</summary>
    public bool FromRecords => Source is AcademySources.SchoolRecords or AcademySources.Directory;

    public bool Includes(string? academyId) => Academies.Any(a => string.Equals(a.Id, academyId, StringComparison.OrdinalIgnoreCase));

    /// <summary>"Queen Emma's" or "Henry Box and Wood Green".</summary>
    public string Names => Academies.Count switch
    {
        0 => "",
        1 => Academies[0].Name,
        _ => string.Join(", ", Academies.SkipLast(1).Select(a => a.Name)) + " and " + Academies[^1].Name,
    };
}
