using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Connector;

/// <summary>adaptiveCard/action invokes are answered in the HTTP response by the one handler of their verb.</summary>
public class CardActionTests : IAsyncLifetime
{
    private readonly BotApp _bot = new BotApp().WithServices(services => services
        .AddCardAction<AcknowledgeHandler>("test.acknowledge", "test.acknowledgeAll")
        .AddCardAction<FailingHandler>("test.fail"));

    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task PostInvoke_RegisteredVerb_AnswersWithHandlersResponse()
    {
        var response = await _bot.PostActivityAsync(Invoke("test.acknowledge"));

        var body = await ReadBodyAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("Acknowledged req-20250305-0042", body["value"]!.GetValue<string>());
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task PostInvoke_SecondVerbOfSameHandler_ReachesThatHandler()
    {
        var response = await _bot.PostActivityAsync(Invoke("test.acknowledgeAll"));

        Assert.Equal("Acknowledged req-20250305-0042", (await ReadBodyAsync(response))["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostInvoke_UnknownVerb_AnswersNotImplementedError()
    {
        var response = await _bot.PostActivityAsync(Invoke("test.nobodyHandlesThis"));

        var body = await ReadBodyAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(501, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("NotImplemented", body["value"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostInvoke_HandlerThrows_AnswersErrorNotServerFailure()
    {
        var response = await _bot.PostActivityAsync(Invoke("test.fail"));

        var body = await ReadBodyAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(500, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal(TurnErrorMessage.Default, body["value"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostInvoke_ActionWithoutVerb_AnswersBadRequestError()
    {
        var invoke = Invoke("test.acknowledge");
        invoke["value"]!["action"]!.AsObject().Remove("verb");

        var body = await ReadBodyAsync(await _bot.PostActivityAsync(invoke));

        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task PostInvoke_OtherInvokeName_Returns501()
    {
        var invoke = Invoke("test.acknowledge");
        invoke["name"] = "task/fetch";

        var response = await _bot.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void AddCardAction_VerbAlreadyHandled_FailsNamingBothHandlers()
    {
        var services = new ServiceCollection().AddCardAction<AcknowledgeHandler>("test.acknowledge");

        var error = Assert.Throws<InvalidOperationException>(() => services.AddCardAction<FailingHandler>("test.acknowledge"));

        Assert.Contains(nameof(AcknowledgeHandler), error.Message);
        Assert.Contains(nameof(FailingHandler), error.Message);
    }

    private JsonObject Invoke(string verb)
    {
        var invoke = TeamsPayloads.Load(TeamsPayloads.CardAction, _connector.ServiceUrl);
        invoke["value"]!["action"]!["verb"] = verb;
        return invoke;
    }

    private static async Task<JsonNode> ReadBodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private sealed class AcknowledgeHandler : ICardActionHandler
    {
        public Task<AdaptiveCardInvokeResponse> HandleAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken cancellationToken) =>
            Task.FromResult(AdaptiveCardInvokeResponse.Message($"Acknowledged {action.Data!.Value.GetProperty("requestId").GetString()}"));
    }

    private sealed class FailingHandler : ICardActionHandler
    {
        public Task<AdaptiveCardInvokeResponse> HandleAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("approval store exploded");
    }
}
