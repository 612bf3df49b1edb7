namespace TeamsPolicyBot.Reminders;

/// <summary>Configuration section <c>Admin</c>: who may run administrator commands.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Comma-separated Entra object ids of the bot's administrators.</summary>
    public string Users { get; set; } = "";

    public bool IsAdmin(string? aadObjectId) =>
        !string.IsNullOrWhiteSpace(aadObjectId)
        && Users.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(aadObjectId, StringComparer.OrdinalIgnoreCase);
}
