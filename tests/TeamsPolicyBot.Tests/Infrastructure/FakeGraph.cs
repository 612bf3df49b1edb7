using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace TeamsPolicyBot.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for the Microsoft Graph endpoints the bot calls: a user's School
/// Data Sync schools, a user's Entra attributes, a group's transitive members and its owners. Records every request.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();

    private FakeGraph(WebApplication app) => _app = app;

    /// <summary>User id → the schools School Data Sync lists for them (externalId values).</summary>
    public ConcurrentDictionary<string, string[]> Schools { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>User id → their Entra <c>department</c>.</summary>
    public ConcurrentDictionary<string, string> Departments { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Group id → its members' object ids.</summary>
    public ConcurrentDictionary<string, string[]> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Group id → its owners' object ids (a team's owners are its group's).</summary>
    public ConcurrentDictionary<string, string[]> Owners { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, every request fails with 503.</summary>
    public bool Failing { get; set; }

    public IReadOnlyList<string> Requests => [.. _requests];

    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeGraph> StartAsync()
    {
        var graph = new FakeGraph(LoopbackApp.Create());
        graph._app.Run(graph.AnswerAsync);
        await graph._app.StartAsync();
        graph.BaseUrl = graph._app.Urls.Single() + "/v1.0";
        return graph;
    }

    /// <summary>A Graph client of the bot's kind, pointed at this server.</summary>
    public GraphServiceClient Client() => new(new HttpClient(), new AnonymousAuthenticationProvider(), BaseUrl);

    private async Task AnswerAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        _requests.Enqueue(path + http.Request.QueryString);
        if (Failing)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await http.Response.WriteAsJsonAsync(new { error = new { code = "serviceNotAvailable", message = "Scripted 503" } });
            return;
        }
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (parts)
        {
            case ["v1.0", "education", "users", var user, "schools"]:
                if (!Schools.TryGetValue(user, out var schools))
                {
                    await NotFoundAsync(http);
                    return;
                }
                await http.Response.WriteAsJsonAsync(new
                {
                    value = schools.Select(school => new { id = "sds-" + school, displayName = "School " + school, externalId = school, schoolNumber = "" }),
                });
                return;
            case ["v1.0", "users", var user]:
                await http.Response.WriteAsJsonAsync(new { id = user, department = Departments.GetValueOrDefault(user) });
                return;
            case ["v1.0", "groups", var group, "owners", "microsoft.graph.user" or "graph.user"]:
                await http.Response.WriteAsJsonAsync(new { value = Owners.GetValueOrDefault(group, []).Select(id => new { id }) });
                return;
            case ["v1.0", "groups", var group, "transitiveMembers", "microsoft.graph.user" or "graph.user"]:
                await http.Response.WriteAsJsonAsync(new { value = Groups.GetValueOrDefault(group, []).Select(id => new { id }) });
                return;
            default:
                await NotFoundAsync(http);
                return;
        }
    }

    private static async Task NotFoundAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        await http.Response.WriteAsJsonAsync(new { error = new { code = "Request_ResourceNotFound", message = "Not found" } });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
