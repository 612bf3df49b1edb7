using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// "export approvals [from 2026-09-01] [to 2026-12-31]", for admins only: the requests and decisions in that range
/// (by default the last twelve months) as a CSV file attachment. Trust admins (<c>Admin:Users</c>) get every request,
/// an academy's admins (<c>Academies:&lt;id&gt;:Admins</c>) their academy's.
/// </summary>
public sealed partial class ExportApprovalsCommand(ApprovalsExport export, TrustAcademies trust, TimeProvider time) : IBotCommand
{
    public bool Matches(string text) => Command().IsMatch(text.Trim());

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        var me = turn.Sender()?.Id;
        var administered = trust.AdministeredBy(me).Select(a => a.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!trust.IsTrustAdmin(me) && administered.Count == 0)
        {
            await turn.SendTextAsync("Only admins can export approvals.", cancellationToken);
            return;
        }
        var match = Command().Match(turn.Text.Trim());
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = match.Groups["from"].Success ? Date(match.Groups["from"].Value) : today.AddYears(-1);
        var to = match.Groups["to"].Success ? Date(match.Groups["to"].Value) : today;
        if (from is null || to is null || from > to)
        {
            await turn.SendTextAsync("Give real dates, the first before the second, e.g. \"export approvals from 2026-09-01 to 2026-12-31\".", cancellationToken);
            return;
        }

        var (csv, count) = await export.ExportAsync(from.Value, to.Value, trust.IsTrustAdmin(me) ? null : administered, cancellationToken);
        var name = $"approvals-{from:yyyy-MM-dd}-to-{to:yyyy-MM-dd}.csv";
        await turn.SendAsync(turn.CreateMessage() with
        {
            Text = $"{count} request(s) from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: {name}",
            Attachments =
            [
                new Attachment
                {
                    ContentType = "text/csv",
                    Name = name,
                    ContentUrl = "data:text/csv;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(csv)),
                },
            ],
        }, cancellationToken);
    }

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    [GeneratedRegex(@"^export\s+approvals(\s+(from\s+)?(?<from>\d{4}-\d{2}-\d{2}))?(\s+(to\s+)?(?<to>\d{4}-\d{2}-\d{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Command();
}
