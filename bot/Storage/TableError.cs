using System.Text.Json;
using Azure;

namespace TeamsPolicyBot.Storage;

/// <summary>An error answer from the table service: status, its error code and the first line of its message.</summary>
internal sealed record TableError(int Status, string? Code, string Message)
{
    public const string TableNotFound = "TableNotFound";

    public static TableError From(Response response) =>
        Parse(response.Status, response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null, response.Content.ToString());

    /// <summary>Reads <c>{"odata.error":{"code":…,"message":{"value":…}}}</c>; any other body leaves just the status.</summary>
    public static TableError Parse(int status, string? headerCode, string body)
    {
        string? code = headerCode;
        var message = $"HTTP {status}";
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("odata.error", out var error))
            {
                if (error.TryGetProperty("code", out var errorCode))
                {
                    code ??= errorCode.GetString();
                }
                if (error.TryGetProperty("message", out var text) && text.TryGetProperty("value", out var value))
                {
                    // The service appends RequestId and Time lines; the first line is the explanation.
                    message = value.GetString()?.Split('\n')[0].Trim() ?? message;
                }
            }
        }
        catch (JsonException)
        {
        }
        return new TableError(status, code, message);
    }

    /// <summary>
    /// 409 → <see cref="TableConflictException"/>; 412 → <see cref="TableConcurrencyException"/>, and so is a 404 for
    /// an update (<paramref name="entityMustExist"/>): the entity was deleted since it was read. Else <see cref="TableRequestException"/>.
    /// </summary>
    public TableRequestException ToException(string table, int? failedActionIndex = null, bool entityMustExist = false)
    {
        var text = $"Table '{table}': {Message} (HTTP {Status}{(Code is null ? "" : " " + Code)})";
        return Status switch
        {
            409 => new TableConflictException(Status, Code, text, failedActionIndex),
            412 => new TableConcurrencyException(Status, Code, text, failedActionIndex),
            404 when entityMustExist && Code != TableNotFound => new TableConcurrencyException(Status, Code, text, failedActionIndex),
            _ => new TableRequestException(Status, Code, text, failedActionIndex),
        };
    }
}
