using System.ComponentModel.DataAnnotations;

namespace TeamsPolicyBot.Reminders;

/// <summary>Configuration section <c>Reminders</c>: how the annual reminder campaign is paced and followed up.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>
    /// Post the reminder in every channel of every team, as before, instead of once per team (in the channel a team
    /// owner chose with "post reminders here", otherwise General). Group chats get it either way.
    /// </summary>
    public bool EveryChannel { get; set; }

    /// <summary>Days after a campaign starts before staff who have not acknowledged get a 1:1 nudge; 0 turns nudges off.</summary>
    [Range(0, 365, ErrorMessage = "Reminders:NudgeAfterDays must be between 0 (no nudges) and 365.")]
    public int NudgeAfterDays { get; set; } = 14;

    /// <summary>
    /// Start the year's campaign on the pack's reminder date without an administrator asking. Never in development
    /// mode (no Bot:AppId), where only "start reminder campaign now" starts one.
    /// </summary>
    public bool StartOnReminderDate { get; set; } = true;

    /// <summary>How often the scheduler looks for a due campaign, unfinished deliveries and due nudges.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a campaign lease lasts unless renewed; another instance takes over a lapsed lease.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tries per channel before it is marked failed (each try already includes the connector's own retries).</summary>
    [Range(1, 20, ErrorMessage = "Reminders:MaxAttempts must be between 1 and 20.")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second try of a failed channel; doubles with each further try.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<string> Problems()
    {
        if (CheckInterval <= TimeSpan.Zero)
            yield return "Reminders:CheckInterval must be positive.";
        if (LeaseDuration < TimeSpan.FromSeconds(1))
            yield return "Reminders:LeaseDuration must be at least one second.";
        if (RetryDelay <= TimeSpan.Zero)
            yield return "Reminders:RetryDelay must be positive.";
    }
}
