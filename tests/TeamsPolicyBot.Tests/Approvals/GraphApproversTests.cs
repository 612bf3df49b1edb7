using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Tests.Dialogs;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>Approvers read from an Entra ID group with Microsoft Graph, against Graph JSON from a mocked HTTP handler.</summary>
public sealed class GraphApproversTests
{
    private const string GroupId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    [Fact]
    public async Task Members_TwoPages_ReadsEveryTransitiveMemberFollowingNextLink()
    {
        var graph = new FakeGraph([Jo.AadObjectId.ToUpperInvariant()], [Priya.AadObjectId]);
        var approvers = Create(graph, new ManualTimeProvider(DateTimeOffset.UnixEpoch));

        var members = await approvers.MembersAsync(GroupId, CancellationToken.None);

        Assert.Equal([Jo.AadObjectId, Priya.AadObjectId], members.Order());
        Assert.Equal(2, graph.Requests.Count);
        Assert.Contains($"/groups/{GroupId}/transitiveMembers/graph.user", graph.Requests[0].AbsolutePath.Replace("microsoft.", ""));
        Assert.Contains("skiptoken", graph.Requests[1].Query);
    }

    [Fact]
    public async Task Members_WithinCacheDuration_DoesNotAskGraphAgainUntilItExpires()
    {
        var graph = new FakeGraph([Jo.AadObjectId], [Priya.AadObjectId]);
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var approvers = Create(graph, time);

        await approvers.MembersAsync(GroupId, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(4));
        await approvers.MembersAsync(GroupId, CancellationToken.None);
        Assert.Equal(2, graph.Requests.Count);

        time.Advance(TimeSpan.FromMinutes(2));
        await approvers.MembersAsync(GroupId, CancellationToken.None);
        Assert.Equal(4, graph.Requests.Count);
    }

    [Fact]
    public async Task Members_GraphFailsAfterCacheExpires_KeepsLastMembersAndTriesAgainNextTime()
    {
        var graph = new FakeGraph([Jo.AadObjectId], [Priya.AadObjectId]);
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var approvers = Create(graph, time);
        await approvers.MembersAsync(GroupId, CancellationToken.None);

        graph.Failing = true;
        time.Advance(TimeSpan.FromMinutes(6));
        var members = await approvers.MembersAsync(GroupId, CancellationToken.None);

        Assert.Equal([Jo.AadObjectId, Priya.AadObjectId], members.Order());
        graph.Failing = false;
        var before = graph.Requests.Count;
        await approvers.MembersAsync(GroupId, CancellationToken.None);
        Assert.True(graph.Requests.Count > before);
    }

    [Fact]
    public async Task Members_GraphFailsWithNothingRead_Throws()
    {
        var graph = new FakeGraph([Jo.AadObjectId], []) { Failing = true };

        await Assert.ThrowsAnyAsync<Exception>(() => Create(graph, TimeProvider.System).MembersAsync(GroupId, CancellationToken.None));
    }

    [Collection(AzuriteCollection.Name)]
    public sealed class EndToEnd(AzuriteFixture azurite)
    {
        [Fact]
        public async Task Decide_GroupMemberApproves_NonMemberRefused()
        {
            var graph = new FakeGraph([Jo.AadObjectId], [Priya.AadObjectId]);
            await using var host = await ApprovalsHost.StartAsync(azurite,
                new() { ["Approvals:Approvers"] = "", ["Approvals:ApproverGroupId"] = GroupId },
                services => services.AddSingleton(graph.Client()));
            var requestId = await host.SubmitAsync();

            var refused = await host.InvokeAsync(ApprovalVerbs.Decide, Decision(requestId, "approve"), Colleague);
            var approved = await host.InvokeAsync(ApprovalVerbs.Decide, Decision(requestId, "approve"), Priya);

            Assert.Equal("Only approvers can approve or reject requests.", (string?)refused["value"]);
            Assert.Contains("You approved this request.", CardJson.Text(approved["value"]));
            Assert.Equal(Priya.AadObjectId, (await host.StoredAsync(requestId)).DecidedBy!.Id);
        }
    }

    private static GraphApprovers Create(FakeGraph graph, TimeProvider time) => new(
        graph.Client(),
        Options.Create(new ApprovalsOptions { ApproverGroupId = GroupId, ApproverCacheDuration = TimeSpan.FromMinutes(5) }),
        time,
        NullLogger<GraphApprovers>.Instance);

    /// <summary>Answers Graph's transitive members query with two pages of users, the first with an @odata.nextLink.</summary>
    private sealed class FakeGraph(IReadOnlyList<string> firstPage, IReadOnlyList<string> secondPage) : HttpMessageHandler
    {
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
}
