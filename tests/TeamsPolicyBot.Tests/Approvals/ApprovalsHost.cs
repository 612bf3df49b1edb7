using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Connector;
using TeamsPolicyBot.Tests.Dialogs;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>A member of staff in the tests: Teams user id, Entra object id and name.</summary>
public sealed record Staff(string TeamsId, string AadObjectId, string Name);

/// <summary>
/// The bot with the approval workflow over HTTP: its own tables in Azurite (kept across restarts), two configured
/// approvers, a clock the test moves, and a fake connector recording what the bot posts.
/// </summary>
public sealed class ApprovalsHost : IAsyncDisposable
{
    public static readonly Staff Requester = new("29:1kQn7vXcYtEwB3pLmR8sHfD2uJ9aZ0oV4iG6eT5yN1xC7bM", "6f1c3e2a-9b8d-4c7e-a1f0-5d4b3c2a1e0f", "Sam Taylor");
    public static readonly Staff Jo = new("29:1Jo0Bloggs5Wq8Lp2Rt6Yz9Xc3Vb7Nm1Ks4Hd8Gf2Aa", "3b9e2f1c-7a4d-4e8b-b2c6-1d0f9a8e7c65", "Jo Bloggs");
    public static readonly Staff Priya = new("29:1Priya0Shah7Wq8Lp2Rt6Yz9Xc3Vb7Nm1Ks4Hd8Gf2B", "c4d5e6f7-0a1b-4c2d-8e3f-9a0b1c2d3e4f", "Priya Shah");
    public static readonly Staff PolicyLead = new("29:1Policy0Lead7Wq8Lp2Rt6Yz9Xc3Vb7Nm1Ks4Hd8Gf2Dd", "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b", "Morgan Lee");
    public static readonly Staff Colleague = new("29:1Other0Person7Lp2Rt6Yz9Xc3Vb7Nm1Ks4Hd8Gf2Cc", "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", "Alex Green");

    private readonly AzuriteFixture _azurite;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private ApprovalsHost(AzuriteFixture azurite, FakeConnector connector, Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _azurite = azurite;
        _settings = settings;
        _services = services;
        Connector = connector;
        Bot = Create();
    }

    public FakeConnector Connector { get; }

    /// <summary>This host's Storage:TablePrefix: its tables are its own, and survive <see cref="RestartAsync"/>.</summary>
    public string TablePrefix { get; } = AzuriteFixture.UniqueTablePrefix();

    public string StorageConnectionString => _azurite.ConnectionString;

    /// <summary>This host's private photo container (Approvals:PhotoContainer), in the same Azurite.</summary>
    public BlobContainerClient Photos => new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient(_settings["Approvals:PhotoContainer"]);

    public BotApp Bot { get; private set; }

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The requester's 1:1 chat with the bot.</summary>
    public string ChatId { get; } = $"a:{Guid.NewGuid():N}";

    public static async Task<ApprovalsHost> StartAsync(
        AzuriteFixture azurite, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Approvals:Approvers"] = $"{Jo.AadObjectId},{Priya.AadObjectId}",
            // Photos go in a container of this host's own, as its tables do.
            ["Approvals:PhotoContainer"] = "p" + Guid.NewGuid().ToString("N"),
        };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        return new ApprovalsHost(azurite, await FakeConnector.StartAsync(), all, services);
    }

    public BotTables Tables => _azurite.CreateTables(TablePrefix);

    public T Service<T>() where T : notnull => Bot.Services.GetRequiredService<T>();

    /// <summary>Stops this bot and starts a new one on the same tables (its background work, such as the outbox, running at once).</summary>
    public async Task RestartAsync()
    {
        await Bot.DisposeAsync();
        Bot = Create();
        _ = Bot.Server;
    }

    /// <summary>Sends <paramref name="text"/> in <paramref name="from"/>'s 1:1 chat and returns what the bot posted.</summary>
    public Task<IReadOnlyList<RecordedRequest>> SayAsync(string text, Staff? from = null) => SendAsync(text, null, from);

    /// <summary>Sends a message with <paramref name="attachments"/> (files, pasted images) in the 1:1 chat; returns what the bot posted.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> SendAsync(string text, JsonArray? attachments, Staff? from = null)
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, Connector.ServiceUrl, ChatId);
        activity["text"] = text;
        if (attachments is not null)
            activity["attachments"] = attachments;
        activity["id"] = Random.Shared.NextInt64(1_700_000_000_000, 1_800_000_000_000).ToString();
        activity["from"] = From(from ?? Requester);
        var before = Connector.Requests.Count;
        var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. Connector.Requests.Skip(before)];
    }

    /// <summary>
    /// Presses an Action.Execute button and waits until the outbox has sent what the press queued (cards to approvers,
    /// updates of other copies); returns the invoke response body (<c>statusCode</c>, <c>type</c>, <c>value</c>).
    /// </summary>
    public async Task<JsonNode> InvokeAsync(string verb, JsonNode data, Staff from, string? conversationId = null, string? replyToId = null, string trigger = "manual")
    {
        var body = await PressAsync(verb, data, from, conversationId, replyToId, trigger);
        await OutboxSettledAsync();
        return body;
    }

    /// <summary>Waits until nothing in the outbox is being sent or due now (on the host's clock).</summary>
    public Task OutboxSettledAsync() => OutboxProbe.SettledAsync(Tables, Time);

    /// <summary>Presses an Action.Execute button and returns the invoke response body as soon as the bot answers.</summary>
    public async Task<JsonNode> PressAsync(string verb, JsonNode data, Staff from, string? conversationId = null, string? replyToId = null, string trigger = "manual")
    {
        var invoke = TeamsPayloads.Load(TeamsPayloads.CardAction, Connector.ServiceUrl, conversationId ?? ChatId);
        invoke["from"] = From(from);
        invoke["replyToId"] = replyToId ?? $"1:{Guid.NewGuid():N}";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = trigger,
        };
        var response = await Bot.PostActivityAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>A post request that passes the pre-check.</summary>
    public static JsonObject GoodPost(string text = "Well done to Year 5 for a brilliant sports day!") => new()
    {
        ["account"] = "the academy's official X (Twitter) account, @fierte",
        ["text"] = text,
        ["plannedDate"] = "2026-11-27",
        ["plannedTime"] = "16:00",
        ["photos"] = "consented",
        ["identifies"] = "no",
        ["noPhotoList"] = "no",
        ["links"] = "",
        ["note"] = "Photos are in the shared drive.",
    };

    /// <summary>Submits <paramref name="form"/> from the requester's form card and returns the new request's id.</summary>
    public async Task<string> SubmitAsync(JsonObject? form = null, string? formMessageId = null)
    {
        var body = await InvokeAsync(ApprovalVerbs.SubmitPost, form ?? GoodPost(), Requester, replyToId: formMessageId ?? "1741165301245");
        var id = body["value"]?["refresh"]?["action"]?["data"]?["requestId"]?.GetValue<string>();
        Assert.True(id is not null, $"the submission was not accepted: {body.ToJsonString()}");
        return id!;
    }

    public async Task<ApprovalRequest> StoredAsync(string requestId) =>
        (await new ApprovalRequestStore(Tables).GetAsync(requestId, CancellationToken.None))!.Request;

    public static JsonObject Decision(string requestId, string decision, string comment = "") => new()
    {
        ["requestId"] = requestId,
        ["decision"] = decision,
        ["comment"] = comment,
    };

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }

    private static JsonObject From(Staff staff) => new() { ["id"] = staff.TeamsId, ["name"] = staff.Name, ["aadObjectId"] = staff.AadObjectId };

    private BotApp Create()
    {
        var app = new BotApp()
            .WithStorage(_azurite, TablePrefix)
            .WithSetting("Policy:Pack", "fierte");
        foreach (var (key, value) in _settings)
            app.WithSetting(key, value);
        return app.WithServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            _services?.Invoke(services);
        });
    }
}

/// <summary>Reading the cards the bot sent or answered with.</summary>
public static class CardJson
{
    /// <summary>Every text the card shows (TextRuns, TextBlocks), joined by new lines.</summary>
    public static string Text(JsonNode? card) => string.Join("\n", Walk(card)
        .OfType<JsonObject>()
        .Where(o => (string?)o["type"] is "TextRun" or "TextBlock")
        .Select(o => (string?)o["text"]));

    public static IReadOnlyList<string> TextRuns(JsonNode? card) => TextsOf(card, "TextRun");

    public static IReadOnlyList<string> TextBlocks(JsonNode? card) => TextsOf(card, "TextBlock");

    private static List<string> TextsOf(JsonNode? card, string type) =>
        Walk(card).OfType<JsonObject>().Where(o => (string?)o["type"] == type).Select(o => (string)o["text"]!).ToList();

    /// <summary>The verbs of the card's Action.Execute buttons (not its refresh).</summary>
    public static IReadOnlyList<string> Verbs(JsonNode? card) => Walk(card?["body"])
        .Concat(Walk(card?["actions"]))
        .OfType<JsonObject>()
        .Where(o => (string?)o["type"] == "Action.Execute")
        .Select(o => (string)o["verb"]!)
        .ToList();

    public static JsonNode Card(RecordedRequest request) => request.Json["attachments"]![0]!["content"]!;

    private static IEnumerable<JsonNode> Walk(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Walk).Prepend(obj),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Walk),
        null => [],
        _ => [node],
    };
}
