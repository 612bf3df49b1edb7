using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// A Bot Framework activity. Only the fields the bot reads are typed; every other field is kept in
/// <see cref="ExtensionData"/> so an activity round-trips untouched.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public Uri? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }
    public JsonElement? Value { get; init; }

    /// <summary>The invoke name, e.g. <see cref="InvokeNames.AdaptiveCardAction"/>.</summary>
    public string? Name { get; init; }

    /// <summary>For installationUpdate: see <see cref="InstallationActions"/>.</summary>
    public string? Action { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public string? Locale { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }

    /// <summary>The Entra tenant the activity came from, wherever Teams put it.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;

    /// <summary>The text with the bot's own <c>&lt;at&gt;…&lt;/at&gt;</c> mentions removed and whitespace trimmed.</summary>
    public string TextWithoutBotMention()
    {
        var text = Text ?? "";
        foreach (var mention in Entities ?? [])
        {
            if (mention.Type == EntityTypes.Mention && mention.Mentioned?.Id == Recipient?.Id && !string.IsNullOrEmpty(mention.Text))
                text = text.Replace(mention.Text, "", StringComparison.Ordinal);
        }
        return text.Trim();
    }
}

public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }

    /// <summary>See <see cref="RoleTypes"/>.</summary>
    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }

    /// <summary>See <see cref="ConversationTypes"/>.</summary>
    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }
    public bool? IsGroup { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

public sealed record Attachment
{
    public string? ContentType { get; init; }
    public JsonElement? Content { get; init; }
    public string? ContentUrl { get; init; }
    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>An activity entity; the bot reads mentions (<c>mentioned</c>, <c>text</c>) and keeps the rest.</summary>
public sealed record Entity
{
    public string? Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
