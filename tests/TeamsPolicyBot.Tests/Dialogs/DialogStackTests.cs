using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Tests.Dialogs;

/// <summary>The dialog stack, waterfalls and the choice prompt, turn by turn, with state kept in memory.</summary>
public class DialogStackTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly PromptOptions YesNo = new() { Prompt = "Is the account an official school account?", Choices = [new("Yes"), new("No")] };

    [Fact]
    public async Task BeginDialogAsync_WaterfallThatPrompts_SendsTheQuestionAndWaitsWithThePromptOnTop()
    {
        var conversation = Conversation(() => [AskThenEcho()]);

        var result = await conversation.Turn("question").BeginDialogAsync("ask", null, None);

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal(["ask", ChoicePrompt.DialogId], conversation.State.DialogStack.Select(d => d.Id));
        var card = PromptCard.Read(Assert.Single(conversation.SentCards));
        Assert.Equal([YesNo.Prompt], card.Texts);
        Assert.Equal(["Yes", "No", "cancel"], card.Buttons);
    }

    [Fact]
    public async Task ContinueDialogAsync_RecognisedAnswer_NextStepGetsTheChoiceAndTheDialogCompletes()
    {
        var conversation = Conversation(() => [AskThenEcho()]);
        await conversation.Turn("question").BeginDialogAsync("ask", null, None);

        var result = await conversation.Turn("yep").ContinueDialogAsync(None);

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "Yes"), result);
        Assert.Empty(conversation.State.DialogStack);
    }

    [Fact]
    public async Task ContinueDialogAsync_AfterReloadWithNewDialogInstances_ContinuesWhereItLeftOff()
    {
        var conversation = Conversation(() => [AskThenEcho()]);
        await conversation.Turn("question").BeginDialogAsync("ask", null, None);

        conversation.Reload();
        var result = await conversation.Turn("No").ContinueDialogAsync(None);

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "No"), result);
    }

    [Fact]
    public async Task ContinueDialogAsync_NoActiveDialog_ReturnsEmpty()
    {
        var conversation = Conversation(() => [AskThenEcho()]);

        var result = await conversation.Turn("hello").ContinueDialogAsync(None);

        Assert.Equal(DialogTurnStatus.Empty, result.Status);
    }

    [Fact]
    public async Task ContinueDialogAsync_StepWaitedWithoutPrompt_NextStepGetsTheMessageText()
    {
        var conversation = Conversation(() => [new WaterfallDialog("note", [
            (step, _) => Task.FromResult(Dialog.EndOfTurn),
            (step, token) => step.EndDialogAsync($"noted: {step.Result}", token),
        ])]);
        await conversation.Turn("add a note").BeginDialogAsync("note", null, None);

        var result = await conversation.Turn("Year 9 trip photos").ContinueDialogAsync(None);

        Assert.Equal("noted: Year 9 trip photos", result.Result);
    }

    [Fact]
    public async Task EndDialogAsync_ChildDialogEnds_ParentResumesWithItsResult()
    {
        var conversation = Conversation(() => [
            new WaterfallDialog("parent", [
                (step, token) => step.BeginDialogAsync("child", null, token),
                (step, token) => step.EndDialogAsync($"child said {step.Result}", token),
            ]),
            new WaterfallDialog("child", [(step, _) => Task.FromResult(Dialog.EndOfTurn), (step, token) => step.EndDialogAsync(42, token)]),
        ]);
        await conversation.Turn("go").BeginDialogAsync("parent", null, None);
        Assert.Equal(["parent", "child"], conversation.State.DialogStack.Select(d => d.Id));

        var result = await conversation.Turn("anything").ContinueDialogAsync(None);

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "child said 42"), result);
    }

    [Fact]
    public async Task ReplaceDialogAsync_ActiveDialog_TakesItsPlaceWithoutResumingTheParent()
    {
        var conversation = Conversation(() => [
            new WaterfallDialog("parent", [(step, token) => step.BeginDialogAsync("first", null, token), (step, token) => step.EndDialogAsync("parent resumed", token)]),
            new WaterfallDialog("first", [(step, _) => Task.FromResult(Dialog.EndOfTurn)]),
            new WaterfallDialog("second", [(step, _) => Task.FromResult(Dialog.EndOfTurn)]),
        ]);
        var turn = conversation.Turn("go");
        await turn.BeginDialogAsync("parent", null, None);

        var result = await turn.ReplaceDialogAsync("second", null, None);

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal(["parent", "second"], conversation.State.DialogStack.Select(d => d.Id));
    }

    [Fact]
    public async Task CancelAllDialogs_DialogsActive_EmptiesTheStack()
    {
        var conversation = Conversation(() => [AskThenEcho()]);
        var turn = conversation.Turn("question");
        await turn.BeginDialogAsync("ask", null, None);

        var result = turn.CancelAllDialogs();

        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Null(turn.ActiveDialog);
    }

    [Fact]
    public async Task NextAsync_InAStep_RunsTheNextStepInTheSameTurn()
    {
        var conversation = Conversation(() => [new WaterfallDialog("skip", [
            (step, token) => step.NextAsync("skipped ahead", token),
            (step, token) => step.EndDialogAsync(step.Result, token),
        ])]);

        var result = await conversation.Turn("go").BeginDialogAsync("skip", null, None);

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "skipped ahead"), result);
    }

    [Fact]
    public async Task NextAsync_CalledTwiceInOneStep_Throws()
    {
        var conversation = Conversation(() => [new WaterfallDialog("twice", [
            async (step, token) =>
            {
                await step.NextAsync(null, token);
                return await step.NextAsync(null, token);
            },
            (step, _) => Task.FromResult(Dialog.EndOfTurn),
        ])]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => conversation.Turn("go").BeginDialogAsync("twice", null, None));
    }

    [Fact]
    public async Task GetOptionsAndValues_AfterReload_StillHoldWhatTheDialogWasGivenAndKept()
    {
        var conversation = Conversation(() => [new WaterfallDialog("request", [
            (step, _) =>
            {
                step.Values.Set("account", "@henrybox_pe");
                step.DialogContext.Values.Set("school", "Henry Box");
                return Task.FromResult(Dialog.EndOfTurn);
            },
            (step, token) => step.EndDialogAsync(
                $"{step.GetOptions<PostRequest>()!.Title} on {step.Values.Get<string>("account")} at {step.DialogContext.Values.Get<string>("school")}", token),
        ])]);
        await conversation.Turn("request a post").BeginDialogAsync("request", new PostRequest("Sports day results"), None);

        conversation.Reload();
        var result = await conversation.Turn("ok").ContinueDialogAsync(None);

        Assert.Equal("Sports day results on @henrybox_pe at Henry Box", result.Result);
        Assert.Equal("Henry Box", conversation.State.Values.Get<string>("school"));
    }

    [Fact]
    public async Task BeginDialogAsync_UnknownDialog_ThrowsArgumentException()
    {
        var conversation = Conversation(() => [AskThenEcho()]);

        await Assert.ThrowsAsync<ArgumentException>(() => conversation.Turn("go").BeginDialogAsync("missing", null, None));
    }

    [Fact]
    public async Task ChoicePrompt_SecondUnrecognisedAnswer_EndsWithNull()
    {
        var conversation = Conversation(() => [AskThenEcho()]);
        await conversation.Turn("question").BeginDialogAsync("ask", null, None);

        await conversation.Turn("maybe").ContinueDialogAsync(None);
        var result = await conversation.Turn("perhaps").ContinueDialogAsync(None);

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "no answer"), result);
        Assert.Equal(2, conversation.SentCards.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task ChoicePrompt_WrongNumberOfChoices_ThrowsArgumentException(int count)
    {
        var conversation = Conversation();
        var options = new PromptOptions { Prompt = "Which?", Choices = [.. Enumerable.Range(1, count).Select(n => new Choice($"Option {n}"))] };

        await Assert.ThrowsAsync<ArgumentException>(() => conversation.Turn("go").PromptAsync(ChoicePrompt.DialogId, options, None));
    }

    [Fact]
    public async Task ChoicePrompt_TwoChoicesWithTheSameText_ThrowsArgumentException()
    {
        var conversation = Conversation();
        var options = new PromptOptions { Prompt = "Which?", Choices = [new("Yes"), new("yes!")] };

        await Assert.ThrowsAsync<ArgumentException>(() => conversation.Turn("go").PromptAsync(ChoicePrompt.DialogId, options, None));
    }

    /// <summary>A conversation whose dialogs <paramref name="dialogs"/> builds (again at each reload), plus the choice prompt.</summary>
    private static InMemoryConversation Conversation(Func<Dialog[]>? dialogs = null) =>
        new(() => [new ChoicePrompt(InMemoryConversation.Cards), .. dialogs?.Invoke() ?? []]);

    private static WaterfallDialog AskThenEcho() => new("ask", [
        (step, token) => step.PromptAsync(ChoicePrompt.DialogId, YesNo, token),
        (step, token) => step.EndDialogAsync(step.Result is FoundChoice answer ? answer.Value : "no answer", token),
    ]);

    private sealed record PostRequest(string Title);
}
