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
using TeamsPolicyBot.Tests.People;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>Approvers read from an Entra ID group with Microsoft Graph, against Graph JSON from a mocked HTTP handler.</summary>
public sealed class GraphApproversTests
{
    private const string GroupId = FakeGraphGroup.GroupId;

    [Fact]
    public async Task Members_TwoPages_ReadsEveryTransitiveMemberFollowingNextLink()
    {
        var graph = new FakeGraphGroup([Jo.AadObjectId.ToUpperInvariant()], [Priya.AadObjectId]);
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
        var graph = new FakeGraphGroup([Jo.AadObjectId], [Priya.AadObjectId]);
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
        var graph = new FakeGraphGroup([Jo.AadObjectId], [Priya.AadObjectId]);
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
        var graph = new FakeGraphGroup([Jo.AadObjectId], []) { Failing = true };

        await Assert.ThrowsAnyAsync<Exception>(() => Create(graph, TimeProvider.System).MembersAsync(GroupId, CancellationToken.None));
    }

    [Collection(AzuriteCollection.Name)]
    public sealed class EndToEnd(AzuriteFixture azurite)
    {
        [Fact]
        public async Task Decide_GroupMemberApproves_NonMemberRefused()
        {
            var graph = new FakeGraphGroup([Jo.AadObjectId], [Priya.AadObjectId]);
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

    private static GraphApprovers Create(FakeGraphGroup graph, TimeProvider time) => new(
        graph.Client(),
        Options.Create(new ApprovalsOptions { ApproverGroupId = GroupId, ApproverCacheDuration = TimeSpan.FromMinutes(5) }),
        time,
        NullLogger<GraphApprovers>.Instance);
}
