using System.Globalization;
using System.Text;
using TeamsPolicyBot.Cards;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// A report as CSV (RFC 4180): one row per member per team. Fields with quotes, commas or line breaks are quoted;
/// a field starting with = + - @ (or tab / carriage return) gets a leading apostrophe so a spreadsheet never runs it as a formula.
/// </summary>
public static class ReportCsv
{
    public static string Write(ReminderReport report)
    {
        var csv = new StringBuilder();
        Row(csv, "Team or chat", "Name", "Email", "Entra object id", "Acknowledged", "Acknowledged at (UK time)");
        foreach (var group in report.Groups)
        {
            foreach (var person in group.People)
            {
                Row(csv, group.Name, person.Name, person.Email ?? "", person.AadObjectId,
                    person.AcknowledgedAt is null ? "no" : "yes",
                    person.AcknowledgedAt is { } at ? StaffTime.Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "");
            }
        }
        return csv.ToString();
    }

    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Row(StringBuilder csv, params string[] fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }
}
