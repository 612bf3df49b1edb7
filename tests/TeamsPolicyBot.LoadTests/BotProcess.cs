using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using TeamsPolicyBot.Testing;

namespace TeamsPolicyBot.LoadTests;

/// <summary>
/// A bot under test as a process of its own on 127.0.0.1 and a free port: ours (the Release build of bot/) or the
/// botbuilder-js echo bot. Its output is drained and the last lines kept for when it fails.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _watched = new(StringComparer.Ordinal);

    private BotProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    public Uri MessagesUrl => new(Address, "api/messages");

    public int Id => _process.Id;

    /// <summary>Our bot from bot/bin/&lt;configuration&gt;, in production logging, development mode (no app id, loopback only).</summary>
    /// <param name="dll">Another build to run; null for the one beside this benchmark's configuration.</param>
    /// <param name="settings">More configuration, as environment variables (<c>Section__Key</c>).</param>
    public static Task<BotProcess> StartOursAsync(
        string repositoryRoot, string storageConnectionString, string pack, string? dll, int? port = null, string name = "ours",
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        dll ??= Path.Combine(repositoryRoot, "bot", "bin", configuration, "net10.0", "TeamsPolicyBot.dll");
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { dll } };
        var listenPort = port ?? AzuriteProcess.FreePort();
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{listenPort}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Bot__AppId"] = "";
        start.Environment["Storage__ConnectionString"] = storageConnectionString;
        start.Environment["Policy__Pack"] = pack;
        start.Environment["Approvals__Approvers"] = LoadActivities.ApproverAadObjectId;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        return StartAsync(name, start, listenPort, "/healthz");
    }

    /// <summary>The botbuilder-js echo bot (tests/TeamsPolicyBot.LoadTests/Peer/echo-bot.js) with tools/node_modules.</summary>
    public static Task<BotProcess> StartPeerAsync(string repositoryRoot)
    {
        var script = Path.Combine(repositoryRoot, "tests", "TeamsPolicyBot.LoadTests", "Peer", "echo-bot.js");
        var port = AzuriteProcess.FreePort();
        var start = new ProcessStartInfo("node") { ArgumentList = { script, port.ToString(CultureInfo.InvariantCulture) } };
        start.Environment["NODE_PATH"] = Path.Combine(repositoryRoot, "tools", "node_modules");
        return StartAsync("peer", start, port, "/api/messages");
    }

    /// <summary>The most memory the process has held (VmHWM), in MiB.</summary>
    public double PeakWorkingSetMiB()
    {
        _process.Refresh();
        return _process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash or an OOM kill would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
    }

    /// <summary>From now on, keeps the lines the bot writes that contain <paramref name="text"/>.</summary>
    public void Watch(string text) => _watched.TryAdd(text, new ConcurrentQueue<string>());

    /// <summary>The lines containing a <see cref="Watch"/>ed text, in order.</summary>
    public IReadOnlyList<string> Seen(string text) => _watched.TryGetValue(text, out var seen) ? [.. seen] : [];

    public bool HasExited => _process.HasExited;

    public string LastLines()
    {
        lock (_lastLines)
            return string.Join(Environment.NewLine, _lastLines);
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        _process.Dispose();
    }

    private static async Task<BotProcess> StartAsync(string name, ProcessStartInfo start, int port, string readyPath)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start };
        var bot = new BotProcess(name, process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (long)(StartupTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(bot.Address, readyPath));
                return bot;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }
        var output = bot.LastLines();
        bot.Dispose();
        throw new InvalidOperationException($"The {name} bot did not start on 127.0.0.1:{port}. Its output:{Environment.NewLine}{output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        foreach (var (text, seen) in _watched)
        {
            if (line.Contains(text, StringComparison.Ordinal))
                seen.Enqueue(line);
        }
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 50)
                _lastLines.Dequeue();
        }
    }
}
