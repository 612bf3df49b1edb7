namespace TeamsPolicyBot.Dialogs;

/// <summary>Configuration section <c>Admin</c>: who may run administrator commands (the policy lead, IT).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Comma-separated Entra object ids of the bot's administrators.</summary>
    [ProductionSetting]
    public string Users { get; set; } = "";

    public bool IsAdmin(string? aadObjectId) =>
        !string.IsNullOrWhiteSpace(aadObjectId)
        && Users.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(aadObjectId, StringComparer.OrdinalIgnoreCase);
}
