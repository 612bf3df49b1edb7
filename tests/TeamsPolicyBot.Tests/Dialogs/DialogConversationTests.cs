using System.Text.Json;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Tests.Infrastructure;
using TeamsPolicyBot.Tests.Welcome;

namespace TeamsPolicyBot.Tests.Dialogs;

/// <summary>Conversations with a two-question dialog through /api/messages, state in a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DialogConversationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Question = "Can I follow a former pupil on Instagram?";


    private DialogBotHost _host = null!;

    public async Task InitializeAsync() => _host = await DialogBotHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostActivity_QuestionThenTypedAnswers_AsksWithButtonsAndCompletesTheDialog()
    {
        var asked = Assert.Single(await _host.SayAsync(Question));
        PromptCard.AssertAsks(asked, FormerPupilDialog.AgeQuestion.Prompt, FormerPupilDialog.AgeQuestion);

        var second = Assert.Single(await _host.SayAsync("She's 19"));
        PromptCard.AssertAsks(second, FormerPupilDialog.ContactQuestion.Prompt, FormerPupilDialog.ContactQuestion);

        var answer = Assert.Single(await _host.SayAsync("nope"));
        Assert.Equal(FormerPupilDialog.Answer(Question, "18 or 19", "No"), answer.Text);
        Assert.Null(await _host.ReadStoredStateAsync());
    }

    [Fact]
    public async Task PostActivity_ButtonTextAsAnswer_IsRecognised()
    {
        await _host.SayAsync(Question);

        var next = Assert.Single(await _host.SayAsync("Under 18"));

        PromptCard.AssertAsks(next, FormerPupilDialog.ContactQuestion.Prompt, FormerPupilDialog.ContactQuestion);
    }

    [Fact]
    public async Task PostActivity_UnrecognisedAnswerTwice_AsksAgainOnceThenEndsPolitely()
    {
        await _host.SayAsync(Question);

        var retry = Assert.Single(await _host.SayAsync("not sure, maybe a teenager"));
        PromptCard.AssertAsks(retry, $"Sorry, I didn't catch that. {FormerPupilDialog.AgeQuestion.Prompt}", FormerPupilDialog.AgeQuestion);

        var gaveUp = Assert.Single(await _host.SayAsync("no idea really"));
        Assert.Equal(FormerPupilDialog.NoAnswerText, gaveUp.Text);
        Assert.Null(await _host.ReadStoredStateAsync());
    }

    [Fact]
    public async Task PostActivity_UnrecognisedThenRecognised_Continues()
    {
        await _host.SayAsync(Question);
        await _host.SayAsync("hmm");

        var next = Assert.Single(await _host.SayAsync("the second one"));

        PromptCard.AssertAsks(next, FormerPupilDialog.ContactQuestion.Prompt, FormerPupilDialog.ContactQuestion);
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("Cancel!")]
    [InlineData("  CANCEL. ")]
    public async Task PostActivity_CancelMidDialog_ConfirmsAndForgetsTheDialog(string cancel)
    {
        await _host.SayAsync(Question);

        var confirmed = Assert.Single(await _host.SayAsync(cancel));

        Assert.Equal(DialogManager.CancelledText, confirmed.Text);
        Assert.Null(await _host.ReadStoredStateAsync());
        // "19" is no longer an answer: it starts a new question.
        PromptCard.AssertAsks(Assert.Single(await _host.SayAsync("19")), FormerPupilDialog.AgeQuestion.Prompt, FormerPupilDialog.AgeQuestion);
    }

    [Theory]
    [InlineData("start over")]
    [InlineData("Start again.")]
    public async Task PostActivity_StartOverMidDialog_SaysWhatToDoAndForgetsTheDialog(string startOver)
    {
        await _host.SayAsync(Question);
        await _host.SayAsync("19");

        var reply = Assert.Single(await _host.SayAsync(startOver));

        Assert.Equal(DialogManager.StartOverText, reply.Text);
        Assert.Null(await _host.ReadStoredStateAsync());
    }

    [Fact]
    public async Task PostActivity_BotRestartedMidDialog_NewInstanceFinishesTheDialog()
    {
        await _host.SayAsync(Question);
        await _host.SayAsync("17");

        await _host.RestartAsync();
        var answer = Assert.Single(await _host.SayAsync("yes"));

        Assert.Equal(FormerPupilDialog.Answer(Question, "Under 18", "Yes"), answer.Text);
    }

    [Fact]
    public async Task PostActivity_DialogDroppedByARelease_ForgetsItInsteadOfGettingStuck()
    {
        await _host.SayAsync(Question);

        await _host.RestartAsync(withFormerPupilDialog: false);
        var reply = Assert.Single(await _host.SayAsync("help"));

        WelcomeCardAssert.IsWelcomeCard(reply.AttachmentContent);
        Assert.Null(await _host.ReadStoredStateAsync());
    }
}
