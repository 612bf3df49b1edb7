using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Reminders;

/// <summary>When a pack's annual reminder falls due.</summary>
public static class ReminderSchedule
{
    /// <summary>
    /// The reminder's date in <paramref name="year"/> (UTC). 29 February falls on 28 February in other years.
    /// </summary>
    public static DateOnly DateIn(Reminder reminder, int year) =>
        new(year, reminder.Month, Math.Min(reminder.Day, DateTime.DaysInMonth(year, reminder.Month)));

    /// <summary>
    /// The year whose campaign is due at <paramref name="now"/>: this year once its reminder date has come (a
    /// campaign missed on the day still starts later that year), otherwise none.
    /// </summary>
    public static int? DueYear(Reminder reminder, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return today >= DateIn(reminder, today.Year) ? today.Year : null;
    }
}
