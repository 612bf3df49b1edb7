using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Tests.Infrastructure;

/// <summary>
/// A real Azurite table service from tools/node_modules on 127.0.0.1 and a free port, in memory,
/// stopped (with its process tree) when the tests that share it are done.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(20);

    private readonly StringBuilder _output = new();
    private Process? _azurite;

    /// <summary>The explicit development-account connection string for this Azurite.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var azurite = Path.Combine(RepositoryRoot(), "tools", "node_modules", ".bin", "azurite-table");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed ({azurite} is missing): run ./test.sh, or cd tools && npm ci.");
        }

        // Another test run may take the port between our probe and Azurite's bind; Azurite then exits, and we try another.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var port = FreePort();
            if (await TryStartAsync(azurite, port))
            {
                ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
                    + $"AccountKey={StorageConnectionString.DevelopmentAccountKey};"
                    + $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
                return;
            }
            Stop();
        }
        throw new InvalidOperationException($"Azurite did not start on 127.0.0.1. Its output:{Environment.NewLine}{Output()}");
    }

    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    public TableServiceClient CreateServiceClient(TableClientOptions? options = null) => new(ConnectionString, options);

    /// <summary>A new, empty table that no other test uses.</summary>
    public async Task<TableClient> CreateTableAsync()
    {
        var table = CreateServiceClient().GetTableClient(UniqueTableName());
        await table.CreateIfNotExistsAsync();
        return table;
    }

    public static string UniqueTableName() => "t" + Guid.NewGuid().ToString("N");

    /// <summary>For Storage:TablePrefix, so a hosted bot's tables are its own.</summary>
    public static string UniqueTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    private async Task<bool> TryStartAsync(string azurite, int port)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(azurite)
            {
                ArgumentList =
                {
                    "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--inMemoryPersistence", "--disableTelemetry", "--silent", "--skipApiVersionCheck",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
            EnableRaisingEvents = true,
        };
        process.OutputDataReceived += (_, e) =>
        {
            Record(e.Data);
            if (e.Data?.Contains("successfully started", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.Exited += (_, _) => started.TrySetResult();
        _azurite = process;
        process.Start();
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
                $"Azurite did not start within {StartupTimeout.TotalSeconds:0} s on 127.0.0.1:{port}. Its output:{Environment.NewLine}{Output()}");
        }
        return !process.HasExited && await AnswersAsync(port);
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

    private void Stop()
    {
        if (_azurite is not { } process)
        {
            return;
        }
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
        _azurite = null;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
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
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No TeamsPolicyBot.sln above {AppContext.BaseDirectory}.");
    }
}
