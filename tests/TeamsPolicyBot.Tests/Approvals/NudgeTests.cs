using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>Requests pending longer than Approvals:NudgeAfterHours are brought to the approvers once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NudgeTests(AzuriteFixture azurite) : ApprovalsHostTests(azurite, new() { ["Approvals:NudgeAfterHours"] = "24" })
{
    [Fact]
    public async Task NudgeDue_AfterThreshold_ApproversRemindedOnceOnly()
    {
        var requestId = await Host.SubmitAsync();
        var nudger = Host.Service<ApprovalNudger>();

        Host.Time.Advance(TimeSpan.FromHours(23));
        var before = Host.Connector.Requests.Count;
        Assert.Equal(0, await nudger.NudgeDueAsync(CancellationToken.None));
        Assert.Equal(before, Host.Connector.Requests.Count);

        Host.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await nudger.NudgeDueAsync(CancellationToken.None));
        var reminders = Host.Connector.Requests.Skip(before).Where(r => r.Text?.Contains("still waiting for approval") == true).ToList();
        Assert.Equal(2, reminders.Count);

        Host.Time.Advance(TimeSpan.FromHours(30));
        Assert.Equal(0, await nudger.NudgeDueAsync(CancellationToken.None));
        Assert.True((await Host.StoredAsync(requestId)).Nudged);
    }

    [Fact]
    public async Task NudgeDue_TwoInstancesAtOnce_OnlyOneSendsTheReminder()
    {
        await Host.SubmitAsync();
        Host.Time.Advance(TimeSpan.FromHours(25));
        var nudger = Host.Service<ApprovalNudger>();

        var counts = await Task.WhenAll(nudger.NudgeDueAsync(CancellationToken.None), nudger.NudgeDueAsync(CancellationToken.None));

        Assert.Equal(1, counts.Sum());
        Assert.Equal(2, Host.Connector.Requests.Count(r => r.Text?.Contains("still waiting for approval") == true));
    }

    [Fact]
    public async Task NudgeDue_DecidedBeforeThreshold_NoReminder()
    {
        var requestId = await Host.SubmitAsync();
        await Host.InvokeAsync(ApprovalVerbs.Decide, ApprovalsHost.Decision(requestId, "approve"), ApprovalsHost.Jo);

        Host.Time.Advance(TimeSpan.FromHours(25));

        Assert.Equal(0, await Host.Service<ApprovalNudger>().NudgeDueAsync(CancellationToken.None));
    }
}
