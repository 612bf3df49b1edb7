using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Tests.Cards;

/// <summary>
/// Every card template with sample data binds as the official adaptivecards-templating engine
/// binds it, and the result is a clean Adaptive Card 1.5 to the official adaptivecards renderer.
/// Templates added to cards/ later are picked up without changing this class.
/// </summary>
public class CardConformanceTests(CardConformanceFixture cards) : IClassFixture<CardConformanceFixture>
{
    [Fact]
    public void CardsFolder_EveryTemplate_HasSampleData()
    {
        var templates = Directory.EnumerateFiles(Repository.CardsDirectory, "*.json")
            .Where(path => !path.EndsWith(".data.json", StringComparison.Ordinal))
            .Select(path => Path.GetFileNameWithoutExtension(path));

        Assert.DoesNotContain(templates, name => !File.Exists(Path.Combine(Repository.CardsDirectory, name + ".data.json")));
    }

    [Theory]
    [MemberData(nameof(CardConformanceFixture.SampleCards), MemberType = typeof(CardConformanceFixture))]
    public void Render_SampleData_MatchesOfficialTemplating(string name)
    {
        var official = cards.Oracle[name];

        Assert.False(official.ContainsKey("expandError"), $"the official engine failed: {official["expandError"]}");
        JsonTree.AssertEqual(official["expanded"], BoundCard(name));
    }

    [Theory]
    [MemberData(nameof(CardConformanceFixture.SampleCards), MemberType = typeof(CardConformanceFixture))]
    public void Render_SampleData_ParsesInOfficialRendererAsVersion15WithoutErrorsOrWarnings(string name)
    {
        var card = BoundCard(name);
        var official = cards.Oracle[name];

        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("1.5", (string?)official["version"]);
        Assert.False(official.ContainsKey("renderError"), (string?)official["renderError"]);
        Assert.True(official["events"]!.AsArray().Count == 0, $"adaptivecards reported: {official["events"]!.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(CardConformanceFixture.SampleCards), MemberType = typeof(CardConformanceFixture))]
    public void Render_SampleData_EveryToggleTargetExists(string name)
    {
        var objects = Descendants(BoundCard(name)).OfType<JsonObject>().ToList();
        var ids = objects.Select(obj => (string?)obj["id"]).OfType<string>().ToHashSet();
        var targets = objects
            .Where(obj => (string?)obj["type"] == "Action.ToggleVisibility")
            .SelectMany(toggle => toggle["targetElements"]!.AsArray())
            .Select(target => target is JsonObject reference ? (string?)reference["elementId"] : (string?)target);

        Assert.DoesNotContain(targets, target => target is null || !ids.Contains(target));
    }

    [Theory]
    [MemberData(nameof(CardConformanceFixture.SampleCards), MemberType = typeof(CardConformanceFixture))]
    public void Render_UserTextInEveryDataString_ShowsItLiterallyWithNoLinkOrMention(string name)
    {
        var id = name + CardConformanceFixture.HostileSuffix;
        var official = cards.Oracle[id];

        var card = BoundCard(id);
        JsonTree.AssertEqual(official["expanded"], card);
        Assert.False(official.ContainsKey("renderError"), (string?)official["renderError"]);
        Assert.True(official["links"]!.AsArray().Count == 0, $"user text became links: {official["links"]!.ToJsonString()}");
        Assert.DoesNotContain("a", Tags(official));
        Assert.DoesNotContain("at", Tags(official));
        if (ShowsUserText(card))
        {
            Assert.Contains(TemplatingCase.UserText, (string)official["text"]!);
        }
    }

    [Fact]
    public void MarkdownStandIn_UserTextInTextBlock_BecomesALink()
    {
        // The control for the test above: the same text in a TextBlock is rendered as markdown, as Teams does.
        var official = cards.Oracle[CardConformanceFixture.MarkdownControl];

        var link = Assert.Single(official["links"]!.AsArray());
        Assert.Equal("https://evil.example", (string?)link!["href"]);
    }

    private JsonObject BoundCard(string id) =>
        cards.Failures.TryGetValue(id, out var failure)
            ? throw new Xunit.Sdk.XunitException($"the binder failed: {failure.Message}")
            : cards.Bound[id];

    /// <summary>Whether the card puts the user text in something the renderer displays (a text, or a button title).</summary>
    private static bool ShowsUserText(JsonObject card) =>
        Descendants(card).OfType<JsonObject>()
            .Select(obj => (obj["text"] ?? obj["title"]) as JsonValue)
            .Any(value => value is not null && value.TryGetValue(out string? text) && text.Contains(TemplatingCase.UserText, StringComparison.Ordinal));

    private static IEnumerable<string> Tags(JsonObject official) => official["tags"]!.AsArray().Select(tag => (string)tag!);

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject obj => obj.Select(property => property.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(obj),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Descendants).Prepend(array),
        _ => [node],
    };
}
