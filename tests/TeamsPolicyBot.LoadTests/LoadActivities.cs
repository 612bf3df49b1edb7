using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace TeamsPolicyBot.LoadTests;

/// <summary>
/// Teams activities for the load: the saved personal-chat message (tests/…/Payloads/message-personal.json) with its
/// own conversation, member, activity id and text; and the questions, one trust's from tests/eval.
/// </summary>
public sealed class LoadActivities(string repositoryRoot, Uri serviceUrl)
{
    /// <summary>The approver the bot is configured with (Approvals:Approvers) in the kill-mid-approval run.</summary>
    public const string ApproverAadObjectId = "3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

    private readonly JsonObject _message = (JsonObject)JsonNode.Parse(
        File.ReadAllText(Path.Combine(repositoryRoot, "tests", "TeamsPolicyBot.Tests", "Connector", "Payloads", "message-personal.json")))!;
    private readonly JsonObject _invoke = (JsonObject)JsonNode.Parse(
        File.ReadAllText(Path.Combine(repositoryRoot, "tests", "TeamsPolicyBot.Tests", "Connector", "Payloads", "invoke-adaptive-card-action.json")))!;
    private readonly JsonObject _botAdded = (JsonObject)JsonNode.Parse(
        File.ReadAllText(Path.Combine(repositoryRoot, "tests", "TeamsPolicyBot.Tests", "Connector", "Payloads", "conversation-update-bot-added-to-team.json")))!;

    /// <summary>The questions of <paramref name="trust"/> in tests/eval/guidance-public.jsonl.</summary>
    public static IReadOnlyList<string> Questions(string repositoryRoot, string trust)
    {
        var eval = Path.Combine(repositoryRoot, "tests", "eval", "guidance-public.jsonl");
        return [.. File.ReadLines(eval)
            .Where(line => line.Length > 0)
            .Select(line => JsonNode.Parse(line)!)
            .Where(question => (string?)question["trust"] == trust)
            .Select(question => (string)question["question"]!)];
    }

    /// <summary>
    /// A message from member <paramref name="member"/> in their personal chat <paramref name="conversation"/>, in a tenant
    /// of the conversation's own. Teams allows a bot 50 requests a second per tenant, whoever's bot it is, and the bot
    /// paces its replies to that (Bot:Pacing); spreading the conversations over tenants keeps that limit, which no bot
    /// can beat, out of a measure of how many turns the bot can serve.
    /// </summary>
    public byte[] Message(string conversation, string member, string activityId, string text)
    {
        var activity = From(_message, conversation, member, activityId);
        var tenant = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(conversation))).ToString();
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"]!["tenant"]!["id"] = tenant;
        activity["text"] = text;
        activity["timestamp"] = DateTimeOffset.UtcNow;
        return Encoding.UTF8.GetBytes(activity.ToJsonString());
    }

    /// <summary>A filled-in post request form (fierte's account, a sports-day post, photos with consent) as its Submit sends it.</summary>
    public static JsonObject PostForm() => new()
    {
        ["account"] = "the academy's official X (Twitter) account, @fierte",
        ["text"] = "Well done to Year 5 for a brilliant sports day!",
        ["plannedDate"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd"),
        ["plannedTime"] = "16:00",
        ["photos"] = "consented",
        ["identifies"] = "no",
        ["noPhotoList"] = "no",
        ["links"] = "",
        ["note"] = "",
    };

    /// <summary>An Action.Execute press (adaptiveCard/action) with <paramref name="verb"/> and <paramref name="data"/>.</summary>
    /// <param name="name">The member's display name, when it matters (it is shown as who decided).</param>
    public byte[] CardAction(string conversation, string member, string verb, JsonObject data, string? name = null)
    {
        var activity = From(_invoke, conversation, member, "i" + Guid.NewGuid().ToString("N"));
        if (name is not null)
            activity["from"]!["name"] = name;
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data;
        return Encoding.UTF8.GetBytes(activity.ToJsonString());
    }

    /// <summary>
    /// The two announcements of the bot being added to team <paramref name="teamId"/>, as Teams sends them: a
    /// conversationUpdate (the bot among the members added) and an installationUpdate.
    /// </summary>
    public (byte[] ConversationUpdate, byte[] InstallationUpdate) AddedToTeam(string teamId, string teamName)
    {
        var update = From(_botAdded, teamId, "team-owner", "f:" + Guid.NewGuid().ToString("N"));
        update["channelData"]!["team"]!["id"] = teamId;
        update["channelData"]!["team"]!["name"] = teamName;
        update["channelData"]!["team"]!["aadGroupId"] = Guid.NewGuid().ToString();
        var installation = (JsonObject)update.DeepClone();
        installation["id"] = "f:" + Guid.NewGuid().ToString("N");
        installation["type"] = "installationUpdate";
        installation["action"] = "add";
        installation.Remove("membersAdded");
        installation["channelData"]!.AsObject().Remove("eventType");
        return (Encoding.UTF8.GetBytes(update.ToJsonString()), Encoding.UTF8.GetBytes(installation.ToJsonString()));
    }

    /// <summary>A copy of <paramref name="saved"/> as activity <paramref name="id"/> from <paramref name="member"/> in <paramref name="conversation"/>.</summary>
    private JsonObject From(JsonObject saved, string conversation, string member, string id)
    {
        var activity = (JsonObject)saved.DeepClone();
        activity["id"] = id;
        activity["serviceUrl"] = serviceUrl.AbsoluteUri;
        activity["conversation"]!["id"] = conversation;
        activity["from"]!["id"] = "29:" + member;
        activity["from"]!["aadObjectId"] = member;
        return activity;
    }
}
