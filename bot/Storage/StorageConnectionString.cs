namespace TeamsPolicyBot.Storage;

/// <summary>The parts of a storage connection string the table client needs: where, and which account key.</summary>
internal sealed record StorageConnectionString(Uri TableEndpoint, string AccountName, byte[] AccountKey)
{
    // The emulator's published, well-known development account; not a secret.
    internal const string DevelopmentAccountName = "devstoreaccount1";
    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly Uri DevelopmentTableEndpoint = new("http://127.0.0.1:10002/devstoreaccount1");

    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=');
            if (equals <= 0)
            {
                // Echo only the setting's position: the segment could be part of a key.
                throw new FormatException("The storage connection string has a part that is not Name=Value.");
            }
            parts[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var useDevelopment) && useDevelopment)
        {
            return new(DevelopmentTableEndpoint, DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey));
        }

        var accountName = Required(parts, "AccountName");
        var accountKey = Required(parts, "AccountKey");
        byte[] key;
        try
        {
            key = Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            throw new FormatException("The storage connection string's AccountKey is not valid base64.");
        }

        return new(TableEndpointOf(parts, accountName), accountName, key);
    }

    private static Uri TableEndpointOf(Dictionary<string, string> parts, string accountName)
    {
        if (parts.TryGetValue("TableEndpoint", out var explicitEndpoint))
        {
            if (!Uri.TryCreate(explicitEndpoint.TrimEnd('/'), UriKind.Absolute, out var endpoint))
            {
                throw new FormatException("The storage connection string's TableEndpoint is not an absolute URL.");
            }
            return endpoint;
        }
        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new Uri($"{protocol}://{accountName}.table.{suffix}");
    }

    private static string Required(Dictionary<string, string> parts, string name) =>
        parts.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException(
                $"The storage connection string has no {name}. Use UseDevelopmentStorage=true, or AccountName, AccountKey "
                + "and optionally TableEndpoint (shared access signatures are not supported).");
}
