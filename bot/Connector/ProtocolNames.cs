namespace TeamsPolicyBot.Connector;

// Protocol values stay strings: a value the bot does not know is still a valid activity, not a crash.

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
}

public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

/// <summary>Values of <c>action</c> on an installationUpdate activity.</summary>
public static class InstallationActions
{
    public const string Add = "add";
    public const string AddUpgrade = "add-upgrade";
    public const string Remove = "remove";
    public const string RemoveUpgrade = "remove-upgrade";
}

public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
}

/// <summary>Values of <c>conversation.conversationType</c> in Teams.</summary>
public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}

public static class EntityTypes
{
    public const string Mention = "mention";
}

public static class AttachmentContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
}
