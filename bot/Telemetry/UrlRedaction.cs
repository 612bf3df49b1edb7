using System.Text.RegularExpressions;

namespace TeamsPolicyBot.Telemetry;

/// <summary>
/// URLs as telemetry may show them: the path's shape without the ids in it, and no query. Bot Connector paths hold
/// conversation and activity ids (<c>/v3/conversations/a:1xyz…/activities/17…</c>), table paths hold partition and row
/// keys (Entra object ids, conversation ids), and a query may hold a token. What stays: the scheme, host, port, and each
/// path segment that is a plain word (<c>v3</c>, <c>conversations</c>, <c>devstoreaccount1</c>, a table name);
/// anything else becomes <c>{id}</c>, and a table entity's key list becomes <c>(…)</c>.
/// </summary>
public static partial class UrlRedaction
{
    public const string Id = "{id}";

    /// <summary>An absolute or relative URL, redacted; text that is no URL at all is returned as <see cref="Id"/>.</summary>
    public static string Redact(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            return $"{absolute.Scheme}://{absolute.Authority}{RedactPath(absolute.AbsolutePath)}";
        return url.StartsWith('/') ? RedactPath(url) : Id;
    }

    /// <summary>A path (query and fragment dropped) with every segment that is not a plain word replaced.</summary>
    public static string RedactPath(string path)
    {
        var end = path.IndexOfAny(['?', '#']);
        var segments = (end < 0 ? path : path[..end]).Split('/');
        for (var i = 0; i < segments.Length; i++)
            segments[i] = RedactSegment(segments[i]);
        return string.Join('/', segments);
    }

    private static string RedactSegment(string segment)
    {
        if (segment.Length == 0 || PlainWord().IsMatch(segment))
            return segment;
        // A table entity or query: Table(PartitionKey='…',RowKey='…') or Table().
        var match = TableAddress().Match(segment);
        return match.Success ? match.Groups["table"].Value + (match.Groups["keys"].Length > 0 ? "(…)" : "()") : Id;
    }

    /// <summary>
    /// A letter, then letters, digits and dots: <c>v3</c>, <c>v1.0</c>, <c>Tables</c>, <c>$batch</c>, a table name. No
    /// Teams id (they carry a colon), GUID (dashes), activity id (starts with a digit) or escaped key matches.
    /// </summary>
    [GeneratedRegex(@"^\$?[A-Za-z][A-Za-z0-9.]{0,62}$")]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"^(?<table>[A-Za-z][A-Za-z0-9]{0,62})\((?<keys>.*)\)$")]
    private static partial Regex TableAddress();
}
