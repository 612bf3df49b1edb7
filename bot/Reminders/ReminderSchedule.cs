using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Reminders;

/// <summary>When a pack's annual reminder falls due.</summary>
public static class ReminderSchedule
{
    /// <summary>
    /// The reminder's date in <paramref name="year"/>, in England. 29 February falls on 28 February in other years.
    /// </summary>
    public static DateOnly DateIn(Reminder reminder, int year) =>
        new(year, reminder.Month, Math.Min(reminder.Day, DateTime.DaysInMonth(year, reminder.Month)));

    /// <summary>
    /// The year whose campaign is due at <paramref name="now"/>: this year once its reminder date has come in England
    /// (at midnight UK time, GMT or BST; a campaign missed on the day still starts later that year), otherwise none.
    /// </summary>
    public static int? DueYear(Reminder reminder, DateTimeOffset now)
    {
        var today = StaffTime.Today(now);
        return today >= DateIn(reminder, today.Year) ? today.Year : null;
    }
}
