using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace TeamsPolicyBot.LoadTests;

/// <summary>
/// Posts message activities to one bot and times each turn from the moment its activity is sent to the moment the
/// bot's reply reaches the <see cref="RecordingConnector"/>. Every wait is bounded by <see cref="ReplyTimeout"/>.
/// </summary>
public sealed class LoadDriver(BotProcess bot, RecordingConnector connector, LoadActivities activities, IReadOnlyList<string> questions) : IDisposable
{
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2) })
    {
        Timeout = ReplyTimeout,
    };
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private long _turns;

    /// <summary>K conversations, each asking M questions one after another; turns per second over the whole run.</summary>
    public async Task<RunResult> ClosedLoopAsync(int conversations, int questionsEach)
    {
        var results = new ConcurrentBag<TurnResult>();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async c =>
        {
            for (var q = 0; q < questionsEach; q++)
                results.Add(await TurnAsync(c, questions[(c + q) % questions.Count]));
        }));
        return new RunResult([.. results], Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Turns sent at a fixed rate, whether or not earlier ones were answered, round-robin over the conversations.</summary>
    public async Task<RunResult> OpenLoopAsync(int conversations, int turnsPerSecond, TimeSpan duration, Action<TimeSpan>? tick = null)
    {
        var total = (int)(turnsPerSecond * duration.TotalSeconds);
        var turns = new List<Task<TurnResult>>(total);
        var started = Stopwatch.GetTimestamp();
        var lastTick = TimeSpan.Zero;
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / turnsPerSecond);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait);
            turns.Add(TurnAsync(i % conversations, questions[i / conversations % questions.Count]));
            if (tick is not null && due - lastTick >= TimeSpan.FromSeconds(1))
            {
                lastTick = due;
                tick(due);
            }
        }
        var results = await Task.WhenAll(turns);
        return new RunResult(results, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>One question in conversation <paramref name="conversation"/>, and the first reply to it.</summary>
    public async Task<TurnResult> TurnAsync(int conversation, string text)
    {
        var activityId = $"{_run}-{Interlocked.Increment(ref _turns)}";
        var reply = connector.ReplyTo(activityId);
        var body = activities.Message($"a:{_run}-{conversation}", $"{_run}-member-{conversation}", activityId, text);
        var sent = Stopwatch.GetTimestamp();
        int status;
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.PostAsync(bot.MessagesUrl, content);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            status = 0;
        }
        try
        {
            var answer = await reply.WaitAsync(ReplyTimeout);
            return new TurnResult(status, answer, Stopwatch.GetElapsedTime(sent, answer.ArrivedAt));
        }
        catch (TimeoutException)
        {
            return new TurnResult(status, null, null);
        }
        finally
        {
            connector.Forget(activityId);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>One turn: the HTTP status the bot answered (0: no answer), its reply if any, and the turn's latency.</summary>
public sealed record TurnResult(int Status, Reply? Reply, TimeSpan? Latency);

public sealed record RunResult(IReadOnlyList<TurnResult> Turns, TimeSpan Elapsed)
{
    public double TurnsPerSecond => Turns.Count(t => t.Reply is not null) / Elapsed.TotalSeconds;

    public int Unanswered => Turns.Count(t => t.Reply is null);

    public int ServerErrors => Turns.Count(t => t.Status >= 500 || t.Status == 0);

    /// <summary>The latency below which <paramref name="percent"/> % of answered turns fall, in milliseconds.</summary>
    public double Percentile(double percent)
    {
        var sorted = Turns.Where(t => t.Latency is not null).Select(t => t.Latency!.Value.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
