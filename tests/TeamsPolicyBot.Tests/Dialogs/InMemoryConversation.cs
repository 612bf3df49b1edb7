using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Tests.Dialogs;

/// <summary>
/// One conversation's turns for unit tests of the dialog stack: state kept in memory, replies recorded. Each
/// <see cref="Reload"/> round-trips the state through its stored JSON into freshly built dialogs, as a restart would.
/// </summary>
internal sealed class InMemoryConversation(Func<IEnumerable<Dialog>> buildDialogs)
{
    public static readonly CardTemplates Cards = new(Path.Combine(AppContext.BaseDirectory, "cards"));

    private static readonly ConversationStateKey Key = new("a:unit-chat", "29:unit-teacher");

    private readonly Replies _replies = new();
    private DialogSet _dialogs = new(buildDialogs());

    public ConversationState State { get; private set; } = ConversationState.New(Key);

    /// <summary>The cards the bot sent, oldest first.</summary>
    public IReadOnlyList<JsonElement> SentCards => [.. _replies.Sent.Select(sent => JsonSerializer.SerializeToElement(sent["attachments"]![0]!["content"]))];

    /// <summary>A turn in which the member of staff sent <paramref name="text"/>.</summary>
    public DialogContext Turn(string text)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "1741079722390",
            Text = text,
            ServiceUrl = new Uri("http://127.0.0.1/"),
            Conversation = new ConversationAccount { Id = Key.PartitionKey },
            From = new ChannelAccount { Id = Key.RowKey },
            Recipient = new ChannelAccount { Id = "28:policy-bot" },
        };
        var connector = new ConnectorClient(new HttpClient(_replies), Options.Create(new BotOptions()), NullLogger<ConnectorClient>.Instance);
        return new DialogContext(_dialogs, new TurnContext(activity, connector, new ServiceCollection().BuildServiceProvider()), State);
    }

    /// <summary>Stores and reads back the state, with every dialog built anew.</summary>
    public void Reload()
    {
        State = ConversationState.Parse(Key, new ETag("W/\"1\""), State.ToJson());
        _dialogs = new DialogSet(buildDialogs());
    }

    private sealed class Replies : HttpMessageHandler
    {
        private readonly List<JsonNode> _sent = [];

        public IReadOnlyList<JsonNode> Sent => _sent;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _sent.Add(JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new { id = "1:reply" }) };
        }
    }
}
