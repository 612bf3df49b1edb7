using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Tests.Connector;

/// <summary>The saved Teams activities in Connector/Payloads, readied for posting to the bot.</summary>
public static class TeamsPayloads
{
    public const string BotId = "28:5b1c8e0a-3f7d-4a2e-9c61-2d8e4f7a9b10";
    public const string TenantId = "7c2d9f41-8a3b-4e5c-b6d7-0e1f2a3b4c5d";

    public const string PersonalMessage = "message-personal";
    public const string ChannelMention = "message-channel-mention";
    public const string BotAddedToTeam = "conversation-update-bot-added-to-team";
    public const string InstallationAdd = "installation-update-add";
    public const string InstallationRemove = "installation-update-remove";
    public const string CardAction = "invoke-adaptive-card-action";

    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Connector", "Payloads", name + ".json"));

    /// <summary>The payload answering on <paramref name="serviceUrl"/>, in its own conversation so tests never share one.</summary>
    public static JsonObject Load(string name, Uri serviceUrl, string? conversationId = null)
    {
        var activity = JsonNode.Parse(Read(name))!.AsObject();
        activity["serviceUrl"] = serviceUrl.ToString();
        activity["conversation"]!["id"] = conversationId ?? $"a:{Guid.NewGuid():N}";
        return activity;
    }

    public static string ConversationId(JsonObject activity) => activity["conversation"]!["id"]!.GetValue<string>();
}
