using TeamsPolicyBot.Cards;

namespace TeamsPolicyBot.Tests.Cards;

public class StaffTimeTests
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-10-24T23:30:00Z", "25 October 2026", "25 Oct 2026 00:30")] // BST
    [InlineData("2026-10-25T23:30:00Z", "25 October 2026", "25 Oct 2026 23:30")] // GMT after the clocks went back
    [InlineData("2026-03-29T00:30:00Z", "29 March 2026", "29 Mar 2026 00:30")] // GMT, before they go forward
    [InlineData("2026-03-29T01:30:00Z", "29 March 2026", "29 Mar 2026 02:30")] // BST
    public void DateAndTime_EitherSideOfAClockChange_AreUkTime(string utc, string date, string dateAndTime)
    {
        Assert.Equal(date, StaffTime.Date(At(utc)));
        Assert.Equal(dateAndTime, StaffTime.DateAndTime(At(utc)));
    }

    [Fact]
    public void AddDays_AcrossTheClocksGoingBack_KeepsTheTimeOfDayInEngland()
    {
        var nineInTheMorningBst = At("2026-10-20T08:00:00Z");

        var fortnightLater = StaffTime.AddDays(nineInTheMorningBst, 14);

        Assert.Equal(At("2026-11-03T09:00:00Z"), fortnightLater);
        Assert.Equal("3 Nov 2026 09:00", StaffTime.DateAndTime(fortnightLater));
    }
}
