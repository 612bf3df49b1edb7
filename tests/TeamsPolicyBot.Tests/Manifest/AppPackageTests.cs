using System.Text;
using System.Text.Json.Nodes;
using TeamsPolicyBot.Tests.Cards;

namespace TeamsPolicyBot.Tests.Manifest;

public sealed class AppPackageTests
{
    private const string BotId = "0b7e9c41-3f5d-4a6e-8b2c-9d0e1f2a3b4c";
    private const string AppId = "5d2c8e7a-9b1f-4c3d-8e6a-2f4b6d8c0a1e";
    private const string BotDomain = "policybot-oakfield.azurewebsites.net";

    private static readonly Dictionary<string, string> Deployment = new()
    {
        ["BOT_ID"] = BotId,
        ["BOT_DOMAIN"] = BotDomain,
        ["APP_ID"] = AppId,
        ["DEVELOPER_NAME"] = "Oakfield Learning Trust",
        ["DEVELOPER_WEBSITE_URL"] = "https://www.oakfield.example.org/",
        ["PRIVACY_URL"] = "https://www.oakfield.example.org/privacy",
        ["TERMS_OF_USE_URL"] = "https://www.oakfield.example.org/terms",
    };

    [Fact]
    public async Task Build_WithDeploymentSettings_ZipHoldsExactlyManifestAndBothIcons()
    {
        using var package = await BuildSucceedingAsync(Deployment);

        Assert.Equal(["color.png", "manifest.json", "outline.png"], package.ReadEntries().Keys.Order());
    }

    [Fact]
    public async Task Build_WithDeploymentSettings_ManifestCarriesTheIdsAndNoPlaceholders()
    {
        using var package = await BuildSucceedingAsync(Deployment);

        var text = Encoding.UTF8.GetString(package.ReadEntries()["manifest.json"]);
        var manifest = JsonNode.Parse(text)!;
        Assert.DoesNotContain("{{", text);
        Assert.Equal(AppId, (string)manifest["id"]!);
        Assert.Equal(BotId, (string)manifest["bots"]![0]!["botId"]!);
        Assert.Equal([BotDomain], manifest["validDomains"]!.AsArray().Select(d => (string)d!));
        Assert.Equal("Oakfield Learning Trust", (string)manifest["developer"]!["name"]!);
        Assert.Equal("https://www.oakfield.example.org/privacy", (string)manifest["developer"]!["privacyUrl"]!);
    }

    [Fact]
    public async Task Build_WithDeploymentSettings_BotReceivesFilesSoStaffCanSendPhotos()
    {
        using var package = await BuildSucceedingAsync(Deployment);

        var manifest = JsonNode.Parse(package.ReadEntries()["manifest.json"])!;
        Assert.True((bool)manifest["bots"]![0]!["supportsFiles"]!);
    }

    [Fact]
    public async Task Build_WithDeploymentSettings_ManifestPassesTheOfficialSchema()
    {
        using var package = await BuildSucceedingAsync(Deployment);

        var manifest = JsonNode.Parse(package.ReadEntries()["manifest.json"])!;
        var errors = await ManifestOracle.ValidateAsync(manifest);
        Assert.True(errors.Count == 0, "Schema errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task Build_WithOnlyBotIdAndDomain_UsesBotIdAsAppIdAndStillPassesTheSchema()
    {
        using var package = await BuildSucceedingAsync(new() { ["BOT_ID"] = BotId, ["BOT_DOMAIN"] = BotDomain });

        var manifest = JsonNode.Parse(package.ReadEntries()["manifest.json"])!;
        Assert.Equal(BotId, (string)manifest["id"]!);
        var errors = await ManifestOracle.ValidateAsync(manifest);
        Assert.True(errors.Count == 0, "Schema errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task Build_WithDeploymentSettings_PackagesTheCommittedIcons()
    {
        using var package = await BuildSucceedingAsync(Deployment);

        var entries = package.ReadEntries();
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.ManifestDirectory, "color.png")), entries["color.png"]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.ManifestDirectory, "outline.png")), entries["outline.png"]);
    }

    [Fact]
    public async Task Build_WithoutBotId_FailsNamingBotIdAndWritesNoZip()
    {
        using var package = await AppPackage.BuildAsync(new Dictionary<string, string> { ["BOT_DOMAIN"] = BotDomain });

        Assert.NotEqual(0, package.Build.ExitCode);
        Assert.Contains("BOT_ID is required", package.Build.Errors);
        Assert.False(File.Exists(package.ZipPath));
    }

    [Theory]
    [InlineData("BOT_ID", "not-a-guid", "BOT_ID must be a GUID")]
    [InlineData("APP_ID", "12345", "APP_ID must be a GUID")]
    [InlineData("BOT_DOMAIN", "https://policybot.azurewebsites.net/api/messages", "BOT_DOMAIN must be a host name")]
    [InlineData("PRIVACY_URL", "http://www.oakfield.example.org/privacy", "PRIVACY_URL must be an https URL")]
    public async Task Build_WithMalformedSetting_FailsSayingWhatIsWrong(string name, string value, string message)
    {
        using var package = await AppPackage.BuildAsync(new Dictionary<string, string>(Deployment) { [name] = value });

        Assert.NotEqual(0, package.Build.ExitCode);
        Assert.Contains(message, package.Build.Errors);
        Assert.False(File.Exists(package.ZipPath));
    }

    private static async Task<AppPackage> BuildSucceedingAsync(Dictionary<string, string> settings)
    {
        var package = await AppPackage.BuildAsync(settings);
        Assert.True(package.Build.ExitCode == 0, $"manifest/build.mjs failed: {package.Build.Errors}");
        return package;
    }
}
