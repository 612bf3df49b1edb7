using System.Net;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Moq;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Connector;

/// <summary>
/// What the bot logs about a turn: every line carries the request's correlation id and the turn's shape, and no
/// line, scope or exception ever holds what staff typed, a token, a secret or a raw conversation id.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class TurnLoggingTests(AzuriteFixture azurite)
{
    private const string AppId = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d";
    private const string Question = "Can I accept the Instagram follow request from Marigold Featherstonehaugh in Year 9?";
    private const string ClientSecret = "client-secret-Q7vX2pLm9RtZ";
    private const string OutgoingToken = "outgoing-token-W4kN8sJd3HyB";

    [Fact]
    public async Task PostActivity_MessageWithToken_LogsCorrelatedScopesWithoutTextTokenOrSecret()
    {
        await using var identity = await FakeConnectorIdentity.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var bot = ProductionBot(identity, logs);
        var activity = TeamsPayloads.Load(TeamsPayloads.PersonalMessage, connector.ServiceUrl);
        activity["text"] = Question;
        var conversationId = TeamsPayloads.ConversationId(activity);
        var incomingToken = identity.CreateToken(new TokenSpec(AppId, connector.ServiceUrl.ToString()));

        var response = await bot.PostActivityAsync(activity, incomingToken);
        await bot.DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var correlationId = Assert.Single(response.Headers.GetValues(TurnLogScope.CorrelationHeader));
        var turnLogs = logs.Logs.Where(log => log.ScopeValue("CorrelationId") == correlationId).ToList();
        Assert.Contains(turnLogs, log => log.Category == typeof(TurnRunner).FullName);
        Assert.All(turnLogs, log =>
        {
            Assert.Equal("message", log.ScopeValue("ActivityType"));
            Assert.Equal("personal", log.ScopeValue("ConversationType"));
            Assert.Equal(TurnLogScope.HashConversationId(conversationId), log.ScopeValue("ConversationHash"));
        });
        var everything = string.Join("\n", logs.Logs.Select(log => log.AllText));
        Assert.DoesNotContain("Featherstonehaugh", everything);
        Assert.DoesNotContain(incomingToken, everything);
        Assert.DoesNotContain(incomingToken.Split('.')[2], everything);
        Assert.DoesNotContain(OutgoingToken, everything);
        Assert.DoesNotContain(ClientSecret, everything);
        Assert.DoesNotContain(conversationId, everything);
    }

    [Fact]
    public async Task PostActivity_Malformed_AnswersWithCorrelationIdItLogged()
    {
        var logs = new CapturingLoggerProvider();
        await using var bot = new BotApp().WithServices(services => services.AddSingleton<ILoggerProvider>(logs));

        var response = await bot.CreateClient().PostAsync("/api/messages", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var correlationId = Assert.Single(response.Headers.GetValues(TurnLogScope.CorrelationHeader));
        Assert.Contains(logs.Logs, log => log.ScopeValue("CorrelationId") == correlationId && log.Message.StartsWith("Malformed activity", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_OutsideDevelopment_LogsJsonLinesWithScopes()
    {
        using var bot = new BotApp().WithEnvironment("Production").WithSetting("Policy:Pack", "fierte");

        var console = bot.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = bot.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;

        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        Assert.True(json.IncludeScopes);
    }

    private BotApp ProductionBot(FakeConnectorIdentity identity, CapturingLoggerProvider logs)
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken(OutgoingToken, DateTimeOffset.UtcNow.AddHours(1)));
        return new BotApp()
            .WithSetting("Bot:AppId", AppId)
            .WithSetting("Bot:TenantId", TeamsPayloads.TenantId)
            .WithSetting("Bot:ClientSecret", ClientSecret)
            .WithSetting("Bot:OpenIdMetadataUrl", identity.MetadataUrl.ToString())
            .WithStorage(azurite, AzuriteFixture.UniqueTablePrefix())
            .WithSetting("Logging:LogLevel:Default", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .WithSetting("Logging:LogLevel:System.Net.Http.HttpClient", "Trace")
            .WithServices(services => services.AddSingleton(credential.Object).AddSingleton<ILoggerProvider>(logs));
    }
}
