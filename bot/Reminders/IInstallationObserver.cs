using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// Told about every installationUpdate and conversationUpdate turn (the bot installed or removed, channels created
/// or deleted), after the bot itself has handled it.
/// </summary>
public interface IInstallationObserver
{
    Task OnInstallationActivityAsync(TurnContext turn, CancellationToken cancellationToken);
}
