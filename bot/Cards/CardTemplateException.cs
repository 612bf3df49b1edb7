namespace TeamsPolicyBot.Cards;

/// <summary>
/// A card template that cannot be loaded (unsupported syntax, unknown function, missing file) or
/// cannot be bound to the data it was given. The message names the card and the place in it.
/// </summary>
public sealed class CardTemplateException(string message, Exception? innerException = null)
    : Exception(message, innerException);
