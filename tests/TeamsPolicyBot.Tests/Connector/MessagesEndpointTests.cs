using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Tests.Infrastructure;
using TeamsPolicyBot.Tests.Welcome;

namespace TeamsPolicyBot.Tests.Connector;

/// <summary>/api/messages in development mode: bad input, caller and tenant checks, failing turns, slow connectors.</summary>
public class MessagesEndpointTests(BotApp bot) : IClassFixture<BotApp>
{
    private static readonly Uri LoopbackServiceUrl = new("http://127.0.0.1:9/");

    [Theory]
    [InlineData("{\"type\": \"message\", ")]
    [InlineData("not json at all")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"type\": \"message\", \"from\": \"Sam\", \"serviceUrl\": \"http://127.0.0.1:9/\", \"conversation\": {\"id\": \"a:1\"}}")]
    [InlineData("{\"serviceUrl\": \"http://127.0.0.1:9/\", \"conversation\": {\"id\": \"a:1\"}}")]
    [InlineData("{\"type\": \"message\", \"conversation\": {\"id\": \"a:1\"}}")]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"smba/emea\", \"conversation\": {\"id\": \"a:1\"}}")]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"http://127.0.0.1:9/\"}")]
    public async Task PostActivity_MalformedActivity_Returns400(string body)
    {
        var response = await PostRawAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_WrongContentType_Returns415()
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, LoopbackServiceUrl);

        var response = await PostRawAsync(activity.ToJsonString(), "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_BodyOverLimit_Returns413()
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, LoopbackServiceUrl);
        activity["text"] = new string('x', MessagesEndpoint.MaxBodyBytes);

        var response = await PostRawAsync(activity.ToJsonString(), "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_ChunkedBodyOverLimit_Returns413()
    {
        // Over real HTTP with a plain client: the in-process server and the test client's redirect handler
        // would both buffer the body and give it a Content-Length.
        await using var app = new BotApp();
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, LoopbackServiceUrl);
        activity["text"] = new string('x', MessagesEndpoint.MaxBodyBytes);

        using var client = new HttpClient { BaseAddress = app.CreateClient().BaseAddress };
        var response = await client.PostAsync("/api/messages", new ChunkedContent(Encoding.UTF8.GetBytes(activity.ToJsonString())));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_UnknownActivityType_Returns200AndSendsNothing()
    {
        await using var connector = await FakeConnector.StartAsync();
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl);
        activity["type"] = "messageReaction";

        var response = await bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task PostActivity_DevelopmentModeRemoteCaller_Returns401AndSendsNothing()
    {
        await using var connector = await FakeConnector.StartAsync();
        // A documentation-range address: only what the bot believes the caller is; nothing is sent to it.
        await using var app = new BotApp { CallerAddress = IPAddress.Parse("203.0.113.7") };

        var response = await app.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task PostActivity_DevelopmentModeRemoteServiceUrl_SendsNoReply()
    {
        var outgoing = new RecordingHandler();
        await using var app = new BotApp().WithServices(services =>
            services.AddHttpClient(nameof(ConnectorClient)).ConfigurePrimaryHttpMessageHandler(() => outgoing));

        var response = await app.PostActivityAsync(
            TeamsPayloads.Load(TeamsPayloads.PersonalMessage, new Uri("https://smba.trafficmanager.net/emea/")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(outgoing.Requests);
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("from")]
    public async Task PostActivity_IdFarLongerThanTeamsSends_Returns400AndSendsNothing(string account)
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApp();
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl);
        activity[account]!["id"] = "a:" + new string('x', MessagesEndpoint.MaxIdLength);

        var response = await app.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task PostActivity_TenantNotAllowed_Returns403AndSendsNothing()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApp().WithSetting("Bot:AllowedTenants", "11111111-2222-3333-4444-555555555555, " + TeamsPayloads.TenantId);
        var stranger = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl);
        stranger["conversation"]!["tenantId"] = "99999999-0000-0000-0000-000000000000";
        stranger["channelData"]!["tenant"]!["id"] = "99999999-0000-0000-0000-000000000000";

        var refused = await app.PostActivityAsync(stranger);
        var accepted = await app.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(await connector.WaitForRequestsAsync(1));
    }

    [Fact]
    public async Task PostActivity_TurnThrows_Returns200AndAsksUserToTryAgain()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApp().WithServices(services =>
            services.AddSingleton<ActivityHandler>(new ThrowingBot(new InvalidOperationException("boom"))));

        var response = await app.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.Equal(TurnErrorMessage.Default, sent.Text);
    }

    [Fact]
    public async Task PostActivity_TurnThrowsExceptionWithOwnWording_TellsUserThatWording()
    {
        const string wording = "I couldn't reach my storage, please try again in a minute.";
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApp().WithServices(services => services
            .AddTurnErrorMessage<StorageDownForTestException>(wording)
            .AddSingleton<ActivityHandler>(new ThrowingBot(new StorageDownForTestException())));

        var response = await app.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(wording, Assert.Single(await connector.WaitForRequestsAsync(1)).Text);
    }

    [Fact]
    public async Task PostActivity_ConnectorFailsOnce_ReplyIsRetried()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.AnswerNext(StatusCodes.Status500InternalServerError);

        var response = await bot.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = await connector.WaitForRequestsAsync(2);
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
    }

    [Fact]
    public async Task PostActivity_ConnectorThrottlesPastDeadline_AnswersTeamsBeforeReplyIsDelivered()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApp().WithSetting("Bot:ResponseDeadline", "00:00:00.200");
        connector.AnswerNext(StatusCodes.Status429TooManyRequests, retryAfter: TimeSpan.FromSeconds(2));

        var response = await app.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.InstallationAdd, connector.ServiceUrl));
        var deliveredBeforeAnswer = connector.Requests.Count;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(deliveredBeforeAnswer <= 1, "Teams was kept waiting until the throttled reply went through");
        var attempts = await connector.WaitForRequestsAsync(2);
        WelcomeCardAssert.IsWelcomeCard(attempts[1].AttachmentContent);
    }

    private async Task<HttpResponseMessage> PostRawAsync(string body, string contentType) =>
        await bot.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType));

    private sealed class ThrowingBot(Exception exception) : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(TurnContext turn, CancellationToken cancellationToken) => throw exception;
    }

    private sealed class StorageDownForTestException : Exception;

    /// <summary>Content without a known length, so it is sent chunked (no Content-Length header to refuse early).</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>Stands in for the network: records what would have been sent and answers like the connector.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public IReadOnlyList<HttpRequestMessage> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
            _requests.Add(request);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"1\"}") });
    }
}
