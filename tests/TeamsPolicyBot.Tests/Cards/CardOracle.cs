using System.Text.Json.Nodes;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Cards;

/// <summary>
/// Runs tests/oracles/cards.js: the official adaptivecards-templating and adaptivecards libraries
/// (in jsdom) from tools/node_modules, on a whole batch of requests in one node process.
/// A missing node or missing packages fail the test with a message saying what to install.
/// </summary>
internal static class CardOracle
{
    private static readonly string[] Packages = ["adaptivecards", "adaptivecards-templating", "jsdom"];

    /// <summary>A request for the official engine to bind <paramref name="template"/> to <paramref name="data"/>.</summary>
    public static JsonObject Expand(string id, JsonNode? template, JsonNode? data) =>
        new() { ["id"] = id, ["template"] = template?.DeepClone(), ["data"] = data?.DeepClone() };

    /// <summary>Adds a request to parse, validate and render <paramref name="card"/> with the official renderer.</summary>
    public static JsonObject AndRender(this JsonObject request, JsonNode card)
    {
        request["card"] = card.DeepClone();
        return request;
    }

    public static JsonObject Render(string id, JsonNode card) => new JsonObject { ["id"] = id }.AndRender(card);

    public static async Task<IReadOnlyDictionary<string, JsonObject>> RunAsync(IEnumerable<JsonObject> requests)
    {
        var nodeModules = Repository.NodeModules;
        var missing = Packages.Where(package => !Directory.Exists(Path.Combine(nodeModules, package))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The card oracles need {string.Join(", ", missing)} in {nodeModules}. Run ./test.sh (it installs tools/) or `npm ci --prefix tools`.");
        }

        var script = Path.Combine("tests", "oracles", "cards.js");
        var run = await NodeScript.RunAsync(script, [], input: new JsonArray([.. requests]).ToJsonString());
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {run.ExitCode}: {run.Errors}");
        }

        return JsonNode.Parse(run.Output)!.AsArray()
            .Select(result => result!.AsObject())
            .ToDictionary(result => (string)result["id"]!);
    }
}
