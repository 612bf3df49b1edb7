using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Telemetry;

/// <summary>
/// An OpenTelemetry collector on 127.0.0.1 (OTLP over HTTP, protobuf): keeps every export as it arrived on the wire.
/// Protobuf writes strings as plain UTF-8, so a text that was exported can be found in <see cref="Text"/>.
/// </summary>
public sealed class FakeCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();

    private FakeCollector(WebApplication app) => _app = app;

    /// <summary>The value for OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeCollector> StartAsync()
    {
        var collector = new FakeCollector(LoopbackApp.Create());
        collector._app.Run(collector.ReceiveAsync);
        await collector._app.StartAsync();
        collector.Endpoint = new Uri(collector._app.Urls.Single());
        return collector;
    }

    /// <summary>The paths exports arrived on: /v1/traces, /v1/metrics, /v1/logs.</summary>
    public ISet<string> Paths => _exports.Select(export => export.Path).ToHashSet();

    /// <summary>Every export's bytes read as UTF-8.</summary>
    public string Text => string.Join("\n", _exports.Select(export => Encoding.UTF8.GetString(export.Body)));

    private async Task ReceiveAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        _exports.Enqueue((http.Request.Path.Value ?? "", body.ToArray()));
        http.Response.ContentType = "application/x-protobuf";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
