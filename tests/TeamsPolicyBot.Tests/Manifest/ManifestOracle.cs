using System.Text.Json.Nodes;
using TeamsPolicyBot.Tests.Cards;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Manifest;

/// <summary>
/// Runs tests/oracles/manifest.js: validates a manifest offline against the official Teams schema
/// bundled in @microsoft/app-manifest (tools/node_modules) and returns the schema errors.
/// </summary>
internal static class ManifestOracle
{
    public static async Task<IReadOnlyList<string>> ValidateAsync(JsonNode manifest)
    {
        var package = Path.Combine(Repository.NodeModules, "@microsoft", "app-manifest");
        if (!Directory.Exists(package))
        {
            throw new InvalidOperationException(
                $"The manifest oracle needs @microsoft/app-manifest in {Repository.NodeModules}. Run ./test.sh (it installs tools/) or `npm ci --prefix tools`.");
        }

        var file = Path.Combine(Path.GetTempPath(), $"policybot-manifest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, manifest.ToJsonString());
        try
        {
            var run = await NodeScript.RunAsync(Path.Combine("tests", "oracles", "manifest.js"), [file]);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"node tests/oracles/manifest.js exited with {run.ExitCode}: {run.Errors}");
            }

            return JsonNode.Parse(run.Output)!["errors"]!.AsArray().Select(error => (string)error!).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
