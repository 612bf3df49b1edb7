using System.Text;
using System.Text.Json.Nodes;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;
using static TeamsPolicyBot.Tests.Academies.ThreeAcademies;

namespace TeamsPolicyBot.Tests.Academies;

/// <summary>"pending" and "export approvals": an academy's approvers and admins see its requests only; trust admins see all.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcademyAdminViewsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ThreeAcademies _trust = null!;
    private string _henryBox = "";
    private string _queenEmmas = "";
    private string _trustWide = "";

    public async Task InitializeAsync()
    {
        _trust = await ThreeAcademies.StartAsync(azurite);
        _henryBox = RequestId(await _trust.SubmitPostAsync(HenryBoxTeacher, HenryBox, HenryBoxAccount));
        _queenEmmas = RequestId(await _trust.SubmitPostAsync(QueenEmmasTeacher, QueenEmmas, QueenEmmasAccount));
        _trustWide = RequestId(await _trust.SubmitPostAsync(QueenEmmasTeacher, QueenEmmas, TrustAccount));
    }

    public async Task DisposeAsync() => await _trust.DisposeAsync();

    [Fact]
    public async Task Pending_AcademyAdmin_SeesOnlyTheirAcademysRequests()
    {
        Assert.Equal([_queenEmmas], await PendingAsync(QueenEmmasAdmin));
    }

    [Fact]
    public async Task Pending_AcademyApprover_SeesOnlyTheRequestsTheyDecide()
    {
        Assert.Equal([_henryBox], await PendingAsync(HenryBoxHead));
        Assert.Equal([_queenEmmas], await PendingAsync(QueenEmmasHead));
        Assert.Equal([_trustWide], await PendingAsync(ApprovalsHost.Jo));
    }

    [Fact]
    public async Task Pending_TrustAdmin_SeesEveryAcademysRequests()
    {
        Assert.Equal(new[] { _henryBox, _queenEmmas, _trustWide }.Order(), (await PendingAsync(TrustAdmin)).Order());
    }

    [Fact]
    public async Task Pending_ApproverOfAnAcademyWithNothingWaiting_SeesNoOtherAcademysRequests()
    {
        Assert.Empty(await PendingAsync(WoodGreenHead));
    }

    [Fact]
    public async Task ExportApprovals_AcademyAdmin_GetsOnlyTheirAcademysRequests()
    {
        var csv = await ExportAsync(QueenEmmasAdmin);

        Assert.Contains(_queenEmmas, csv);
        Assert.DoesNotContain(_henryBox, csv);
        Assert.DoesNotContain(_trustWide, csv);
    }

    [Fact]
    public async Task ExportApprovals_TrustAdmin_GetsEveryRequestWithItsAcademy()
    {
        var csv = await ExportAsync(TrustAdmin);

        Assert.Contains($"{_henryBox},", csv);
        Assert.Contains($"{_queenEmmas},", csv);
        Assert.Contains($"{_trustWide},", csv);
        Assert.Contains($",{HenryBox}\r\n", csv);
        Assert.Contains(",trust-wide\r\n", csv);
    }

    [Fact]
    public async Task ExportApprovals_ApproverWhoIsNoAdmin_Refused()
    {
        var reply = Assert.Single(await _trust.Host.SayAsync("export approvals", HenryBoxHead));

        Assert.Equal("Only admins can export approvals.", reply.Text);
    }

    private async Task<IReadOnlyList<string>> PendingAsync(Staff who)
    {
        var card = CardJson.Card(Assert.Single(await _trust.Host.SayAsync("pending", who)));
        return [.. Walk(card).Where(o => (string?)o["verb"] == "approval.refresh").Select(o => (string)o["data"]!["requestId"]!)];
    }

    private async Task<string> ExportAsync(Staff who)
    {
        var reply = Assert.Single(await _trust.Host.SayAsync("export approvals", who));
        var file = reply.Json["attachments"]![0]!;
        return Encoding.UTF8.GetString(Convert.FromBase64String(((string)file["contentUrl"]!)["data:text/csv;base64,".Length..]));
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value).SelectMany(Walk).Prepend(obj),
        JsonArray array => array.SelectMany(Walk),
        _ => [],
    };
}
