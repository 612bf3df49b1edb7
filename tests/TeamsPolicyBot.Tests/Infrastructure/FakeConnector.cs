using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TeamsPolicyBot.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for the Bot Connector service: records every request the
/// bot makes and answers <c>{"id": …}</c>, unless told to answer the next requests with an error.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedAnswer> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly SemaphoreSlim _arrived = new(0);

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>The service URL to put in activities, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector(LoopbackApp.Create());
        connector._app.Run(connector.AnswerAsync);
        await connector._app.StartAsync();
        connector.ServiceUrl = new Uri(connector._app.Urls.Single() + "/");
        return connector;
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    /// <summary>How long each request takes to be answered, as a slow Teams would (the request is recorded when it arrives).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Answers requests for which it returns a status with that status instead of success, until set back to null.</summary>
    public Func<RecordedRequest, int?>? Failing { get; set; }

    /// <summary>The next request gets <paramref name="status"/> (and a Retry-After header when given) instead of success.</summary>
    public void AnswerNext(int status, TimeSpan? retryAfter = null) => _script.Enqueue(new ScriptedAnswer(status, retryAfter));

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived (in total) and returns them all.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (Requests.Count < count)
            await _arrived.WaitAsync(cancellation.Token);
        return Requests;
    }

    private async Task AnswerAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        // The raw target, as sent on the wire: Request.Path would show escaped ids already unescaped.
        var target = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var answer = NewThread(http.Request.Method, target, body) ?? new Answered($"1:{Guid.NewGuid():N}");
        var recorded = new RecordedRequest(http.Request.Method, target, body, http.Request.Headers.Authorization.ToString());
        var failing = Failing?.Invoke(recorded);
        var scripted = failing is { } status ? new ScriptedAnswer(status, null) : _script.TryDequeue(out var next) ? next : null;
        recorded = recorded with { AnsweredId = scripted is null ? answer.Id : null };
        lock (_requests)
            _requests.Add(recorded);
        _arrived.Release();

        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay, http.RequestAborted);
        if (scripted is not null)
        {
            http.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfter is { } retryAfter)
                http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString();
            await http.Response.WriteAsJsonAsync(new { error = new { code = "Scripted", message = $"Scripted {scripted.Status}" } });
            return;
        }
        await http.Response.WriteAsJsonAsync(answer);
    }

    /// <summary>
    /// A new channel thread is answered as Teams answers it: the thread's conversation id (the channel's id with
    /// <c>;messageid=</c>) and the id of its first message, which the bot needs to update that message later.
    /// </summary>
    private static Answered? NewThread(string method, string target, string body)
    {
        if (method != HttpMethods.Post || target != "/v3/conversations")
            return null;
        var channelId = JsonNode.Parse(body)?["channelData"]?["channel"]?["id"]?.GetValue<string>();
        if (channelId is null)
            return null;
        var messageId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Answered($"{channelId};messageid={messageId}", messageId);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record ScriptedAnswer(int Status, TimeSpan? RetryAfter);

    private sealed record Answered(
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] string Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("activityId"), System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? ActivityId = null);
}

/// <summary>One request the bot made to the fake connector.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Body, string Authorization)
{
    /// <summary>The id the fake answered with (the new conversation's or activity's), or null when it answered an error.</summary>
    public string? AnsweredId { get; init; }

    public JsonNode Json => JsonNode.Parse(Body)!;

    /// <summary>The first attachment's content type, or null for a text message.</summary>
    public string? AttachmentContentType => Json["attachments"]?[0]?["contentType"]?.GetValue<string>();

    public string? Text => Json["text"]?.GetValue<string>();

    public JsonElement AttachmentContent => JsonSerializer.SerializeToElement(Json["attachments"]![0]!["content"]);
}
