namespace TeamsPolicyBot.Dialogs;

/// <summary>What a prompt asks. Stored with the prompt's state (as JSON) so it can ask again after a restart.</summary>
public sealed record PromptOptions
{
    /// <summary>The question, e.g. "How old is the former pupil now?".</summary>
    public required string Prompt { get; init; }

    /// <summary>Asked once more after an answer the prompt did not understand; by default "Sorry, I didn't catch that. " + the question.</summary>
    public string? RetryPrompt { get; init; }

    /// <summary>The answers offered, at most <see cref="ChoicePrompt.MaxChoices"/>.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];
}

/// <summary>
/// One answer a <see cref="ChoicePrompt"/> offers, shown as a button. Besides its text and position the user may
/// type any of its <see cref="Synonyms"/>, e.g. <c>new Choice("18 or 19") { Synonyms = ["18", "19"] }</c>.
/// </summary>
public sealed record Choice(string Value)
{
    public IReadOnlyList<string> Synonyms { get; init; } = [];
}

/// <summary>The answer a <see cref="ChoicePrompt"/> understood: the choice's text and its position (from 0).</summary>
public sealed record FoundChoice(string Value, int Index);
