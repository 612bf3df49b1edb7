using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

/// <summary>A real, in-memory Azurite table service from tools/node_modules on 127.0.0.1 and a free port, as the tests start it.</summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account key (public, documented by Microsoft).
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int port)
    {
        _process = process;
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + $"AccountKey={DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteProcess> StartAsync()
    {
        var azurite = Path.Combine(RepositoryRoot(), "tools", "node_modules", ".bin", "azurite-table");
        if (!File.Exists(azurite))
            throw new InvalidOperationException($"Azurite is not installed ({azurite} is missing): run ./test.sh, or cd tools && npm ci.");
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(azurite)
        {
            ArgumentList =
            {
                "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture),
                "--inMemoryPersistence", "--disableTelemetry", "--silent", "--skipApiVersionCheck",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new AzuriteProcess(process, port);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await AnswersAsync(port))
                return started;
            await Task.Delay(200);
        }
        await started.DisposeAsync();
        throw new InvalidOperationException($"Azurite did not start on 127.0.0.1:{port}.");
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TeamsPolicyBot.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No TeamsPolicyBot.sln above {AppContext.BaseDirectory}.");
    }
}
