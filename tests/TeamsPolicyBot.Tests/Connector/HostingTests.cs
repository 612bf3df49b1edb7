using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Connector;

/// <summary>Start-up configuration and /healthz.</summary>
public class HostingTests
{
    [Fact]
    public async Task Start_NoConfiguration_ListensOnLoopbackPort3978InDevelopmentMode()
    {
        await using var app = new BotApp();

        var configuration = app.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("http://127.0.0.1:3978", configuration["Urls"]);
        Assert.True(app.Services.GetRequiredService<IOptions<BotOptions>>().Value.IsDevelopmentMode);
    }

    [Theory]
    [InlineData("Bot:TenantId", "", "Bot:TenantId is required")]
    [InlineData("Bot:ClientSecret", "", "exactly one of Bot:ClientSecret or Bot:ManagedIdentityClientId")]
    [InlineData("Bot:ManagedIdentityClientId", "0f0e0d0c-0000-0000-0000-000000000001", "exactly one of Bot:ClientSecret or Bot:ManagedIdentityClientId")]
    [InlineData("Bot:OpenIdMetadataUrl", "http://login.example.org/metadata", "Bot:OpenIdMetadataUrl must be an absolute https URL")]
    [InlineData("Bot:ResponseDeadline", "00:00:20", "ResponseDeadline")]
    [InlineData("Bot:Retry:MaxAttempts", "0", "Bot:Retry:MaxAttempts")]
    public void Start_InvalidBotConfiguration_FailsWithClearMessage(string key, string value, string expected)
    {
        using var app = new BotApp()
            .WithSetting("Bot:AppId", "9a8b7c6d-0000-0000-0000-000000000001")
            .WithSetting("Bot:TenantId", TeamsPayloads.TenantId)
            .WithSetting("Bot:ClientSecret", "not-a-real-secret")
            .WithSetting(key, value);

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(expected, error.Message);
    }
}
