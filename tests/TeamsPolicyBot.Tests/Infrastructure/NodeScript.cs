using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using TeamsPolicyBot.Tests.Cards;

namespace TeamsPolicyBot.Tests.Infrastructure;

/// <summary>What a node script printed and how it ended.</summary>
internal sealed record NodeScriptResult(int ExitCode, string Output, string Errors);

/// <summary>Runs a repository node script with tools/node_modules on NODE_PATH.</summary>
internal static class NodeScript
{
    /// <param name="script">The script's path from the repository root.</param>
    /// <param name="input">Written to the script's standard input, which is then closed; null gives it none.</param>
    public static async Task<NodeScriptResult> RunAsync(
        string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? input = null)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(Repository.Root, script), .. arguments])
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = input is null ? null : new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
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
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input);
                process.StandardInput.Close();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"node {script} did not finish within 2 minutes.");
            }

            return new NodeScriptResult(process.ExitCode, await output, await errors);
        }
    }
}
