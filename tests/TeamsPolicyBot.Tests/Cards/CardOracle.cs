using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

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

        var start = new ProcessStartInfo("node", [Path.Combine(Repository.Root, "tests", "oracles", "cards.js")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = Repository.Root,
        };
        start.Environment["NODE_PATH"] = nodeModules;

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception notFound)
        {
            throw new InvalidOperationException("The card oracles need Node.js 20 as 'node' on the PATH, and it was not found.", notFound);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(new JsonArray([.. requests]).ToJsonString());
            process.StandardInput.Close();

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("node tests/oracles/cards.js did not finish within 2 minutes.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"node tests/oracles/cards.js exited with {process.ExitCode}: {await errors}");
            }

            return JsonNode.Parse(await output)!.AsArray()
                .Select(result => result!.AsObject())
                .ToDictionary(result => (string)result["id"]!);
        }
    }
}
