using System.Text.Json.Nodes;
using TeamsPolicyBot.Tests.Cards;

namespace TeamsPolicyBot.Tests.Manifest;

public sealed class ManifestOracleTests
{
    [Fact]
    public async Task Validate_ManifestBreakingTheSchema_ReportsEachError()
    {
        var manifest = Committed();
        manifest["id"] = "{{APP_ID}}";
        manifest["name"]!["short"] = "Policy Bot for every member of staff";
        manifest["developer"]!.AsObject().Remove("privacyUrl");

        var errors = await ManifestOracle.ValidateAsync(manifest);

        Assert.Contains(errors, error => error.StartsWith("/id ", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("/name/short ", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("privacyUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_SchemaVersionNotBundled_IsAnErrorRatherThanAFetch()
    {
        var manifest = Committed();
        manifest["$schema"] = "https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json";

        var errors = await ManifestOracle.ValidateAsync(manifest);

        Assert.Contains(errors, error => error.Contains("not a Teams schema bundled", StringComparison.Ordinal));
    }

    private static JsonNode Committed() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.ManifestDirectory, "manifest.json")))!;
}
