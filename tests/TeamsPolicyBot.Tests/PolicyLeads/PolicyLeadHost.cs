using System.Text.Json.Nodes;
using TeamsPolicyBot.PolicyLeads;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Guidance.Conversation;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.PolicyLeads;

/// <summary>
/// The bot over HTTP with Jo Bloggs and Priya Shah as the policy leads (<c>Experts:Leads</c>), Sam Taylor asking, and
/// Alex Green as a colleague who is not a lead. Each test gets a fresh host on tables of its own in Azurite.
/// </summary>
public abstract class PolicyLeadHostTests(AzuriteFixture azurite, Dictionary<string, string?>? settings = null) : IAsyncLifetime
{
    /// <summary>No rule of the fierte pack covers it: the bot answers "Use caution", quoting the closest clauses.</summary>
    public const string ChatGptQuestion = "Can I use ChatGPT to plan lessons?";

    protected AzuriteFixture Azurite { get; } = azurite;

    protected ApprovalsHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var all = new Dictionary<string, string?>
        {
            ["Experts:Leads"] = $"{Jo.AadObjectId},{Priya.AadObjectId}",
            ["GuidanceFeedback:Readers"] = Jo.AadObjectId,
        };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        Host = await ApprovalsHost.StartAsync(Azurite, all);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Sam's question in chat, answered with the guidance card.</summary>
    protected async Task<AnswerCard> AnswerToAsync(string question) => AnswerCard.Read(Assert.Single(await Host.SayAsync(question)));

    /// <summary>Presses "Ask the policy lead" on <paramref name="answer"/> with <paramref name="note"/>; returns the question's id.</summary>
    /// <param name="cardMessageId">The answer card's message id; by default a new one.</param>
    protected async Task<string> AskLeadAsync(AnswerCard answer, string note = "", string? cardMessageId = null)
    {
        var before = Host.Connector.Requests.Count;
        var body = await PressAsync(answer.ButtonFor(LeadVerbs.Ask), Requester, new() { ["leadNote"] = note }, cardMessageId);
        Assert.Contains(AskPolicyLeadAction.SentText, CardJson.Text(body["value"]));
        var toLeads = Host.Connector.Requests.Skip(before).Where(r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(toLeads);
        return (string)CardJson.Card(toLeads[0])["refresh"]!["action"]!["data"]!["questionId"]!;
    }

    /// <summary>Presses <paramref name="button"/> as <paramref name="from"/>, with the card's inputs.</summary>
    protected Task<JsonNode> PressAsync(AnswerCard.Button button, Staff from, Dictionary<string, string>? inputs = null, string? cardMessageId = null)
    {
        var data = JsonNode.Parse(button.Data.GetRawText())!.AsObject();
        foreach (var (id, value) in inputs ?? [])
            data[id] = value;
        return Host.InvokeAsync(button.Verb, data, from, replyToId: cardMessageId ?? Random.Shared.NextInt64(1_700_000_000_000, 1_800_000_000_000).ToString());
    }

    protected Task<JsonNode> LeadActsAsync(string verb, string questionId, Staff lead, Dictionary<string, string>? inputs = null, string trigger = "manual")
    {
        var data = new JsonObject { ["questionId"] = questionId };
        foreach (var (id, value) in inputs ?? [])
            data[id] = value;
        return Host.InvokeAsync(verb, data, lead, trigger: trigger);
    }

    /// <summary>The answer form's inputs: the text, the verdict (<c>none</c> when none applies), one clause id, the tick.</summary>
    protected static Dictionary<string, string> Answer(string text, string verdict = "none", string clause = "none", bool reusable = false) => new()
    {
        ["answer"] = text,
        ["verdict"] = verdict,
        ["clause1"] = clause,
        ["clause2"] = "none",
        ["clause3"] = "none",
        ["reusable"] = reusable ? "true" : "false",
    };

    protected async Task<LeadQuestion> StoredAsync(string questionId) =>
        (await new LeadQuestionStore(Host.Tables).GetAsync(questionId, CancellationToken.None))!.Question;
}
