namespace TeamsPolicyBot.Dialogs;

/// <summary>Where the dialog stack stands after a dialog call.</summary>
public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,

    /// <summary>The active dialog waits for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended; <see cref="DialogTurnResult.Result"/> holds what it returned.</summary>
    Complete,

    /// <summary>Every dialog was cancelled.</summary>
    Cancelled,
}

/// <param name="Result">What a completed dialog returned. Passed in memory within the turn, never stored.</param>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);
