using Microsoft.Extensions.Options;

namespace TeamsPolicyBot.Storage;

/// <summary>Fails start-up with a clear message when the storage settings cannot work.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.TableEndpoint is { } endpoint)
        {
            return endpoint.IsAbsoluteUri && endpoint.Scheme == Uri.UriSchemeHttps
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Storage:TableEndpoint must be an https URL such as https://<account>.table.core.windows.net.");
        }
        try
        {
            StorageConnectionString.Parse(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            // The parser's messages name the missing or malformed setting, never its value.
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not usable: {ex.Message}");
        }
    }
}
