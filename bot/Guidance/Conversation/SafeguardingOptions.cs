namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>Configuration section <c>Safeguarding</c>: who "Tell … now" on a guidance answer reaches.</summary>
public sealed class SafeguardingOptions
{
    public const string Section = "Safeguarding";

    /// <summary>
    /// The designated safeguarding lead and deputies: Entra object ids, comma-separated. When empty the answer card
    /// tells staff whom to speak to instead of offering the button.
    /// </summary>
    [ProductionSetting]
    public string Contacts { get; set; } = "";

    /// <summary>The time zone the confirmation's time is shown in ("Sent to … at 10:42").</summary>
    public string TimeZone { get; set; } = "Europe/London";

    public IReadOnlyList<string> ContactIds =>
        Contacts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The reasons the options are unusable; empty when they are fine.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var id in ContactIds.Where(id => !Guid.TryParse(id, out _)))
            yield return $"Safeguarding:Contacts must list Entra object ids (GUIDs) separated by commas; '{id}' is not one.";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return $"Safeguarding:TimeZone '{TimeZone}' is not a time zone this server knows.";
    }
}
