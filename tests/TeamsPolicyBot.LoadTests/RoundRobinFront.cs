using System.Net.Http.Headers;

namespace TeamsPolicyBot.LoadTests;

/// <summary>
/// Stands in for App Service's front end on 127.0.0.1: each <c>POST /api/messages</c> goes to the next bot in turn, and
/// its answer comes back with the header <see cref="InstanceHeader"/> naming the bot that handled it. A bot that
/// refuses the connection (killed) is passed over for the next, as the front end stops routing to a dead instance.
/// </summary>
public sealed class RoundRobinFront : IAsyncDisposable
{
    public const string InstanceHeader = "X-Instance";

    private readonly WebApplication _app;
    private readonly IReadOnlyList<BotProcess> _bots;
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { Timeout = TimeSpan.FromSeconds(60) };
    private long _next;
    private long _passedOver;

    private RoundRobinFront(WebApplication app, IReadOnlyList<BotProcess> bots)
    {
        _app = app;
        _bots = bots;
    }

    public Uri MessagesUrl { get; private set; } = null!;

    /// <summary>Requests a refused connection sent on to the next bot.</summary>
    public long PassedOver => Interlocked.Read(ref _passedOver);

    public static async Task<RoundRobinFront> StartAsync(IReadOnlyList<BotProcess> bots)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var front = new RoundRobinFront(builder.Build(), bots);
        front._app.MapPost("/api/messages", front.ForwardAsync);
        await front._app.StartAsync();
        front.MessagesUrl = new Uri(front._app.Urls.Single() + "/api/messages");
        return front;
    }

    private async Task ForwardAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var first = Interlocked.Increment(ref _next);
        for (var attempt = 0; attempt < _bots.Count; attempt++)
        {
            var bot = _bots[(int)((first + attempt) % _bots.Count)];
            using var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUrl) { Content = new ByteArrayContent(body.ToArray()) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(http.Request.ContentType ?? "application/json");
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _passedOver);
                continue;
            }
            using (response)
            {
                http.Response.StatusCode = (int)response.StatusCode;
                http.Response.Headers[InstanceHeader] = bot.Name;
                if (response.Content.Headers.ContentType is { } type)
                    http.Response.ContentType = type.ToString();
                await response.Content.CopyToAsync(http.Response.Body);
            }
            return;
        }
        http.Response.StatusCode = StatusCodes.Status502BadGateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
