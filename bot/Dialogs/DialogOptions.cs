using System.ComponentModel.DataAnnotations;

namespace TeamsPolicyBot.Dialogs;

/// <summary>Conversation state and dialogs (section <c>Dialogs</c>).</summary>
public sealed class DialogOptions
{
    public const string Section = "Dialogs";

    /// <summary>A conversation left this long without a turn that changed its state starts afresh: its dialogs are forgotten.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Dialogs:IdleTimeout must be between 1 minute and 7 days.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often state left idle past <see cref="IdleTimeout"/> is deleted (by one instance of the bot).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Dialogs:SweepInterval must be between 1 second and 1 day.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Most conversation state reads out at once; the reads that arrive meanwhile wait and share queries of up to seven
    /// rows (<see cref="Storage.CoalescingReader{T}"/>). Four point reads out at once is about 500 message turns a
    /// second against Azure Table Storage; a query over several conversations is a scan of this (small) table. A number
    /// above the turns ever in flight (e.g. 100000) never coalesces: every load is a point read.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "Dialogs:StateReadsInFlight must be at least 1.")]
    public int StateReadsInFlight { get; set; } = 4;
}
