using System.ComponentModel.DataAnnotations;

namespace TeamsPolicyBot.Dialogs;

/// <summary>Conversation state and dialogs (section <c>Dialogs</c>).</summary>
public sealed class DialogOptions
{
    public const string Section = "Dialogs";

    /// <summary>A conversation left this long without a turn that changed its state starts afresh: its dialogs are forgotten.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Dialogs:IdleTimeout must be between 1 minute and 7 days.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
