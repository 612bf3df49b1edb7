using System.Net;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Moq.Protected;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Connector;

/// <summary>The connector client, built as the bot builds it, over a mocked network: URLs, methods, retries, typed failures, the cached token.</summary>
public sealed class ConnectorClientTests : IDisposable
{
    private static readonly Uri ServiceUrl = new("https://smba.trafficmanager.net/emea/");
    private const string ConversationId = "19:abc@thread.tacv2;messageid=1741082571911";
    private const string EscapedConversationId = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1741082571911";

    private readonly Mock<HttpMessageHandler> _network = new();
    private readonly List<(HttpMethod Method, string Url, string? Body, string? Authorization)> _sent = [];
    private readonly Mock<TokenCredential> _credential = new();
    private readonly CapturingLoggerProvider _logs = new();
    private ServiceProvider? _services;

    public ConnectorClientTests()
    {
        AnswerWith(HttpStatusCode.OK, """{"id":"1:reply"}""");
        _credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("token-1", DateTimeOffset.UtcNow.AddHours(1)));
    }

    [Fact]
    public async Task ReplyToActivityAsync_Always_PostsToEscapedActivityUrl()
    {
        var result = await Client().ReplyToActivityAsync(ServiceUrl, ConversationId, "f:4c1d8e2b", new Activity { Type = "message", Text = "hi" }, default);

        Assert.True(result.IsOk);
        Assert.Equal("1:reply", result.Value!.Id);
        AssertSent(HttpMethod.Post, $"https://smba.trafficmanager.net/emea/v3/conversations/{EscapedConversationId}/activities/f%3A4c1d8e2b");
        Assert.Equal("hi", JsonNode.Parse(_sent[0].Body!)!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendToConversationAsync_ServiceUrlWithoutTrailingSlash_KeepsItsPath()
    {
        await Client().SendToConversationAsync(new Uri("https://smba.trafficmanager.net/emea"), "a:1", new Activity { Type = "message" }, default);

        AssertSent(HttpMethod.Post, "https://smba.trafficmanager.net/emea/v3/conversations/a%3A1/activities");
    }

    [Fact]
    public async Task UpdateActivityAsync_Always_PutsToActivityUrl()
    {
        await Client().UpdateActivityAsync(ServiceUrl, ConversationId, "1:card/42", new Activity { Type = "message" }, default);

        AssertSent(HttpMethod.Put, $"https://smba.trafficmanager.net/emea/v3/conversations/{EscapedConversationId}/activities/1%3Acard%2F42");
    }

    [Fact]
    public async Task CreateConversationAsync_ChannelThread_PostsChannelAndIsGroup()
    {
        AnswerWith(HttpStatusCode.Created, """{"id":"19:general@thread.tacv2;messageid=99","activityId":"99"}""");
        var bot = new ChannelAccount { Id = "28:bot" };
        var firstMessage = new Activity { Type = "message", Text = "Post approval needed" };

        var result = await Client().CreateConversationAsync(
            ServiceUrl, ConversationParameters.ChannelThread(bot, "19:general@thread.tacv2", "tenant-1", firstMessage), default);

        AssertSent(HttpMethod.Post, "https://smba.trafficmanager.net/emea/v3/conversations");
        var body = JsonNode.Parse(_sent[0].Body!)!;
        Assert.True(body["isGroup"]!.GetValue<bool>());
        Assert.Equal("19:general@thread.tacv2", body["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal("Post approval needed", body["activity"]!["text"]!.GetValue<string>());
        Assert.Equal("99", result.Value!.ActivityId);
    }

    [Fact]
    public async Task CreateConversationAsync_Personal_PostsTheMemberAndTenant()
    {
        await Client().CreateConversationAsync(ServiceUrl, ConversationParameters.Personal(new ChannelAccount { Id = "28:bot" }, "29:sam", "tenant-1"), default);

        var body = JsonNode.Parse(_sent[0].Body!)!;
        Assert.False(body["isGroup"]!.GetValue<bool>());
        Assert.Equal("29:sam", body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", body["tenantId"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetMemberAsync_Always_GetsEscapedMemberUrl()
    {
        AnswerWith(HttpStatusCode.OK, """{"id":"29:sam","name":"Sam Taylor","email":"sam@oakfield.sch.uk","userRole":"user"}""");

        var result = await Client().GetMemberAsync(ServiceUrl, ConversationId, "29:sam", default);

        AssertSent(HttpMethod.Get, $"https://smba.trafficmanager.net/emea/v3/conversations/{EscapedConversationId}/members/29%3Asam");
        Assert.Equal("sam@oakfield.sch.uk", result.Value!.Email);
    }

    [Fact]
    public async Task GetPagedMembersAsync_WithContinuation_GetsPagedMembersUrl()
    {
        AnswerWith(HttpStatusCode.OK, """{"continuationToken":"next+page","members":[{"id":"29:sam"}]}""");

        var result = await Client().GetPagedMembersAsync(ServiceUrl, TeamsPayloads.TenantId, "19:team@thread.tacv2", 100, "a+b/c", default);

        AssertSent(HttpMethod.Get, "https://smba.trafficmanager.net/emea/v3/conversations/19%3Ateam%40thread.tacv2/pagedmembers?pageSize=100&continuationToken=a%2Bb%2Fc");
        Assert.Equal("next+page", result.Value!.ContinuationToken);
        Assert.Equal("29:sam", Assert.Single(result.Value.Members!).Id);
    }

    [Fact]
    public async Task GetChannelsAsync_Always_GetsTeamConversationsUrl()
    {
        AnswerWith(HttpStatusCode.OK, """{"conversations":[{"id":"19:general@thread.tacv2"},{"id":"19:x@thread.tacv2","name":"Marketing"}]}""");

        var result = await Client().GetChannelsAsync(ServiceUrl, TeamsPayloads.TenantId, "19:team@thread.tacv2", default);

        AssertSent(HttpMethod.Get, "https://smba.trafficmanager.net/emea/v3/teams/19%3Ateam%40thread.tacv2/conversations");
        Assert.Equal(["19:general@thread.tacv2", "19:x@thread.tacv2"], result.Value!.Conversations!.Select(c => c.Id));
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, ConnectorStatus.BotRemoved)]
    [InlineData(HttpStatusCode.NotFound, ConnectorStatus.NotFound)]
    [InlineData(HttpStatusCode.BadRequest, ConnectorStatus.Failed)]
    public async Task SendToConversationAsync_ClientError_ReturnsTypedResultWithoutRetrying(HttpStatusCode status, ConnectorStatus expected)
    {
        AnswerWith(status, """{"error":{"code":"BotNotInConversationRoster"}}""");

        var result = await Client().SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = "message" }, default);

        Assert.Equal(expected, result.Status);
        Assert.Equal((int)status, result.HttpStatus);
        Assert.Single(_sent);
    }

    [Fact]
    public async Task SendToConversationAsync_Throttled_WaitsRetryAfterThenSucceeds()
    {
        var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
        AnswerInTurn(throttled, Ok());
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await Client().SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = "message", Text = "hi" }, default);

        Assert.True(result.IsOk);
        Assert.Equal(2, _sent.Count);
        Assert.Equal(_sent[0].Body, _sent[1].Body);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.Elapsed}, before Retry-After");
    }

    [Fact]
    public async Task SendToConversationAsync_ThrottledWithShortRetryAfter_StillBacksOffExponentially()
    {
        HttpResponseMessage Throttled()
        {
            var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return throttled;
        }
        AnswerInTurn(Throttled(), Throttled(), Throttled(), Ok());
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await Client().SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = "message", Text = "hi" }, default);

        Assert.True(result.IsOk);
        Assert.Equal(4, _sent.Count);
        // The client's base delay is 5 ms: 5 + 10 + 20 ms at least, where Retry-After alone would allow none.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(35), $"three retries took only {clock.Elapsed}");
    }

    [Fact]
    public async Task SendToConversationAsync_ThrottledOnce_LogsOneRetryLineWithoutTheConversation()
    {
        AnswerInTurn(new HttpResponseMessage(HttpStatusCode.TooManyRequests), Ok());

        await Client().SendToConversationAsync(ServiceUrl, ConversationId, new Activity { Type = "message", Text = "hi" }, default);

        var logged = Assert.Single(_logs.Logs, log => log.Level >= LogLevel.Information);
        Assert.Equal(typeof(ConnectorRetry).FullName, logged.Category);
        Assert.Equal("429", logged.Values["StatusCode"]);
        Assert.DoesNotContain("19:abc", logged.AllText);
        Assert.DoesNotContain("token-1", logged.AllText);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task SendToConversationAsync_TransientServerError_RetriesThenSucceeds(HttpStatusCode status)
    {
        AnswerInTurn(new HttpResponseMessage(status), Ok());

        var result = await Client().SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = "message" }, default);

        Assert.True(result.IsOk);
        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_ServerKeepsFailing_GivesUpAfterBoundedAttempts()
    {
        AnswerWith(HttpStatusCode.InternalServerError, "");

        var result = await Client().SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = "message" }, default);

        Assert.Equal(ConnectorStatus.Failed, result.Status);
        Assert.Equal(1 + 3, _sent.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.NotImplemented)]
    [InlineData(HttpStatusCode.HttpVersionNotSupported)]
    public async Task SendToConversationAsync_OtherErrorAHttpLibraryWouldRetry_PostsOnlyOnce(HttpStatusCode status)
    {
        AnswerWith(status, "");

        var result = await Client().SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = "message" }, default);

        Assert.Equal(ConnectorStatus.Failed, result.Status);
        Assert.Single(_sent);
    }

    [Fact]
    public async Task SendToConversationAsync_AfterManyCallsFailed_StillSendsTheNextCall()
    {
        var client = Client(maxAttempts: 1);
        AnswerWith(HttpStatusCode.InternalServerError, "");
        for (var call = 0; call < 60; call++)
            await client.SendToConversationAsync(ServiceUrl, $"a:{call}", new Activity { Type = "message" }, default);

        AnswerWith(HttpStatusCode.OK, """{"id":"1:ok"}""");
        var result = await client.SendToConversationAsync(ServiceUrl, "a:other", new Activity { Type = "message" }, default);

        Assert.True(result.IsOk, "a circuit breaker refused the call after other conversations' failures");
        Assert.Equal(60 * 2 + 1, _sent.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_NetworkDown_ReturnsFailedAfterRetries()
    {
        _network.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .Callback<HttpRequestMessage, CancellationToken>((request, _) => Record(request))
            .ThrowsAsync(new HttpRequestException("Connection refused"));

        var result = await Client().SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = "message" }, default);

        Assert.Equal(ConnectorStatus.Failed, result.Status);
        Assert.Equal(1 + 3, _sent.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_TwoCalls_AsksCredentialForTokenOnce()
    {
        var client = Client();

        await client.SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = "message" }, default);
        await client.SendToConversationAsync(ServiceUrl, "a:2", new Activity { Type = "message" }, default);

        Assert.All(_sent, sent => Assert.Equal("Bearer token-1", sent.Authorization));
        _credential.Verify(c => c.GetTokenAsync(
            It.Is<TokenRequestContext>(r => r.Scopes.SequenceEqual(new[] { "https://api.botframework.com/.default" })), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SendToConversationAsync_TokenAboutToExpire_AsksCredentialAgain()
    {
        _credential.SetupSequence(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("expiring", DateTimeOffset.UtcNow.AddMinutes(2)))
            .ReturnsAsync(new AccessToken("fresh", DateTimeOffset.UtcNow.AddHours(1)));
        var client = Client();

        await client.SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = "message" }, default);
        await client.SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = "message" }, default);

        Assert.Equal(["Bearer expiring", "Bearer fresh"], _sent.Select(s => s.Authorization));
    }

    [Fact]
    public async Task SendToConversationAsync_DevelopmentModeRemoteServiceUrl_RefusesWithoutSending()
    {
        var result = await Client(appId: "").SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = "message" }, default);

        Assert.Equal(ConnectorStatus.Refused, result.Status);
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task SendToConversationAsync_DevelopmentModeLoopback_SendsWithoutToken()
    {
        var result = await Client(appId: "").SendToConversationAsync(new Uri("http://localhost:56150/_connector"), "a:1", new Activity { Type = "message" }, default);

        Assert.True(result.IsOk);
        AssertSent(HttpMethod.Post, "http://localhost:56150/_connector/v3/conversations/a%3A1/activities");
        Assert.Null(_sent[0].Authorization);
        _credential.VerifyNoOtherCalls();
    }

    /// <summary>The client as the bot builds it (retries, token handler), over the mocked network.</summary>
    private ConnectorClient Client(string appId = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", int maxAttempts = 3)
    {
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(_logs)).AddSingleton(TimeProvider.System);
        services.Configure<BotOptions>(bot =>
        {
            bot.AppId = appId;
            bot.Retry = new ConnectorRetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromSeconds(5) };
        });
        services.AddConnectorClient().ConfigurePrimaryHttpMessageHandler(() => _network.Object);
        services.AddSingleton(_credential.Object);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<ConnectorClient>();
    }

    public void Dispose() => _services?.Dispose();

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent("""{"id":"1:ok"}""") };

    private void AnswerWith(HttpStatusCode status, string body) =>
        _network.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .Callback<HttpRequestMessage, CancellationToken>((request, _) => Record(request))
            .ReturnsAsync(() => new HttpResponseMessage(status) { Content = new StringContent(body) });

    private void AnswerInTurn(params HttpResponseMessage[] responses)
    {
        var next = 0;
        _network.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .Callback<HttpRequestMessage, CancellationToken>((request, _) => Record(request))
            .ReturnsAsync(() => responses[next++]);
    }

    private void Record(HttpRequestMessage request) => _sent.Add((
        request.Method,
        request.RequestUri!.AbsoluteUri,
        request.Content?.ReadAsStringAsync().GetAwaiter().GetResult(),
        request.Headers.Authorization?.ToString()));

    private void AssertSent(HttpMethod method, string url)
    {
        var sent = Assert.Single(_sent);
        Assert.Equal(method, sent.Method);
        Assert.Equal(url, sent.Url);
    }
}
