using System.ComponentModel.DataAnnotations;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// Where the bot keeps its tables. Locally a connection string (Azurite by default); in Azure set
/// <see cref="TableEndpoint"/> and the bot signs in with its managed identity instead, ignoring the
/// connection string.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A storage connection string with an account key, or <c>UseDevelopmentStorage=true</c>.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>e.g. <c>https://trustbot.table.core.windows.net</c>; when set, managed identity is used.</summary>
    [ProductionSetting]
    public Uri? TableEndpoint { get; set; }

    /// <summary>e.g. <c>https://trustbot.blob.core.windows.net</c>, for the approval photos; when set, managed identity is used.</summary>
    [ProductionSetting]
    public Uri? BlobEndpoint { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty means the system-assigned one.</summary>
    [ProductionSetting]
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Put in front of every table name, so tests and side-by-side deployments never share tables.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,39}$",
        ErrorMessage = "Storage:TablePrefix must be letters and digits, start with a letter and be at most 40 characters.")]
    public string TablePrefix { get; set; } = "";
}
