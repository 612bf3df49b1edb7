using System.Globalization;
using System.Text;
using Azure;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// An entity group transaction on the wire: an OData <c>$batch</c> whose multipart/mixed body holds one
/// changeset with a sub-request per action, and whose answer holds one HTTP response per action, or a
/// single error response whose message starts with the failing action's index (<c>"2:The specified…"</c>).
/// </summary>
internal static class TableBatch
{
    private const string NewLine = "\r\n";

    public static (string ContentType, byte[] Body) Write(Uri endpoint, IReadOnlyList<TableOperation> operations)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        var body = new StringBuilder()
            .Append("--").Append(batch).Append(NewLine)
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append(NewLine)
            .Append(NewLine);

        foreach (var operation in operations)
        {
            body.Append("--").Append(changeset).Append(NewLine)
                .Append("Content-Type: application/http").Append(NewLine)
                .Append("Content-Transfer-Encoding: binary").Append(NewLine)
                .Append(NewLine)
                .Append(operation.Method.Method).Append(' ').Append(endpoint.AbsoluteUri.TrimEnd('/')).Append('/').Append(operation.Path)
                .Append(" HTTP/1.1").Append(NewLine)
                .Append("Accept: application/json;odata=minimalmetadata").Append(NewLine)
                .Append("DataServiceVersion: 3.0").Append(NewLine);
            if (operation.IfMatch is not null)
            {
                body.Append("If-Match: ").Append(operation.IfMatch).Append(NewLine);
            }
            if (operation.Body is null)
            {
                body.Append(NewLine);
                continue;
            }
            if (operation.Type == TableTransactionActionType.Add)
            {
                body.Append("Prefer: return-no-content").Append(NewLine);
            }
            // The JSON stays on one line: Utf8JsonWriter escapes line breaks inside strings.
            body.Append("Content-Type: ").Append(TableConnection.JsonContentType).Append(NewLine)
                .Append(NewLine)
                .Append(Encoding.UTF8.GetString(operation.Body)).Append(NewLine);
        }

        body.Append("--").Append(changeset).Append("--").Append(NewLine)
            .Append("--").Append(batch).Append("--").Append(NewLine);
        return ("multipart/mixed; boundary=" + batch, Encoding.UTF8.GetBytes(body.ToString()));
    }

    /// <summary>The sub-responses in order: status, ETag (if any) and body.</summary>
    public static IReadOnlyList<BatchPart> Read(string body)
    {
        var parts = new List<BatchPart>();
        using var reader = new StringReader(body);
        while (reader.ReadLine() is { } line)
        {
            if (!line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }
            var status = int.Parse(line.AsSpan(9, 3), CultureInfo.InvariantCulture);
            ETag? etag = null;
            string? errorCode = null;
            while (reader.ReadLine() is { Length: > 0 } header)
            {
                var colon = header.IndexOf(':');
                var name = colon > 0 ? header[..colon] : "";
                if (name.Equals("ETag", StringComparison.OrdinalIgnoreCase))
                {
                    etag = new ETag(header[(colon + 1)..].Trim());
                }
                else if (name.Equals("x-ms-error-code", StringComparison.OrdinalIgnoreCase))
                {
                    errorCode = header[(colon + 1)..].Trim();
                }
            }
            var content = new StringBuilder();
            while (reader.Peek() >= 0 && (char)reader.Peek() != '-' && reader.ReadLine() is { } contentLine)
            {
                content.Append(contentLine).Append('\n');
            }
            parts.Add(new BatchPart(status, etag, errorCode, content.ToString()));
        }
        return parts;
    }

    /// <summary>Splits off the index Azure puts in front of a failed transaction's message, e.g. <c>"2:The specified…"</c>.</summary>
    public static (int? Index, TableError Error) SplitFailedIndex(TableError error)
    {
        var colon = error.Message.IndexOf(':');
        return colon > 0 && int.TryParse(error.Message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? (index, error with { Message = error.Message[(colon + 1)..] })
            : (null, error);
    }

    internal sealed record BatchPart(int Status, ETag? ETag, string? ErrorCode, string Body);
}
