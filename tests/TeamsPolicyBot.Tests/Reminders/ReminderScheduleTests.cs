using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Reminders;

namespace TeamsPolicyBot.Tests.Reminders;

public class ReminderScheduleTests
{
    private static readonly Reminder FirstSeptember = new("1 September", 9, 1, []);

    [Theory]
    [InlineData("2026-08-31T22:59:59Z", null)]
    [InlineData("2026-08-31T23:00:00Z", 2026)]
    [InlineData("2026-12-31T23:59:59Z", 2026)]
    [InlineData("2027-01-01T00:00:00Z", null)]
    [InlineData("2027-08-31T12:00:00Z", null)]
    [InlineData("2027-09-01T08:00:00Z", 2027)]
    public void DueYear_AroundTheReminderDateInSummerTime_IsThatYearFromMidnightInEnglandToTheYearsEnd(string now, int? expected)
    {
        Assert.Equal(expected, ReminderSchedule.DueYear(FirstSeptember, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-10-24T22:59:59Z", null)] // 23:59 BST on Saturday 24 October
    [InlineData("2026-10-24T23:00:00Z", 2026)] // midnight BST: the clocks go back an hour later
    [InlineData("2026-03-28T23:59:59Z", null)] // 23:59 GMT on Saturday 28 March
    [InlineData("2026-03-29T00:00:00Z", 2026)] // midnight GMT: the clocks go forward an hour later
    public void DueYear_ReminderOnTheDayTheClocksChange_IsDueFromMidnightInEngland(string now, int? expected)
    {
        var lastSunday = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture).Month == 10
            ? new Reminder("25 October", 10, 25, [])
            : new Reminder("29 March", 3, 29, []);

        Assert.Equal(expected, ReminderSchedule.DueYear(lastSunday, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(2028, 29)]
    [InlineData(2027, 28)]
    public void DateIn_TwentyNinthOfFebruary_FallsOnTheLastDayOfFebruary(int year, int day)
    {
        var leapDay = new Reminder("29 February", 2, 29, []);

        Assert.Equal(new DateOnly(year, 2, day), ReminderSchedule.DateIn(leapDay, year));
    }
}
