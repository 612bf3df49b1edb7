using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Dialogs;

/// <summary>How conversation state is stored: who it belongs to, when it is written, races and idle expiry (real Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConversationStateTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Question = "Can I follow a former pupil on Instagram?";
    private const string OtherTeacherId = "29:7aB2cD4eF6gH8iJ0kL2mN4oP6qR8sT0uV2wX4yZ6aB8cD";

    private DialogBotHost _host = null!;

    public async Task InitializeAsync() => _host = await DialogBotHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("help")]
    [InlineData("cancel")]
    [InlineData("start over")]
    public async Task PostActivity_NoDialogStartedOrActive_ReadsOnceAndWritesNothing(string text)
    {
        // A dialog begun and finished leaves the table created and the row deleted.
        await _host.SayAsync(Question);
        await _host.SayAsync("20");
        await _host.SayAsync("no");
        _host.TableRequests.Clear();

        var replies = await _host.SayAsync(text);

        Assert.Single(replies);
        var read = Assert.Single(_host.TableRequests.Requests);
        Assert.StartsWith("GET ", read);
        Assert.Empty(_host.TableRequests.Writes);
    }

    [Fact]
    public async Task PostActivity_FreshStorage_ReadsWithoutCreatingTheTableUntilTheFirstSaveCreatesItOnce()
    {
        var help = await _host.SayAsync("help");
        var helpRequests = _host.TableRequests.Requests.Where(request => request.Contains(ConversationStateStore.TableName)).ToList();
        var helpWrites = _host.TableRequests.Writes;
        _host.TableRequests.Clear();
        await _host.SayAsync(Question);
        var firstSave = _host.TableRequests.Writes;
        _host.TableRequests.Clear();
        await _host.SayAsync("19");

        Assert.Single(help);
        Assert.StartsWith("GET ", Assert.Single(helpRequests));
        Assert.Empty(helpWrites);
        Assert.Single(firstSave, write => write.EndsWith("/Tables", StringComparison.Ordinal));
        Assert.EndsWith("/Tables", firstSave[1]);
        Assert.DoesNotContain(_host.TableRequests.Writes, write => write.EndsWith("/Tables", StringComparison.Ordinal));
        Assert.StartsWith("PUT ", Assert.Single(_host.TableRequests.Writes));
    }

    [Fact]
    public async Task PostActivity_DialogWaiting_StoresOnlyIdsStepsAndValuesAsJson()
    {
        await _host.SayAsync(Question);
        await _host.SayAsync("19");

        using var state = await _host.ReadStoredStateAsync();

        var stack = state!.RootElement.GetProperty("dialogStack");
        Assert.Equal([FormerPupilDialog.DialogId, ChoicePrompt.DialogId], stack.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        var waterfall = stack[0].GetProperty("state");
        Assert.Equal(1, waterfall.GetProperty("stepIndex").GetInt32());
        Assert.Equal("18 or 19", waterfall.GetProperty("values").GetProperty("age").GetString());
    }

    [Fact]
    public async Task PostActivity_TwoAnswersAtOnce_OneIsTakenTheOtherToldAndStateStaysWhole()
    {
        await _host.SayAsync(Question);
        var before = _host.Connector.Requests.Count;
        _host.TableRequests.HoldWrites(2);

        await Task.WhenAll(_host.SayAsync("19"), _host.SayAsync("Under 18"));

        // Both turns asked the next question before saving; the one that saved second was refused and says so.
        var sent = _host.Connector.Requests.Skip(before).ToList();
        Assert.Equal(2, sent.Count(r => r.AttachmentContentType is not null));
        Assert.Single(sent, r => r.Text == DialogManager.MessagesCrossedText);
        using var state = await _host.ReadStoredStateAsync();
        var age = state!.RootElement.GetProperty("dialogStack")[0].GetProperty("state").GetProperty("values").GetProperty("age").GetString();
        Assert.Contains(age, new[] { "18 or 19", "Under 18" });
        var answer = Assert.Single(await _host.SayAsync("yes"));
        Assert.Equal(FormerPupilDialog.Answer(Question, age!, "Yes"), answer.Text);
    }

    [Fact]
    public async Task DeleteExpiredAsync_OneDialogIdlePastTheTimeoutOneRecent_DeletesOnlyTheIdleOne()
    {
        await _host.SayAsync(Question);
        _host.Time.Advance(TimeSpan.FromMinutes(31));
        await _host.SendAsync(_host.ChannelMessage(Question, OtherTeacherId));
        var store = _host.Bot.Services.GetRequiredService<ConversationStateStore>();

        var deleted = await store.DeleteExpiredAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await _host.ReadStoredStateAsync());
        Assert.NotNull(await _host.ReadStoredStateAsync(OtherTeacherId, DialogBotHost.ChannelThreadId));
    }

    [Fact]
    public async Task PostActivity_ExpiredRowSweptAwayDuringTheTurn_StartsAfreshAndSavesIt()
    {
        await _host.SayAsync(Question);
        _host.Time.Advance(TimeSpan.FromMinutes(31));
        var store = _host.Bot.Services.GetRequiredService<ConversationStateStore>();
        _host.TableRequests.BeforeNextWrite(async () => Assert.Equal(1, await store.DeleteExpiredAsync(CancellationToken.None)));

        var reply = Assert.Single(await _host.SayAsync(Question));

        PromptCard.AssertAsks(reply, FormerPupilDialog.AgeQuestion.Prompt, FormerPupilDialog.AgeQuestion);
        Assert.NotNull(await _host.ReadStoredStateAsync());
    }

    [Fact]
    public async Task DeleteExpiredAsync_NoStateEverSaved_DeletesNothing()
    {
        var store = _host.Bot.Services.GetRequiredService<ConversationStateStore>();

        Assert.Equal(0, await store.DeleteExpiredAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PostActivity_AnswerWithinIdleTimeout_ContinuesTheDialog()
    {
        await _host.SayAsync(Question);

        _host.Time.Advance(TimeSpan.FromMinutes(29));
        var next = Assert.Single(await _host.SayAsync("19"));

        PromptCard.AssertAsks(next, FormerPupilDialog.ContactQuestion.Prompt, FormerPupilDialog.ContactQuestion);
    }

    [Fact]
    public async Task PostActivity_AnswerAfterIdleTimeout_StartsAfresh()
    {
        await _host.SayAsync(Question);

        _host.Time.Advance(TimeSpan.FromMinutes(31));
        var reply = Assert.Single(await _host.SayAsync("19"));

        PromptCard.AssertAsks(reply, FormerPupilDialog.AgeQuestion.Prompt, FormerPupilDialog.AgeQuestion);
        using var state = await _host.ReadStoredStateAsync();
        var question = state!.RootElement.GetProperty("dialogStack")[0].GetProperty("state").GetProperty("values").GetProperty("question");
        Assert.Equal("19", question.GetString());
    }

    [Fact]
    public async Task PostActivity_CommandAfterIdleTimeout_DeletesTheExpiredState()
    {
        await _host.SayAsync(Question);

        _host.Time.Advance(TimeSpan.FromMinutes(45));
        _host.TableRequests.Clear();
        await _host.SayAsync("help");

        Assert.Null(await _host.ReadStoredStateAsync());
        Assert.StartsWith("DELETE ", Assert.Single(_host.TableRequests.Writes));
    }

    [Fact]
    public async Task PostActivity_StoredStateUnreadable_StartsAfreshAndReplacesIt()
    {
        var table = _host.StateTable;
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity(TableKey.Encode(_host.ConversationId), TableKey.Encode(DialogBotHost.MemberId))
        {
            ["State"] = """{"dialogStack":[{"id":""",
            ["LastActive"] = _host.Time.GetUtcNow(),
        });

        var reply = Assert.Single(await _host.SayAsync("19"));

        PromptCard.AssertAsks(reply, FormerPupilDialog.AgeQuestion.Prompt, FormerPupilDialog.AgeQuestion);
        using var state = await _host.ReadStoredStateAsync();
        Assert.Equal(FormerPupilDialog.DialogId, state!.RootElement.GetProperty("dialogStack")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostActivity_TwoTeachersInOneChannelThread_EachKeepsTheirOwnDialog()
    {
        var teacherA = DialogBotHost.MemberId;
        var askedA = Assert.Single(await _host.SendAsync(_host.ChannelMessage(Question, teacherA)));
        PromptCard.AssertAsks(askedA, FormerPupilDialog.AgeQuestion.Prompt, FormerPupilDialog.AgeQuestion);

        // Teacher B's "19" is not an answer to teacher A's question: it starts B's own.
        var askedB = Assert.Single(await _host.SendAsync(_host.ChannelMessage("19", OtherTeacherId)));
        PromptCard.AssertAsks(askedB, FormerPupilDialog.AgeQuestion.Prompt, FormerPupilDialog.AgeQuestion);

        var nextA = Assert.Single(await _host.SendAsync(_host.ChannelMessage("20 or over", teacherA)));
        PromptCard.AssertAsks(nextA, FormerPupilDialog.ContactQuestion.Prompt, FormerPupilDialog.ContactQuestion);
        using var stateB = await _host.ReadStoredStateAsync(OtherTeacherId, DialogBotHost.ChannelThreadId);
        Assert.Equal(0, stateB!.RootElement.GetProperty("dialogStack")[0].GetProperty("state").GetProperty("stepIndex").GetInt32());
    }

    [Fact]
    public async Task PostActivity_MentionThenCancelInChannel_Cancels()
    {
        await _host.SendAsync(_host.ChannelMessage(Question, DialogBotHost.MemberId));

        var reply = Assert.Single(await _host.SendAsync(_host.ChannelMessage("Cancel.", DialogBotHost.MemberId)));

        Assert.Equal(DialogManager.CancelledText, reply.Text);
        Assert.Null(await _host.ReadStoredStateAsync(DialogBotHost.MemberId, DialogBotHost.ChannelThreadId));
    }
}
