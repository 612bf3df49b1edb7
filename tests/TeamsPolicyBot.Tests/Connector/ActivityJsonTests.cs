using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Tests.Connector;

public class ActivityJsonTests
{
    [Theory]
    [InlineData(TeamsPayloads.PersonalMessage)]
    [InlineData(TeamsPayloads.ChannelMention)]
    [InlineData(TeamsPayloads.BotAddedToTeam)]
    [InlineData(TeamsPayloads.InstallationAdd)]
    [InlineData(TeamsPayloads.InstallationRemove)]
    [InlineData(TeamsPayloads.CardAction)]
    public void Serialize_SavedTeamsPayload_RoundTripsEveryField(string payload)
    {
        var original = JsonNode.Parse(TeamsPayloads.Read(payload))!.AsObject();

        var activity = JsonSerializer.Deserialize<Activity>(original.ToJsonString(), ConnectorJson.Options)!;
        var roundTripped = JsonNode.Parse(JsonSerializer.Serialize(activity, ConnectorJson.Options))!.AsObject();

        // The timestamp is typed, so it comes back in .NET's offset form ("+00:00" for "Z"): compare it as an instant.
        Assert.Equal(DateTimeOffset.Parse(original["timestamp"]!.GetValue<string>()), activity.Timestamp);
        original.Remove("timestamp");
        roundTripped.Remove("timestamp");
        Assert.True(JsonNode.DeepEquals(original, roundTripped), $"Round trip changed the activity:\n{roundTripped}");
    }

    [Fact]
    public void Deserialize_ChannelMention_ReadsTeamsFields()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsPayloads.Read(TeamsPayloads.ChannelMention), ConnectorJson.Options)!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal(ConversationTypes.Channel, activity.Conversation!.ConversationType);
        Assert.True(activity.Conversation.IsGroup);
        Assert.Equal(TeamsPayloads.TenantId, activity.TenantId);
        Assert.Equal("19:Hn2Wc7Xk4Pq9Zt1Rb6Ls3Mv8Dj5Fg0Ay@thread.tacv2", activity.ChannelData!.Team!.Id);
        Assert.Equal("19:Vq3Lr8sKpT1xZ5wNcB7mJ2hF9dG4aE6y@thread.tacv2", activity.ChannelData.Channel!.Id);
        Assert.Equal("6f1c3e2a-9b8d-4c7e-a1f0-5d4b3c2a1e0f", activity.From!.AadObjectId);
        var mention = Assert.Single(activity.Entities!, e => e.Type == EntityTypes.Mention);
        Assert.Equal(TeamsPayloads.BotId, mention.Mentioned!.Id);
    }

    [Fact]
    public void TextWithoutBotMention_ChannelMention_LeavesTheCommand()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsPayloads.Read(TeamsPayloads.ChannelMention), ConnectorJson.Options)!;

        Assert.Equal("help", activity.TextWithoutBotMention());
    }

    [Fact]
    public void TextWithoutBotMention_OtherPersonMentioned_KeepsTheirMention()
    {
        var activity = new Activity
        {
            Text = "<at>Policy Bot</at> can I tag <at>Jo Smith</at> in a post?",
            Recipient = new ChannelAccount { Id = TeamsPayloads.BotId },
            Entities =
            [
                new Entity { Type = EntityTypes.Mention, Text = "<at>Policy Bot</at>", Mentioned = new ChannelAccount { Id = TeamsPayloads.BotId } },
                new Entity { Type = EntityTypes.Mention, Text = "<at>Jo Smith</at>", Mentioned = new ChannelAccount { Id = "29:jo" } },
            ],
        };

        Assert.Equal("can I tag <at>Jo Smith</at> in a post?", activity.TextWithoutBotMention());
    }

    [Fact]
    public void Deserialize_InstallationUpdate_ReadsActionAndTenantFromChannelData()
    {
        var json = JsonNode.Parse(TeamsPayloads.Read(TeamsPayloads.InstallationRemove))!.AsObject();
        json["conversation"]!.AsObject().Remove("tenantId");

        var activity = json.Deserialize<Activity>(ConnectorJson.Options)!;

        Assert.Equal(ActivityTypes.InstallationUpdate, activity.Type);
        Assert.Equal(InstallationActions.Remove, activity.Action);
        Assert.Equal(TeamsPayloads.TenantId, activity.TenantId);
    }

    [Fact]
    public void Deserialize_CardActionInvoke_ReadsVerbAndData()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsPayloads.Read(TeamsPayloads.CardAction), ConnectorJson.Options)!;

        var value = activity.Value!.Value.Deserialize<AdaptiveCardInvokeValue>(ConnectorJson.Options)!;

        Assert.Equal(InvokeNames.AdaptiveCardAction, activity.Name);
        Assert.Equal("Action.Execute", value.Action!.Type);
        Assert.Equal("test.acknowledge", value.Action.Verb);
        Assert.Equal("req-20250305-0042", value.Action.Data!.Value.GetProperty("requestId").GetString());
    }

    [Fact]
    public void Deserialize_UnknownFieldsOfAnyShape_AreKeptNotRejected()
    {
        const string json = """
            {"type":"futureType","from":{"id":"29:x","newFlag":true},"nextGen":{"a":[1,{"b":null}]},"channelData":{"tenant":{"id":"t","region":"uk"}}}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(json, ConnectorJson.Options)!;
        var back = JsonSerializer.Serialize(activity, ConnectorJson.Options);

        Assert.Equal("futureType", activity.Type);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(back)), back);
    }
}
