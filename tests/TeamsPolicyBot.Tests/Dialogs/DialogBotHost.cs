using Azure.Data.Tables;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Connector;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Dialogs;

/// <summary>
/// The bot hosted for dialog tests: tables of its own in Azurite (kept across restarts), <see cref="FormerPupilDialog"/>
/// as the default dialog, a clock the test moves, every table request logged, replies recorded by a fake connector.
/// </summary>
public sealed class DialogBotHost : IAsyncDisposable
{
    /// <summary>The member of staff who sends the saved personal message.</summary>
    public const string MemberId = "29:1kQn7vXcYtEwB3pLmR8sHfD2uJ9aZ0oV4iG6eT5yN1xC7bM";

    public const string ChannelThreadId = "19:Vq3Lr8sKpT1xZ5wNcB7mJ2hF9dG4aE6y@thread.tacv2;messageid=1741082571911";

    private readonly AzuriteFixture _azurite;
    private readonly string _tablePrefix = AzuriteFixture.UniqueTablePrefix();

    private DialogBotHost(AzuriteFixture azurite, FakeConnector connector)
    {
        _azurite = azurite;
        Connector = connector;
        Bot = Create(withFormerPupilDialog: true);
    }

    public FakeConnector Connector { get; }

    public BotApp Bot { get; private set; }

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public TableRequestLog TableRequests { get; } = new();

    /// <summary>The personal chat the messages below are sent in, unless a test says otherwise.</summary>
    public string ConversationId { get; } = $"a:{Guid.NewGuid():N}";

    /// <summary>The ConversationState table, for reading back what the bot stored.</summary>
    public TableClient StateTable =>
        _azurite.CreateTables(_tablePrefix).GetTableClient(ConversationStateStore.TableName);

    public static async Task<DialogBotHost> StartAsync(AzuriteFixture azurite) => new(azurite, await FakeConnector.StartAsync());

    /// <summary>Stops this bot and starts a new one on the same tables, e.g. without <see cref="FormerPupilDialog"/> (a release that dropped it).</summary>
    public async Task RestartAsync(bool withFormerPupilDialog = true)
    {
        await Bot.DisposeAsync();
        Bot = Create(withFormerPupilDialog);
    }

    /// <summary>Sends <paramref name="text"/> in the personal chat and returns what the bot posted in reply.</summary>
    public Task<IReadOnlyList<RecordedRequest>> SayAsync(string text) => SendAsync(PersonalMessage(text));

    public JsonObject PersonalMessage(string text)
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, Connector.ServiceUrl, ConversationId);
        activity["text"] = text;
        activity["id"] = NewActivityId();
        return activity;
    }

    /// <summary>A message that @mentions the bot in a channel thread, from the member <paramref name="fromId"/>.</summary>
    public JsonObject ChannelMessage(string text, string fromId)
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.ChannelMention, Connector.ServiceUrl, ChannelThreadId);
        activity["text"] = $"<at>Policy Bot</at> {text}";
        activity["id"] = NewActivityId();
        activity["from"]!["id"] = fromId;
        return activity;
    }

    public async Task<IReadOnlyList<RecordedRequest>> SendAsync(JsonObject activity)
    {
        var before = Connector.Requests.Count;
        var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. Connector.Requests.Skip(before)];
    }

    public async Task<JsonDocument?> ReadStoredStateAsync(string fromId = MemberId, string? conversationId = null)
    {
        var row = await StateTable.FindEntityAsync<TableEntity>(
            TableKey.Encode(conversationId ?? ConversationId), TableKey.Encode(fromId), default);
        return row is null ? null : JsonDocument.Parse(row.GetString("State")!);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }

    private BotApp Create(bool withFormerPupilDialog) => new BotApp()
        .WithStorage(_azurite, _tablePrefix)
        .WithServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            var options = TableClientDefaults.Create();
            options.AddPolicy(TableRequests, Azure.Core.HttpPipelinePosition.PerCall);
            services.AddSingleton(_azurite.CreateServiceClient(options));
            if (withFormerPupilDialog)
            {
                // The app's own default dialog (the guidance question) makes way for the test's; there can be only one.
                services.RemoveAll<DialogsExtensions.DefaultDialog>();
                services.AddDefaultDialog<FormerPupilDialog>();
            }
        });

    private static string NewActivityId() => Random.Shared.NextInt64(1_700_000_000_000, 1_800_000_000_000).ToString();
}
