using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>Requests pending longer than Approvals:NudgeAfterHours are brought to the approvers once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NudgeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ApprovalsHost _host = null!;

    public async Task InitializeAsync() => _host = await ApprovalsHost.StartAsync(azurite, new() { ["Approvals:NudgeAfterHours"] = "24" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task NudgeDue_AfterThreshold_ApproversRemindedOnceOnly()
    {
        var requestId = await _host.SubmitAsync();
        var nudger = _host.Service<ApprovalNudger>();

        _host.Time.Advance(TimeSpan.FromHours(23));
        var before = _host.Connector.Requests.Count;
        Assert.Equal(0, await nudger.NudgeDueAsync(CancellationToken.None));
        Assert.Equal(before, _host.Connector.Requests.Count);

        _host.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await nudger.NudgeDueAsync(CancellationToken.None));
        var reminders = _host.Connector.Requests.Skip(before).Where(r => r.Text?.Contains("still waiting for approval") == true).ToList();
        Assert.Equal(2, reminders.Count);

        _host.Time.Advance(TimeSpan.FromHours(30));
        Assert.Equal(0, await nudger.NudgeDueAsync(CancellationToken.None));
        Assert.True((await _host.StoredAsync(requestId)).Nudged);
    }

    [Fact]
    public async Task NudgeDue_TwoInstancesAtOnce_OnlyOneSendsTheReminder()
    {
        await _host.SubmitAsync();
        _host.Time.Advance(TimeSpan.FromHours(25));
        var nudger = _host.Service<ApprovalNudger>();

        var counts = await Task.WhenAll(nudger.NudgeDueAsync(CancellationToken.None), nudger.NudgeDueAsync(CancellationToken.None));

        Assert.Equal(1, counts.Sum());
        Assert.Equal(2, _host.Connector.Requests.Count(r => r.Text?.Contains("still waiting for approval") == true));
    }

    [Fact]
    public async Task NudgeDue_DecidedBeforeThreshold_NoReminder()
    {
        var requestId = await _host.SubmitAsync();
        await _host.InvokeAsync(ApprovalVerbs.Decide, ApprovalsHost.Decision(requestId, "approve"), ApprovalsHost.Jo);

        _host.Time.Advance(TimeSpan.FromHours(25));

        Assert.Equal(0, await _host.Service<ApprovalNudger>().NudgeDueAsync(CancellationToken.None));
    }
}
