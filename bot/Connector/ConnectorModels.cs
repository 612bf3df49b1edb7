using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPolicyBot.Connector;

// Request and response bodies of the Bot Connector REST API (v3).

/// <summary>The id the connector gave an activity it accepted.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Body of <c>POST v3/conversations</c>: a 1:1 chat with a user, or a new thread in a channel.</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public TeamsChannelData? ChannelData { get; init; }

    /// <summary>A 1:1 chat between the bot and one member of staff.</summary>
    public static ConversationParameters Personal(ChannelAccount bot, string userId, string tenantId) => new()
    {
        IsGroup = false,
        Bot = bot,
        Members = [new ChannelAccount { Id = userId }],
        TenantId = tenantId,
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } },
    };

    /// <summary>A new thread in a team channel, opened by <paramref name="firstMessage"/>.</summary>
    public static ConversationParameters ChannelThread(ChannelAccount bot, string channelId, string tenantId, Activity firstMessage) => new()
    {
        IsGroup = true,
        Bot = bot,
        TenantId = tenantId,
        Activity = firstMessage,
        ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = channelId }, Tenant = new TenantInfo { Id = tenantId } },
    };
}

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, Uri? ServiceUrl);

/// <summary>A member of a Teams conversation as the connector describes them.</summary>
public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? TenantId { get; init; }
    public string? UserRole { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

public sealed record PagedMembersResult(string? ContinuationToken, IReadOnlyList<TeamsChannelAccount>? Members);

/// <summary>Body of <c>GET v3/teams/{id}/conversations</c>: the team's channels.</summary>
public sealed record ConversationList(IReadOnlyList<ChannelInfo>? Conversations);
