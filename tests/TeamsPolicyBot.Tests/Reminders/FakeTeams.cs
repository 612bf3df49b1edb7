using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Reminders;

/// <summary>
/// A Bot Connector on 127.0.0.1 that knows teams, channels and members, and behaves like Teams under load: it can
/// enforce a rate with 429 + Retry-After, inject 5xx, answer 403/404 for chosen conversations, and hold posts
/// (to kill a runner while a post is in flight). A post counts as delivered only once it was answered 2xx.
/// </summary>
public sealed class FakeTeams : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, List<JsonObject>> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<JsonObject>> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _gone = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _delivered = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> _failNext = new();
    private readonly Lock _rateLock = new();
    private readonly Random _random = new(42);
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _inWindow;
    private int _throttled;
    private int _serverErrors;
    private int _deliveredTotal;
    private TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeTeams(WebApplication app) => _app = app;

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Posts allowed per second before answering 429; null for no limit.</summary>
    public int? PostsPerSecond { get; set; }

    /// <summary>The Retry-After sent with a 429.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Chance that a post is answered 503 instead (before it is accepted).</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>After this many delivered posts, further posts hang until the caller gives up.</summary>
    public int? HoldAfter { get; set; }

    /// <summary>Largest page of members returned, to exercise continuation tokens.</summary>
    public int MemberPageSize { get; set; } = 2;

    public int Throttled => _throttled;
    public int ServerErrors => _serverErrors;
    public int DeliveredTotal => Volatile.Read(ref _deliveredTotal);

    public DateTimeOffset? FirstDeliveredAt { get; private set; }
    public DateTimeOffset? LastDeliveredAt { get; private set; }

    /// <summary>Completes when a post is first held (see <see cref="HoldAfter"/>).</summary>
    public Task Held => _held.Task;

    /// <summary>Posts delivered per conversation id.</summary>
    public IReadOnlyDictionary<string, int> Delivered => new Dictionary<string, int>(_delivered);

    public ConcurrentQueue<JsonObject> Posts { get; } = new();

    /// <summary>The bot's replies in the thread of a message it was sent (answers to commands), not counted as delivered.</summary>
    public ConcurrentQueue<JsonObject> Replies { get; } = new();

    public static async Task<FakeTeams> StartAsync()
    {
        var teams = new FakeTeams(LoopbackApp.Create());
        teams._app.Run(teams.AnswerAsync);
        await teams._app.StartAsync();
        teams.ServiceUrl = new Uri(teams._app.Urls.Single() + "/");
        return teams;
    }

    public void AddTeam(string teamId, params string[] channelNames)
    {
        _channels[teamId] = [new JsonObject { ["id"] = teamId }, .. channelNames.Select((name, i) => new JsonObject
        {
            ["id"] = $"{teamId}-channel-{i}",
            ["name"] = name,
        })];
    }

    public void AddMembers(string conversationId, params (string AadObjectId, string Name)[] members) =>
        _members[conversationId] = [.. members.Select(m => new JsonObject
        {
            ["id"] = "29:" + m.AadObjectId,
            ["name"] = m.Name,
            ["aadObjectId"] = m.AadObjectId,
            ["email"] = m.Name.Replace(' ', '.') + "@school.example",
        })];

    /// <summary>Posts to <paramref name="conversationId"/> get <paramref name="status"/> (403: bot removed, 404: gone).</summary>
    public void Remove(string conversationId, int status) => _gone[conversationId] = status;

    /// <summary>The next posts get these statuses, in order, before anything else.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
            _failNext.Enqueue(status);
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var path = Uri.UnescapeDataString(http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget.Split('?')[0]);
        var segments = path.Trim('/').Split('/');
        if (http.Request.Method == "GET" && segments is ["v3", "teams", var teamId, "conversations"])
        {
            await WriteAsync(http, 200, new JsonObject { ["conversations"] = new JsonArray([.. _channels.GetValueOrDefault(teamId, []).Select(c => c.DeepClone())]) });
            return;
        }
        if (http.Request.Method == "GET" && segments is ["v3", "conversations", var conversationId, "pagedmembers"])
        {
            await WriteMembersAsync(http, conversationId);
            return;
        }
        if (http.Request.Method == "POST" && segments is ["v3", "conversations"])
        {
            var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!;
            var member = body["members"]![0]!["id"]!.GetValue<string>();
            await WriteAsync(http, 201, new JsonObject { ["id"] = "a:personal-" + member });
            return;
        }
        if (http.Request.Method == "POST" && segments is ["v3", "conversations", var target, "activities"])
        {
            await PostAsync(http, target);
            return;
        }
        if (http.Request.Method == "POST" && segments is ["v3", "conversations", _, "activities", _])
        {
            Replies.Enqueue(JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!.AsObject());
            await WriteAsync(http, 201, new JsonObject { ["id"] = $"1:{Guid.NewGuid():N}" });
            return;
        }
        await WriteAsync(http, 404, new JsonObject { ["error"] = "unknown route" });
    }

    private async Task PostAsync(HttpContext http, string conversationId)
    {
        var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!.AsObject();
        if (_failNext.TryDequeue(out var scripted))
        {
            if (scripted == 429)
                Interlocked.Increment(ref _throttled);
            await FailAsync(http, scripted);
            return;
        }
        if (_gone.TryGetValue(conversationId, out var gone))
        {
            await FailAsync(http, gone);
            return;
        }
        if (!TryTakeRateSlot())
        {
            Interlocked.Increment(ref _throttled);
            await FailAsync(http, 429);
            return;
        }
        bool serverError;
        lock (_rateLock)
            serverError = _random.NextDouble() < ServerErrorRate;
        if (serverError)
        {
            Interlocked.Increment(ref _serverErrors);
            await FailAsync(http, 503);
            return;
        }
        if (HoldAfter is { } holdAfter && Volatile.Read(ref _deliveredTotal) >= holdAfter)
        {
            _held.TrySetResult();
            await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        Posts.Enqueue(body);
        lock (_rateLock)
        {
            FirstDeliveredAt ??= DateTimeOffset.UtcNow;
            LastDeliveredAt = DateTimeOffset.UtcNow;
        }
        _delivered.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _deliveredTotal);
        await WriteAsync(http, 201, new JsonObject { ["id"] = $"1:{Guid.NewGuid():N}" });
    }

    private bool TryTakeRateSlot()
    {
        if (PostsPerSecond is not { } limit)
            return true;
        lock (_rateLock)
        {
            var now = DateTimeOffset.UtcNow;
            if (now - _windowStart >= TimeSpan.FromSeconds(1))
            {
                _windowStart = now;
                _inWindow = 0;
            }
            return ++_inWindow <= limit;
        }
    }

    private async Task WriteMembersAsync(HttpContext http, string conversationId)
    {
        var all = _members.GetValueOrDefault(conversationId, []);
        var start = int.TryParse(http.Request.Query["continuationToken"], out var from) ? from : 0;
        var size = Math.Min(MemberPageSize, int.TryParse(http.Request.Query["pageSize"], out var asked) ? asked : MemberPageSize);
        var page = new JsonObject { ["members"] = new JsonArray([.. all.Skip(start).Take(size).Select(m => m.DeepClone())]) };
        if (start + size < all.Count)
            page["continuationToken"] = (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WriteAsync(http, 200, page);
    }

    private async Task FailAsync(HttpContext http, int status)
    {
        if (status == 429)
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WriteAsync(http, status, new JsonObject { ["error"] = new JsonObject { ["code"] = "Fake", ["message"] = $"Fake {status}" } });
    }

    private static async Task WriteAsync(HttpContext http, int status, JsonNode body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
