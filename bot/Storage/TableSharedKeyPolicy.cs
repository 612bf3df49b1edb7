using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// Signs each try with the Table service's Shared Key scheme:
/// <c>HMAC-SHA256(key, VERB\nContent-MD5\nContent-Type\nx-ms-date\n/account/path)</c>.
/// It runs per try, so a retry carries a fresh date.
/// </summary>
internal sealed class TableSharedKeyPolicy(string accountName, byte[] accountKey) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);

        // The canonical resource would end with ?comp=… if a request had one; no table operation here does.
        var resource = "/" + accountName + request.Uri.ToUri().AbsolutePath;

        var stringToSign = string.Join('\n',
            request.Method.Method,
            request.Headers.TryGetValue("Content-MD5", out var md5) ? md5 : "",
            request.Headers.TryGetValue("Content-Type", out var contentType) ? contentType : "",
            date,
            resource);

        var signature = Convert.ToBase64String(HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.SetValue("Authorization", $"SharedKey {accountName}:{signature}");
    }
}
