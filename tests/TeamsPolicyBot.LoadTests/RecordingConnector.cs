using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace TeamsPolicyBot.LoadTests;

/// <summary>
/// Stands in for the Bot Connector service on 127.0.0.1: every reply a bot posts to
/// <c>v3/conversations/{id}/activities/{replyToId}</c> completes the turn waiting for it, with the time it arrived.
/// <see cref="Storm"/> makes it answer 429 or 500 for a while instead. It opens 1:1 chats, lists a team's channels (its
/// General channel, whose id is the team's, and a second), and, once told to <see cref="Record"/>, keeps every post and update.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Reply>> _waiting = new();
    private long _stormStatus;
    private long _stormUntil;
    private long _refused;
    private long _duplicates;
    private long _late;
    private long _ids;
    private volatile bool _recording;

    private RecordingConnector(WebApplication app) => _app = app;

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Requests answered with a storm's error status.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Replies to a turn that already had one.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Replies that came after the load driver stopped waiting for them (e.g. sent later by the bot's outbox).</summary>
    public long LateReplies => Interlocked.Read(ref _late);

    public static async Task<RecordingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var connector = new RecordingConnector(builder.Build());
        connector._app.Run(connector.AnswerAsync);
        await connector._app.StartAsync();
        connector.ServiceUrl = new Uri(connector._app.Urls.Single() + "/");
        return connector;
    }

    /// <summary>Every post and update since <see cref="Record"/>, in order of arrival.</summary>
    public ConcurrentQueue<Sent> Sent { get; } = new();

    /// <summary>Keeps every post and update from now on (<see cref="Sent"/>).</summary>
    public void Record() => _recording = true;

    /// <summary>The id of the second channel of each team, beside its General channel.</summary>
    public static string SecondChannel(string teamId) => teamId + "-planning";

    /// <summary>The reply to activity <paramref name="activityId"/>, whenever it arrives.</summary>
    public Task<Reply> ReplyTo(string activityId) =>
        _waiting.GetOrAdd(activityId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(string activityId) => _waiting.TryRemove(activityId, out _);

    /// <summary>For <paramref name="duration"/>, every request is answered with <paramref name="status"/> (429 with Retry-After: 1).</summary>
    public void Storm(int status, TimeSpan duration)
    {
        Interlocked.Exchange(ref _stormStatus, status);
        Interlocked.Exchange(ref _stormUntil, Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency));
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        if (arrived < Interlocked.Read(ref _stormUntil))
        {
            Interlocked.Increment(ref _refused);
            var status = (int)Interlocked.Read(ref _stormStatus);
            http.Response.StatusCode = status;
            if (status == StatusCodes.Status429TooManyRequests)
                http.Response.Headers.RetryAfter = "1";
            return;
        }

        // The raw target: v3/conversations/{conversation}/activities/{replyToId}, ids escaped.
        var target = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var segments = target.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var method = http.Request.Method;
        if (_recording && (method is "POST" or "PUT"))
            Sent.Enqueue(new Sent(method, segments, body, arrived));
        switch (method, segments)
        {
            case ("GET", ["v3", "teams", var teamId, "conversations"]):
                await http.Response.WriteAsJsonAsync(new { conversations = new[] { new { id = teamId, name = "General" }, new { id = SecondChannel(teamId), name = "Planning" } } });
                return;
            case ("POST", ["v3", "conversations"]):
                await http.Response.WriteAsJsonAsync(new { id = $"a:chat-{Interlocked.Increment(ref _ids)}" });
                return;
            case ("POST", [.., "activities", var replyToId]):
                if (!_waiting.ContainsKey(replyToId))
                    Interlocked.Increment(ref _late);
                var waiting = _waiting.GetOrAdd(replyToId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
                if (!waiting.TrySetResult(new Reply(arrived, body)))
                    Interlocked.Increment(ref _duplicates);
                break;
        }
        await http.Response.WriteAsJsonAsync(new { id = $"1:{Interlocked.Increment(ref _ids)}" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// A post (POST) or update (PUT) the connector received: its path segments, ids unescaped, the activity JSON, and when
/// (<see cref="Stopwatch"/> ticks).
/// </summary>
public sealed record Sent(string Method, string[] Path, string Body, long ArrivedAt)
{
    /// <summary>The conversation it was posted in (<c>v3/conversations/{id}/...</c>).</summary>
    public string? Conversation => Path is ["v3", "conversations", var id, ..] ? id : null;

    /// <summary>A new message in a conversation, not a reply to an activity nor an update.</summary>
    public bool IsNewPost => Method == "POST" && Path is ["v3", "conversations", _, "activities"];
}

/// <summary>A reply as the connector received it: when (<see cref="Stopwatch"/> ticks) and the activity JSON.</summary>
public sealed record Reply(long ArrivedAt, string Body)
{
    /// <summary>The guidance-answer card (its feedback buttons), not a question back or a text.</summary>
    public bool IsGuidanceAnswer => Body.Contains("guidance.feedback", StringComparison.Ordinal);

    public bool Contains(string text) => Body.Contains(text, StringComparison.Ordinal);
}
