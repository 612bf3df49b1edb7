namespace TeamsPolicyBot.Academies;

/// <summary>Configuration section <c>AcademyLookup</c>: how the bot finds which academy a member of staff works in.</summary>
public sealed class AcademyLookupOptions
{
    public const string Section = "AcademyLookup";

    public static readonly IReadOnlyList<string> Attributes = ["companyName", "department", "officeLocation"];

    /// <summary>The Entra user attribute whose value says the academy (see <c>Academies:&lt;id&gt;:AttributeValues</c>); empty: not used.</summary>
    public string Attribute { get; set; } = "";

    /// <summary>How long what Microsoft Graph said about a member of staff is remembered.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<string> Problems()
    {
        if (Attribute.Length > 0 && !Attributes.Contains(Attribute, StringComparer.Ordinal))
            yield return $"AcademyLookup:Attribute '{Attribute}' must be one of {string.Join(", ", Attributes)}.";
        if (CacheDuration < TimeSpan.Zero)
            yield return "AcademyLookup:CacheDuration must not be negative.";
    }
}
