using System.Globalization;

namespace TeamsPolicyBot.Cards;

/// <summary>
/// Time as staff live it: the trusts are in England, so reminder dates are England's dates and every time shown to
/// staff (cards, reports, replies) is UK time, GMT or BST as the day falls.
/// </summary>
public static class StaffTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The date in England at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(Local(now).DateTime);

    /// <summary>The same time of day in England <paramref name="days"/> days later, whatever the clocks did in between.</summary>
    public static DateTimeOffset AddDays(DateTimeOffset at, int days)
    {
        var later = Local(at).DateTime.AddDays(days);
        return new DateTimeOffset(later, Zone.GetUtcOffset(later));
    }

    /// <summary>"7 December 2026".</summary>
    public static string Date(DateTimeOffset at) => Local(at).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"7 Dec 2026 14:05".</summary>
    public static string DateAndTime(DateTimeOffset at) => Local(at).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
}
