using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Outgoing;

/// <summary>Where, and as whom, the bot posts outside a turn: the tenant's service URL and the bot's own account.</summary>
public sealed record BotAddress(Uri ServiceUrl, string TenantId, ChannelAccount Bot);

public static class DestinationKinds
{
    /// <summary>1:1 to a member of staff by Entra object id.</summary>
    public const string Person = "person";

    /// <summary>A new thread in a team channel.</summary>
    public const string ChannelThread = "thread";

    /// <summary>A reply in the thread of an activity.</summary>
    public const string Reply = "reply";

    /// <summary>A new message in a conversation.</summary>
    public const string Conversation = "conversation";

    /// <summary>Replaces an activity the bot posted earlier.</summary>
    public const string Update = "update";
}

/// <summary>One place a message goes.</summary>
/// <param name="To">The person's Entra object id, the channel id, or the conversation id.</param>
/// <param name="ActivityId">The activity replied to or updated.</param>
/// <param name="TeamId">The channel's team, where the connector needs it.</param>
public sealed record Destination(string Kind, BotAddress From, string To, string? ActivityId = null, string? TeamId = null)
{
    public static Destination Person(BotAddress from, string aadObjectId) => new(DestinationKinds.Person, from, aadObjectId);

    public static Destination ChannelThread(BotAddress from, string channelId, string? teamId) =>
        new(DestinationKinds.ChannelThread, from, channelId, TeamId: teamId);

    public static Destination Reply(BotAddress from, string conversationId, string activityId) =>
        new(DestinationKinds.Reply, from, conversationId, activityId);

    public static Destination Conversation(BotAddress from, string conversationId) => new(DestinationKinds.Conversation, from, conversationId);

    public static Destination Update(BotAddress from, string conversationId, string activityId) =>
        new(DestinationKinds.Update, from, conversationId, activityId);
}
