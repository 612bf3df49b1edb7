using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TeamsPolicyBot.Testing;

/// <summary>
/// A real Azurite table and blob service from tools/node_modules on 127.0.0.1: in memory, or in a folder when its data must
/// outlive a restart. Shared by the test suite's fixture and the load benchmark (compiled into both).
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    /// <summary>Azurite's well-known development account key (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(20);

    private readonly StringBuilder _output = new();
    private readonly string? _location;
    private Process? _process;

    private AzuriteProcess(int port, int blobPort, string? location)
    {
        Port = port;
        BlobPort = blobPort;
        _location = location;
    }

    /// <summary>The table service's port.</summary>
    public int Port { get; }

    public int BlobPort { get; }

    /// <summary>CPU time Azurite has used so far (zero when stopped).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            try
            {
                return _process is { HasExited: false } process ? process.TotalProcessorTime : TimeSpan.Zero;
            }
            catch (InvalidOperationException)
            {
                return TimeSpan.Zero;
            }
        }
    }

    /// <summary>The explicit development-account connection string for this Azurite.</summary>
    public string ConnectionString => "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + $"AccountKey={DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;"
        + $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;";

    /// <summary>Starts Azurite on a free port, trying another if a concurrent run takes the port first.</summary>
    /// <param name="location">A folder to keep its data in; null keeps it in memory.</param>
    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot, string? location = null)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var azurite = new AzuriteProcess(FreePort(), FreePort(), location);
            if (await azurite.TryStartAsync(repositoryRoot))
                return azurite;
            azurite.Stop();
            if (attempt == 3)
                throw new InvalidOperationException($"Azurite did not start on 127.0.0.1. Its output:{Environment.NewLine}{azurite.Output()}");
        }
        throw new UnreachableException();
    }

    /// <summary>Starts it again on the same port after <see cref="Stop"/> (e.g. after an outage).</summary>
    public async Task RestartAsync(string repositoryRoot)
    {
        Stop();
        if (!await TryStartAsync(repositoryRoot))
            throw new InvalidOperationException($"Azurite did not restart on port {Port}. Its output:{Environment.NewLine}{Output()}");
    }

    /// <summary>Kills Azurite and its process tree; safe to call twice.</summary>
    public void Stop()
    {
        if (_process is not { } process)
            return;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot(string from)
    {
        for (var directory = new DirectoryInfo(from); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TeamsPolicyBot.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No TeamsPolicyBot.sln above {from}.");
    }

    private async Task<bool> TryStartAsync(string repositoryRoot)
    {
        var azurite = Path.Combine(repositoryRoot, "tools", "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
            throw new InvalidOperationException($"Azurite is not installed ({azurite} is missing): run ./test.sh, or cd tools && npm ci.");

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = 0;
        var startInfo = new ProcessStartInfo(azurite)
        {
            ArgumentList =
            {
                "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(CultureInfo.InvariantCulture),
                "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
                // The queue service is unused; port 0 lets the system pick one, so it never collides.
                "--queueHost", "127.0.0.1", "--queuePort", "0",
                "--disableTelemetry", "--silent", "--skipApiVersionCheck",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (_location is null)
            startInfo.ArgumentList.Add("--inMemoryPersistence");
        else
        {
            startInfo.ArgumentList.Add("--location");
            startInfo.ArgumentList.Add(_location);
        }
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            Record(e.Data);
            // One line per service (blob, queue, table).
            if (e.Data?.Contains("successfully listening", StringComparison.Ordinal) == true && Interlocked.Increment(ref listening) == 3)
                started.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.Exited += (_, _) => started.TrySetResult();
        _process = process;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not run {azurite} ({ex.Message}); is Node.js installed and on PATH?", ex);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await started.Task.WaitAsync(StartupTimeout);
        }
        catch (TimeoutException)
        {
            Stop();
            throw new InvalidOperationException(
                $"Azurite did not start within {StartupTimeout.TotalSeconds:0} s on 127.0.0.1:{Port}. Its output:{Environment.NewLine}{Output()}");
        }
        return !process.HasExited && await AnswersAsync(Port) && await AnswersAsync(BlobPort);
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(5));
            return true;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return false;
        }
    }

    private void Record(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private string Output()
    {
        lock (_output)
            return _output.ToString();
    }
}
