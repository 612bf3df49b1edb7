using System.Net;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Moq;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Connector;

/// <summary>
/// With Bot:AppId set, only activities carrying a Bot Framework token for this bot are handled. Keys and
/// tokens come from <see cref="FakeConnectorIdentity"/>; every check has a test that fails without it.
/// </summary>
public class AuthenticationTests(AuthenticationTests.ProductionBot fixture) : IClassFixture<AuthenticationTests.ProductionBot>
{
    public const string AppId = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d";

    [Fact]
    public async Task PostActivity_ValidTeamsToken_IsHandledAndReplyCarriesBotToken()
    {
        await using var connector = await FakeConnector.StartAsync();

        var response = await PostAsync(connector, spec => spec);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.Equal("Bearer outgoing-bot-token", reply.Authorization);
    }

    [Fact]
    public async Task PostActivity_TokenExpiredWithinClockSkew_IsHandled()
    {
        await using var connector = await FakeConnector.StartAsync();

        var response = await PostAsync(connector, spec => spec with { Expires = DateTimeOffset.UtcNow.AddMinutes(-2) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, Func<TokenSpec, TokenSpec>> RejectedTokens => new()
    {
        { "forged signature", spec => spec with { ForgeSignature = true } },
        { "wrong audience", spec => spec with { Audience = "00000000-1111-2222-3333-444444444444" } },
        { "wrong issuer", spec => spec with { Issuer = "https://sts.windows.net/attacker/" } },
        { "expired beyond skew", spec => spec with { Expires = DateTimeOffset.UtcNow.AddMinutes(-10) } },
        { "serviceUrl mismatch", spec => spec with { ServiceUrl = "https://smba.trafficmanager.net/emea/" } },
        { "key not endorsed for msteams", spec => spec with { KeyId = FakeConnectorIdentity.WebChatKeyId } },
        { "unpublished key", spec => spec with { KeyId = "never-published", ForgeSignature = true } },
        { "not RS256", spec => spec with { Algorithm = SecurityAlgorithms.RsaSha512 } },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task PostActivity_BadToken_Returns401WithEmptyBodyAndSendsNothing(string why, Func<TokenSpec, TokenSpec> tamper)
    {
        await using var connector = await FakeConnector.StartAsync();

        var response = await PostAsync(connector, tamper);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: got {response.StatusCode}");
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(connector.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    public async Task PostActivity_NoBearerJwt_Returns401(string? authorization)
    {
        await using var connector = await FakeConnector.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await fixture.Bot.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task PostActivity_ValidTokenFromOtherTenant_Returns403()
    {
        await using var connector = await FakeConnector.StartAsync();
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl);
        activity["conversation"]!["tenantId"] = "99999999-0000-0000-0000-000000000000";
        activity["channelData"]!["tenant"]!["id"] = "99999999-0000-0000-0000-000000000000";

        var response = await fixture.Bot.PostActivityAsync(activity, fixture.Identity.CreateToken(new TokenSpec(AppId, connector.ServiceUrl.ToString())));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task PostActivity_SigningKeyRotated_FetchesKeysAgainAndAccepts()
    {
        await using var connector = await FakeConnector.StartAsync();
        var clock = new ShiftedTimeProvider();
        await using var bot = fixture.NewBot().WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var token = new TokenSpec(AppId, connector.ServiceUrl.ToString());
        var before = await bot.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl), fixture.Identity.CreateToken(token));
        fixture.Identity.PublishKey("rotated-key", "msteams");
        var fetchesBefore = fixture.Identity.MetadataFetches;

        clock.Offset = TimeSpan.FromMinutes(2);
        var after = await bot.PostActivityAsync(
            TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl), fixture.Identity.CreateToken(token with { KeyId = "rotated-key" }));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(fetchesBefore + 1, fixture.Identity.MetadataFetches);
    }

    [Fact]
    public async Task PostActivity_UnknownKeysRepeatedly_FetchesKeysAtMostOncePerMinute()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = fixture.NewBot();
        var fetchesBefore = fixture.Identity.MetadataFetches;

        for (var i = 0; i < 5; i++)
        {
            var forged = new TokenSpec(AppId, connector.ServiceUrl.ToString()) { KeyId = $"random-{i}", ForgeSignature = true };
            await bot.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl), fixture.Identity.CreateToken(forged));
        }

        Assert.Equal(fetchesBefore + 1, fixture.Identity.MetadataFetches);
    }

    [Fact]
    public async Task PostActivity_KeysStaleAndMetadataDown_KeepsAcceptingWithPreviousKeys()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var identity = await FakeConnectorIdentity.StartAsync();
        var clock = new ShiftedTimeProvider();
        await using var bot = fixture.NewBot(identity).WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var token = identity.CreateToken(new TokenSpec(AppId, connector.ServiceUrl.ToString()));
        var before = await bot.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl), token);

        identity.Unavailable = true;
        clock.Offset = TimeSpan.FromDays(1.5);
        var during = await bot.PostActivityAsync(TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl), token);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal(2, identity.MetadataFetches);
    }

    [Fact]
    public async Task PostActivity_MetadataDownFromStart_Returns401()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var identity = await FakeConnectorIdentity.StartAsync();
        identity.Unavailable = true;
        await using var bot = fixture.NewBot(identity);

        var response = await bot.PostActivityAsync(
            TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl), identity.CreateToken(new TokenSpec(AppId, connector.ServiceUrl.ToString())));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(FakeConnector connector, Func<TokenSpec, TokenSpec> tamper)
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl);
        var token = fixture.Identity.CreateToken(tamper(new TokenSpec(AppId, connector.ServiceUrl.ToString())));
        return await fixture.Bot.PostActivityAsync(activity, token);
    }

    /// <summary>The bot with a production configuration (app id, tenant allow-list) against the fake token service.</summary>
    public sealed class ProductionBot : IAsyncLifetime
    {
        public FakeConnectorIdentity Identity { get; private set; } = null!;
        public BotApp Bot { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Identity = await FakeConnectorIdentity.StartAsync();
            Bot = NewBot();
        }

        public BotApp NewBot(FakeConnectorIdentity? identity = null)
        {
            var credential = new Mock<TokenCredential>();
            credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync(new AccessToken("outgoing-bot-token", DateTimeOffset.UtcNow.AddHours(1)));
            return new BotApp()
                .WithSetting("Bot:AppId", AppId)
                .WithSetting("Bot:TenantId", TeamsPayloads.TenantId)
                .WithSetting("Bot:ClientSecret", "unused-because-the-credential-is-mocked")
                .WithSetting("Bot:OpenIdMetadataUrl", (identity ?? Identity).MetadataUrl.ToString())
                .WithSetting("Bot:AllowedTenants", TeamsPayloads.TenantId)
                .WithServices(services => services.AddSingleton(credential.Object));
        }

        public async Task DisposeAsync()
        {
            await Bot.DisposeAsync();
            await Identity.DisposeAsync();
        }
    }

    private sealed class ShiftedTimeProvider : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
