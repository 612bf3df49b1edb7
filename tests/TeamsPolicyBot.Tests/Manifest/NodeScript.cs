using System.ComponentModel;
using System.Diagnostics;
using TeamsPolicyBot.Tests.Cards;

namespace TeamsPolicyBot.Tests.Manifest;

/// <summary>What a node script printed and how it ended.</summary>
internal sealed record NodeScriptResult(int ExitCode, string Output, string Errors);

/// <summary>Runs a repository node script with tools/node_modules on NODE_PATH.</summary>
internal static class NodeScript
{
    public static async Task<NodeScriptResult> RunAsync(
        string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(Repository.Root, script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        start.Environment["NODE_PATH"] = Repository.NodeModules;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception notFound)
        {
            throw new InvalidOperationException("These tests need Node.js 20 as 'node' on the PATH, and it was not found.", notFound);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"node {script} did not finish within a minute.");
            }

            return new NodeScriptResult(process.ExitCode, await output, await errors);
        }
    }
}
