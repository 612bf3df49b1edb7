using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Approvals.Photos;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for where Teams keeps the files staff send (SharePoint download URLs,
/// the connector's attachment views): serves the bytes it was given, and <see cref="Endless"/> streams without end.
/// </summary>
public sealed class FakeFileHost : IAsyncDisposable
{
    private readonly WebApplication _app = LoopbackApp.Create();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly TcpListener _endless = new(IPAddress.Loopback, 0);
    private Task _endlessLoop = Task.CompletedTask;
    private long _endlessBytesSent;

    private Uri _base = null!;

    /// <summary>How many bytes the endless file sent before the client stopped reading.</summary>
    public long EndlessBytesSent => Interlocked.Read(ref _endlessBytesSent);

    public static async Task<FakeFileHost> StartAsync()
    {
        var host = new FakeFileHost();
        host._app.MapGet("/files/{name}", (string name) =>
            host._files.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound());
        await host._app.StartAsync();
        host._endless.Start();
        host._endlessLoop = host.ServeEndlessAsync();
        host._base = new Uri(host._app.Urls.Single() + "/");
        return host;
    }

    public Uri Add(string name, byte[] bytes)
    {
        _files[name] = bytes;
        return new Uri(_base, "files/" + Uri.EscapeDataString(name));
    }

    /// <summary>A file that never ends, sent without a declared length.</summary>
    public Uri Endless(string name) => new($"http://127.0.0.1:{((IPEndPoint)_endless.LocalEndpoint).Port}/endless/{Uri.EscapeDataString(name)}");

    public async ValueTask DisposeAsync()
    {
        _endless.Stop();
        await _endlessLoop;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// A raw socket, not Kestrel: Kestrel accepts writes after the client has gone, so only a socket's failed write shows
    /// when the bot stopped reading.
    /// </summary>
    private async Task ServeEndlessAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _endless.AcceptTcpClientAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => StreamForeverAsync(client));
        }
    }

    private async Task StreamForeverAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var request = new byte[4096];
        await stream.ReadAtLeastAsync(request, 1, throwOnEndOfStream: false);
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nConnection: close\r\n\r\n"u8.ToArray());
        var chunk = new byte[64 * 1024];
        chunk[0] = 0xFF;
        chunk[1] = 0xD8;
        try
        {
            // Up to 1 GB, with no length declared.
            for (var i = 0; i < 16 * 1024; i++)
            {
                await stream.WriteAsync(chunk);
                Interlocked.Add(ref _endlessBytesSent, chunk.Length);
            }
        }
        catch (IOException)
        {
            // The bot stopped reading: what this fake is for.
        }
    }
}
