using System.Diagnostics;
using System.Reflection;
using System.Text;
using TeamsPolicyBot.Tests.Cards;

namespace TeamsPolicyBot.Tests.Infra;

/// <summary>What one bicep command printed: its result on standard output, its diagnostics on standard error.</summary>
internal sealed record BicepRun(string Command, int ExitCode, string Output, string Diagnostics)
{
    /// <summary>Whether bicep succeeded and reported nothing at all: no error, no warning, no linter note.</summary>
    public bool IsClean => ExitCode == 0 && string.IsNullOrWhiteSpace(Diagnostics);

    public string Report => $"`{Command}` exited with {ExitCode} and reported:\n{Diagnostics}";
}

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package, which restore puts in the NuGet cache;
/// the test project's build writes its path (the package's own BicepPath property) into this assembly.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly Lazy<string> Executable = new(Locate);

    /// <summary>Runs bicep in <paramref name="directory"/> (the repository root by default).</summary>
    public static async Task<BicepRun> RunAsync(IReadOnlyList<string> arguments, string? directory = null)
    {
        var command = "bicep " + string.Join(' ', arguments);
        var start = new ProcessStartInfo(Executable.Value, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = directory ?? Repository.Root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var diagnostics = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` did not finish within {Timeout.TotalMinutes} minutes.");
        }

        return new BicepRun(command, process.ExitCode, await output, await diagnostics);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BicepPath")?.Value;
        if (path is null || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bicep CLI is not at '{path}': build the test project (`dotnet build`), which restores Azure.Bicep.CommandLine.linux-x64.");
        }

        // NuGet does not promise to keep the execute bit when it extracts a package.
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) is var mode && !mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }

        return path;
    }
}
