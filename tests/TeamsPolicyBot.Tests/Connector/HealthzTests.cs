using System.Net;
using System.Text.Json.Nodes;
using TeamsPolicyBot.Tests.Infrastructure;
using TeamsPolicyBot.Tests.Storage;

namespace TeamsPolicyBot.Tests.Connector;

/// <summary>GET /healthz reports whether table storage answers, as an App Service health probe reads it.</summary>
[Collection(AzuriteCollection.Name)]
public class HealthzTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetHealthz_StorageAnswers_Returns200()
    {
        await using var app = new BotApp().WithSetting("Storage:ConnectionString", azurite.ConnectionString);

        var response = await app.CreateClient().GetAsync("/healthz");

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetHealthz_StorageDown_Returns503WithTheReason()
    {
        await using var app = new BotApp().WithSetting("Storage:ConnectionString", Unreachable.ClosedPortConnectionString());

        var response = await app.CreateClient().GetAsync("/healthz");

        var check = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]![0]!;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("storage", check["name"]!.GetValue<string>());
        Assert.Equal("Unhealthy", check["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(check["reason"]?.GetValue<string>()));
    }
}
