using Azure.Data.Tables;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Connector;
using TeamsPolicyBot.Tests.Dialogs;
using TeamsPolicyBot.Tests.Infrastructure;
using TeamsPolicyBot.Tests.Storage;

namespace TeamsPolicyBot.Tests.Guidance.Conversation;

/// <summary>
/// The whole bot (development settings: the fierte pack) on tables of its own in Azurite, kept across restarts,
/// with a clock the test sets and replies recorded by a fake connector.
/// </summary>
public sealed class GuidanceBotHost : IAsyncDisposable
{
    public const string DslId = "0b6f3c1e-7a2d-4e9b-8c5f-1d2e3f4a5b6c";
    public const string DeputyDslId = "9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b";

    /// <summary>Sam Taylor, who sends the saved personal messages and presses the buttons.</summary>
    public const string StaffAadObjectId = "6f1c3e2a-9b8d-4c7e-a1f0-5d4b3c2a1e0f";

    private readonly AzuriteFixture _azurite;
    private readonly string _tablePrefix = AzuriteFixture.UniqueTablePrefix();
    private readonly string _contacts;
    private readonly string _feedbackReaders;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private GuidanceBotHost(
        AzuriteFixture azurite, FakeConnector connector, string contacts, string feedbackReaders,
        IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        _azurite = azurite;
        _contacts = contacts;
        _feedbackReaders = feedbackReaders;
        _settings = settings ?? new Dictionary<string, string?>();
        _services = services;
        Connector = connector;
        Bot = Create();
    }

    public FakeConnector Connector { get; }

    public BotApp Bot { get; private set; }

    /// <summary>Tuesday 4 March 2025, 10:42 in London (GMT).</summary>
    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 4, 10, 42, 0, TimeSpan.Zero));

    public string ConversationId { get; } = $"a:{Guid.NewGuid():N}";

    /// <param name="contacts">Safeguarding:Contacts.</param>
    /// <param name="feedbackReaders">GuidanceFeedback:Readers, by default Sam Taylor.</param>
    /// <param name="settings">Further settings.</param>
    /// <param name="services">Further services (e.g. a log capture).</param>
    public static async Task<GuidanceBotHost> StartAsync(
        AzuriteFixture azurite, string contacts = $"{DslId},{DeputyDslId}", string feedbackReaders = StaffAadObjectId,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(azurite, await FakeConnector.StartAsync(), contacts, feedbackReaders, settings, services);

    /// <summary>The bot's own tables, for reading back what it stored.</summary>
    public BotTables Tables => _azurite.CreateTables(_tablePrefix);

    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>Stops this bot and starts a new one on the same tables, or, with <paramref name="storageDown"/>, on storage that refuses every connection.</summary>
    public async Task RestartAsync(bool storageDown = false)
    {
        await Bot.DisposeAsync();
        Bot = Create(storageDown);
    }

    /// <summary>Sends <paramref name="text"/> in the personal chat and returns what the bot posted in reply.</summary>
    public Task<IReadOnlyList<RecordedRequest>> SayAsync(string text)
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, Connector.ServiceUrl, ConversationId);
        activity["text"] = text;
        activity["id"] = NewActivityId();
        return SendAsync(activity);
    }

    /// <summary>Sends <paramref name="text"/> as an @mention of the bot in a new channel thread.</summary>
    public Task<IReadOnlyList<RecordedRequest>> SayInChannelAsync(string text, string activityId)
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.ChannelMention, Connector.ServiceUrl,
            $"19:Vq3Lr8sKpT1xZ5wNcB7mJ2hF9dG4aE6y@thread.tacv2;messageid={activityId}");
        activity["text"] = $"<at>Policy Bot</at> {text}";
        activity["id"] = activityId;
        return SendAsync(activity);
    }

    public async Task<IReadOnlyList<RecordedRequest>> SendAsync(JsonObject activity)
    {
        var before = Connector.Requests.Count;
        var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. Connector.Requests.Skip(before)];
    }

    /// <summary>Presses <paramref name="button"/> (an Action.Execute) on a card in the personal chat, with the card's inputs.</summary>
    public async Task<(JsonObject Body, IReadOnlyList<RecordedRequest> Sent)> PressAsync(
        AnswerCard.Button button, IReadOnlyDictionary<string, string>? inputs = null, string fromAadObjectId = StaffAadObjectId)
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.CardAction, Connector.ServiceUrl, ConversationId);
        var data = JsonNode.Parse(button.Data.GetRawText())!.AsObject();
        foreach (var (id, value) in inputs ?? new Dictionary<string, string>())
            data[id] = value;
        activity["value"]!["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = button.Verb, ["title"] = button.Title, ["data"] = data };
        activity["from"]!["aadObjectId"] = fromAadObjectId;
        var before = Connector.Requests.Count;
        var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (body, [.. Connector.Requests.Skip(before)]);
    }

    /// <summary>The conversation's stored dialog state, or null when there is none (not even a table yet).</summary>
    public async Task<JsonDocument?> ReadStoredStateAsync()
    {
        var row = await Table(ConversationStateStore.TableName).FindEntityAsync<TableEntity>(
            TableKey.Encode(ConversationId), TableKey.Encode(DialogBotHost.MemberId), default);
        return row is null ? null : JsonDocument.Parse(row.GetString("State")!);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }

    private BotApp Create(bool storageDown = false)
    {
        var app = new BotApp()
            .WithStorage(_azurite, _tablePrefix)
            .WithSetting("Safeguarding:Contacts", _contacts)
            .WithSetting("GuidanceFeedback:Readers", _feedbackReaders);
        foreach (var (key, value) in _settings)
            app.WithSetting(key, value);
        return app.WithServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            if (storageDown)
                services.AddSingleton(Unreachable.ClosedPortClient());
            _services?.Invoke(services);
        });
    }

    private static string NewActivityId() => Random.Shared.NextInt64(1_700_000_000_000, 1_800_000_000_000).ToString();
}
