using TeamsPolicyBot.Reminders;

namespace TeamsPolicyBot.Tests.Reminders;

public class ReportCsvTests
{
    [Theory]
    [InlineData("Sam Taylor", "Sam Taylor")]
    [InlineData("Taylor, Sam", "\"Taylor, Sam\"")]
    [InlineData("Sam \"Tay\" Taylor", "\"Sam \"\"Tay\"\" Taylor\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+44 1234", "'+44 1234")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("", "")]
    public void Field_AnyText_IsSafeForSpreadsheets(string value, string expected)
    {
        Assert.Equal(expected, ReportCsv.Field(value));
    }

    [Fact]
    public void Write_Report_OneRowPerMemberWithTeamAndAcknowledgementInUkTime()
    {
        var campaign = new Campaign { RowKey = "trinity-2026", StartedAt = DateTimeOffset.UnixEpoch };
        var acknowledgedAt = new DateTimeOffset(2026, 9, 3, 8, 15, 0, TimeSpan.Zero);
        var report = new ReminderReport(campaign, new Dictionary<string, int>(),
        [
            new ReportGroup("Staff, Oakfield", false,
            [
                new ReportPerson("Sam Taylor", "aad-1", "sam@school.example", acknowledgedAt),
                new ReportPerson("=cmd", "aad-2", null, null),
            ]),
        ], Nudged: 0);

        var lines = ReportCsv.Write(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
        [
            "Team or chat,Name,Email,Entra object id,Acknowledged,Acknowledged at (UK time)",
            "\"Staff, Oakfield\",Sam Taylor,sam@school.example,aad-1,yes,2026-09-03 09:15",
            "\"Staff, Oakfield\",'=cmd,,aad-2,no,",
        ], lines);
    }
}
