using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsPolicyBot.Cards;

namespace TeamsPolicyBot.Tests.Cards;

/// <summary>
/// Binds every template in cards/ that has sample data (cards/&lt;name&gt;.data.json) twice: with its
/// sample data, and with every string in that data replaced by hostile user text. Then one node
/// run gives the official engine's binding and the official renderer's verdict on each card.
/// </summary>
public sealed class CardConformanceFixture : IAsyncLifetime
{
    public const string HostileSuffix = "#hostile";
    public const string MarkdownControl = "control#textblock";

    public static TheoryData<string> SampleCards => [.. SampleCardNames()];

    public IReadOnlyDictionary<string, JsonObject> Bound => bound;

    public IReadOnlyDictionary<string, CardTemplateException> Failures => failures;

    public IReadOnlyDictionary<string, JsonObject> Oracle { get; private set; } = new Dictionary<string, JsonObject>();

    private readonly Dictionary<string, JsonObject> bound = [];
    private readonly Dictionary<string, CardTemplateException> failures = [];

    public async Task InitializeAsync()
    {
        var templates = new CardTemplates(Repository.CardsDirectory);
        var requests = new List<JsonObject>();
        foreach (var name in SampleCardNames())
        {
            var template = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.CardsDirectory, name + ".json")));
            var data = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.CardsDirectory, name + ".data.json")));
            requests.Add(Bind(templates, name, template, data));
            requests.Add(Bind(templates, name + HostileSuffix, template, WithUserTextInEveryString(data)));
        }

        requests.Add(CardOracle.Render(MarkdownControl, JsonNode.Parse($$"""
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":{{JsonSerializer.Serialize(TemplatingCase.UserText)}}}]}
            """)!));
        Oracle = await CardOracle.RunAsync(requests);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private JsonObject Bind(CardTemplates templates, string id, JsonNode? template, JsonNode? data)
    {
        var request = CardOracle.Expand(id, template, data);
        try
        {
            var card = templates.Render(id.Replace(HostileSuffix, ""), data).AsTree();
            bound[id] = card;
            return request.AndRender(card);
        }
        catch (CardTemplateException failure)
        {
            failures[id] = failure;
            return request;
        }
    }

    private static IEnumerable<string> SampleCardNames() =>
        Directory.EnumerateFiles(Repository.CardsDirectory, "*.data.json")
            .Select(path => Path.GetFileName(path)[..^".data.json".Length])
            .Where(name => File.Exists(Path.Combine(Repository.CardsDirectory, name + ".json")))
            .Order(StringComparer.Ordinal);

    private static JsonNode? WithUserTextInEveryString(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(property => KeyValuePair.Create(property.Key, WithUserTextInEveryString(property.Value)))),
        JsonArray array => new JsonArray([.. array.Select(WithUserTextInEveryString)]),
        JsonValue value when value.TryGetValue(out string? _) => JsonValue.Create(TemplatingCase.UserText),
        _ => node?.DeepClone(),
    };
}
