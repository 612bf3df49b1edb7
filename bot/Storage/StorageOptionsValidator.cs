using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace TeamsPolicyBot.Storage;

/// <summary>Fails start-up with a clear message when the storage settings cannot work.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.BlobEndpoint is { } blobEndpoint && !(blobEndpoint.IsAbsoluteUri && blobEndpoint.Scheme == Uri.UriSchemeHttps))
            return ValidateOptionsResult.Fail("Storage:BlobEndpoint must be an https URL such as https://<account>.blob.core.windows.net.");
        if (options.TableEndpoint is { } endpoint)
        {
            return endpoint.IsAbsoluteUri && endpoint.Scheme == Uri.UriSchemeHttps
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Storage:TableEndpoint must be an https URL such as https://<account>.table.core.windows.net.");
        }
        try
        {
            // Parses only; nothing is sent.
            _ = new TableServiceClient(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            // Not the parser's message: it may quote part of the string, which could be part of a key.
            return ValidateOptionsResult.Fail(
                "Storage:ConnectionString is not a storage connection string: use UseDevelopmentStorage=true, or "
                + "DefaultEndpointsProtocol, AccountName and AccountKey (and TableEndpoint for an emulator).");
        }
    }
}
