using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace TeamsPolicyBot.Tests.People;

/// <summary>Answers Graph's transitive members query with two pages of users, the first with an @odata.nextLink.</summary>
public sealed class FakeGraphGroup(IReadOnlyList<string> firstPage, IReadOnlyList<string> secondPage) : HttpMessageHandler
{
    public const string GroupId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    private readonly List<Uri> _requests = [];

    public IReadOnlyList<Uri> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public bool Failing { get; set; }

    public GraphServiceClient Client() => new(new HttpClient(this), new AnonymousAuthenticationProvider());

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
            _requests.Add(request.RequestUri!);
        if (Failing)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden)
            {
                Content = new StringContent("""{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges."}}""", Encoding.UTF8, "application/json"),
            });
        }
        var last = request.RequestUri!.Query.Contains("skiptoken", StringComparison.Ordinal);
        var page = new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(id)",
            ["value"] = new JsonArray([.. (last ? secondPage : firstPage).Select(id =>
                (JsonNode)new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = id })]),
        };
        if (!last)
            page["@odata.nextLink"] = $"https://graph.microsoft.com/v1.0/groups/{GroupId}/transitiveMembers/microsoft.graph.user?$select=id&$top=999&$skiptoken=RFNwdAIAAQAAAA";
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(page.ToJsonString(), Encoding.UTF8, "application/json"),
        });
    }
}
