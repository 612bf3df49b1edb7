namespace TeamsPolicyBot.Storage;

/// <summary>
/// Table storage could not be reached, timed out, or kept failing after the bounded retries.
/// The message is safe to log (no keys, no entity data); the user should simply be asked to try again.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
