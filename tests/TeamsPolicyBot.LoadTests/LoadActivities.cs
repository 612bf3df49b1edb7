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

    /// <summary>A message from member <paramref name="member"/> in their personal chat <paramref name="conversation"/>.</summary>
    public byte[] Message(string conversation, string member, string activityId, string text)
    {
        var activity = From(_message, conversation, member, activityId);
        activity["text"] = text;
        activity["timestamp"] = DateTimeOffset.UtcNow;
        return Encoding.UTF8.GetBytes(activity.ToJsonString());
    }

    /// <summary>An Action.Execute press (adaptiveCard/action) with <paramref name="verb"/> and <paramref name="data"/>.</summary>
    public byte[] CardAction(string conversation, string member, string verb, JsonObject data)
    {
        var activity = From(_invoke, conversation, member, "i" + Guid.NewGuid().ToString("N"));
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data;
        return Encoding.UTF8.GetBytes(activity.ToJsonString());
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
