using System.Text;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// Requests and their decisions as CSV (RFC 4180) for the policy lead. Fields with commas, quotes or line breaks are
/// quoted; a field starting with = + - @ (or a tab or carriage return) gets a leading apostrophe so a spreadsheet
/// shows it as text instead of running it as a formula.
/// </summary>
public static class ApprovalsCsv
{
    private static readonly string[] Header =
    [
        "Request id", "Type", "Title", "Status", "Requested by", "Requested at (UTC)",
        "Decided by", "Decided at (UTC)", "Comment", "Details", "Warnings", "Academy",
    ];

    public static string Write(IEnumerable<ApprovalRequest> requests)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var r in requests)
        {
            Line(csv,
            [
                r.Id,
                r.Kind == RequestKinds.NewAccount ? "New account" : "Post",
                r.Title,
                r.Status,
                r.Requester.Name,
                Timestamp(r.RequestedAt),
                r.DecidedBy?.Name ?? "",
                Timestamp(r.DecidedAt),
                r.Comment ?? "",
                string.Join("\n", r.Fields.Select(f => $"{f.Label}: {f.Value}")),
                string.Join("\n", r.Warnings.Select(w => w.Text)),
                r.AcademyId.Length > 0 ? r.AcademyId : "trust-wide",
            ]);
        }
        return csv.ToString();
    }

    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Line(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    private static string Timestamp(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
