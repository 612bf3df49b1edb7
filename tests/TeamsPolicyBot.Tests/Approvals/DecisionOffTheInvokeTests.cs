using System.Diagnostics;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;
using Xunit.Abstractions;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>
/// A decision is stored and answered in the invoke; the other copies of the card and the requester's message go
/// through the outbox, so a slow Teams never holds up the approver's click and a stopped bot loses nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DecisionOffTheInvokeTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan SlowTeams = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Decide_FiftyApproversAndTeamsTakingTwoSecondsACall_AnsweredWithinASecondAndEveryOtherCopyUpdatedAfter()
    {
        var others = Enumerable.Range(1, 49).Select(i => new Staff($"29:approver{i}", Guid.NewGuid().ToString(), $"Approver {i}")).ToList();
        await using var host = await ApprovalsHost.StartAsync(azurite, new()
        {
            ["Approvals:Approvers"] = string.Join(',', others.Select(s => s.AadObjectId).Prepend(Jo.AadObjectId)),
            ["Outbox:PollInterval"] = "00:00:00.200",
        });
        var requestId = await host.SubmitAsync(formMessageId: "1741165301245");
        var (joChat, joCard) = CopyPostedTo(host, Jo);
        var before = host.Connector.Requests.Count;
        host.Connector.Delay = SlowTeams;

        var clock = Stopwatch.StartNew();
        var answer = await host.PressAsync(ApprovalVerbs.Decide, Decision(requestId, "approve"), Jo, conversationId: joChat, replyToId: joCard);
        var invoke = clock.Elapsed;
        await OutboxProbe.SettledAsync(host.Tables, host.Time, TimeSpan.FromSeconds(120));
        output.WriteLine($"Invoke answered in {invoke.TotalMilliseconds:F0} ms; every copy updated and the requester told {clock.Elapsed.TotalSeconds:F1} s after the click.");

        Assert.True(invoke < TimeSpan.FromSeconds(1), $"the invoke took {invoke.TotalMilliseconds:F0} ms");
        Assert.Contains("You approved this request.", CardJson.Text(answer["value"]));
        Assert.Equal(ApprovalStatus.Approved, (await host.StoredAsync(requestId)).Status);
        var after = host.Connector.Requests.Skip(before).ToList();
        var updates = after.Where(r => r.Method == "PUT").ToList();
        // The 49 other approvers' copies and the requester's form; Jo's copy is the invoke's answer.
        Assert.Equal(50, updates.Select(u => u.PathAndQuery).Distinct().Count());
        Assert.Equal(50, updates.Count);
        Assert.DoesNotContain(updates, u => u.PathAndQuery.Contains(Uri.EscapeDataString(joChat), StringComparison.Ordinal));
        Assert.All(updates, update => Assert.Contains("Approved by Jo Bloggs", CardJson.Text(CardJson.Card(update))));
        Assert.Single(after, r => r.Text == "Your request was approved.");
    }

    [Fact]
    public async Task Decide_BotStoppedWhileTheUpdatesAreBeingSent_RestartedBotSendsThemAll()
    {
        await using var host = await ApprovalsHost.StartAsync(azurite, new() { ["Outbox:PollInterval"] = "00:00:00.200" });
        var requestId = await host.SubmitAsync();
        // Teams hangs, so the updates are on their way when the bot stops.
        host.Connector.Delay = TimeSpan.FromSeconds(30);
        await host.PressAsync(ApprovalVerbs.Decide, Decision(requestId, "reject", "Please leave out the surname."), Jo);
        await WaitForAsync(async () => (await OutboxProbe.RowsAsync(host.Tables)).Count(row => row.GetBoolean("Claimed") == true) == 4);

        await host.RestartAsync();
        host.Connector.Delay = TimeSpan.Zero;
        var before = host.Connector.Requests.Count;
        // The stopped bot's lease on what it was sending runs out.
        host.Time.Advance(TimeSpan.FromMinutes(6));
        await WaitForAsync(async () => (await OutboxProbe.RowsAsync(host.Tables)).Count == 0);

        var after = host.Connector.Requests.Skip(before).ToList();
        var updates = after.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(3, updates.Count);
        Assert.All(updates, update => Assert.Contains("Rejected by Jo Bloggs", CardJson.Text(CardJson.Card(update))));
        var told = Assert.Single(after, r => r.Text == "Your request was rejected.");
        Assert.Contains("Please leave out the surname.", CardJson.Text(CardJson.Card(told)));
    }

    /// <summary>Where the approver's 1:1 copy of the card was posted: the chat the fake opened for them, and the card's id in it.</summary>
    private static (string ConversationId, string ActivityId) CopyPostedTo(ApprovalsHost host, Staff approver)
    {
        var chat = host.Connector.Requests.Single(r => r.Method == "POST" && r.PathAndQuery == "/v3/conversations"
            && r.Body.Contains(approver.AadObjectId, StringComparison.Ordinal)).AnsweredId!;
        var card = host.Connector.Requests.Single(r => r.PathAndQuery == $"/v3/conversations/{Uri.EscapeDataString(chat)}/activities").AnsweredId!;
        return (chat, card);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}
