using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Dialogs;
using TeamsPolicyBot.Tests.Infrastructure;
using TeamsPolicyBot.Tests.Welcome;

namespace TeamsPolicyBot.Tests.Guidance.Conversation;

/// <summary>Guidance questions typed in Teams, through /api/messages, answered from the fierte pack, state in Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GuidanceConversationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string FullQuestion = "A former pupil who is 16 sent me a friend request on Facebook. Can I accept it?";
    private const string AgeMissing = "A former pupil sent me a friend request on Instagram. Can I accept it?";
    private const string PersonMissing = "Someone sent me a friend request on Facebook. Can I accept it?";
    private const string DslRole = "the designated senior leader for Child Protection";

    private GuidanceBotHost _host = null!;

    public async Task InitializeAsync() => _host = await GuidanceBotHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostActivity_QuestionWithEveryFact_AnswersWithVerdictReportAndCitedSection()
    {
        var card = AnswerCard.Read(Assert.Single(await _host.SayAsync(FullQuestion)));

        Assert.Equal("No", card.Headline);
        Assert.Contains("3.1", card.Texts);
        Assert.Contains($"Report to {DslRole}", card.Texts);
        Assert.Contains(FullQuestion, card.Texts);
        Assert.Equal($"Tell {DslRole} now", card.ButtonFor(TellSafeguardingLeadAction.Verb).Title);
        Assert.Equal(["note"], card.Inputs);
        Assert.DoesNotContain(card.Texts, text => text.Contains("personal chat", StringComparison.Ordinal));
        Assert.Null(await _host.ReadStoredStateAsync());
    }

    [Fact]
    public async Task PostActivity_QuestionWithTemplateMarkdownAndQuotes_ShownLiterallyWithNoLink()
    {
        const string hostile = "A former pupil who is 16 sent me a friend request on \"${pack}\" [Facebook](https://evil.example) **now**. Can I accept it?";

        var sent = Assert.Single(await _host.SayAsync(hostile));

        var card = AnswerCard.Read(sent);
        Assert.Equal("No", card.Headline);
        Assert.Contains(hostile, card.Texts);
        Assert.DoesNotContain(CardJson.TextBlocks(CardJson.Card(sent)), block => block.Contains("evil.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostActivity_AgeMissingThenTypedAge_AsksWithBandButtonsThenAnswers()
    {
        var asked = PromptCard.Read(Assert.Single(await _host.SayAsync(AgeMissing)));
        Assert.Contains("How old are they now?", asked.Texts);
        Assert.Equal(["Under 18", "18 to 19", "20 or over", "cancel"], asked.Buttons);

        var card = AnswerCard.Read(Assert.Single(await _host.SayAsync("19")));

        Assert.Equal("No", card.Headline);
        Assert.Contains("3.1", card.Texts);
        Assert.Contains(AgeMissing, card.Texts);
        Assert.Null(await _host.ReadStoredStateAsync());
    }

    [Fact]
    public async Task PostActivity_AgeGivenAsTwentyOrOver_AnswersTheOtherWay()
    {
        await _host.SayAsync(AgeMissing);

        var card = AnswerCard.Read(Assert.Single(await _host.SayAsync("she's 23 now")));

        Assert.Equal("Use caution", card.Headline);
    }

    [Fact]
    public async Task PostActivity_PersonMissingThenTypedRelative_AnswersWithoutAskingAgain()
    {
        var asked = PromptCard.Read(Assert.Single(await _host.SayAsync(PersonMissing)));
        Assert.Contains("Who is the other person?", asked.Texts);

        var reply = Assert.Single(await _host.SayAsync("she's my niece"));

        var card = AnswerCard.Read(reply);
        Assert.Contains(card.Buttons, button => button.Verb == GuidanceFeedbackAction.Verb);
        Assert.Null(await _host.ReadStoredStateAsync());
    }

    [Fact]
    public async Task PostActivity_BotRestartedWhileAsking_NewInstanceAnswers()
    {
        await _host.SayAsync(AgeMissing);

        await _host.RestartAsync();
        var card = AnswerCard.Read(Assert.Single(await _host.SayAsync("Under 18")));

        Assert.Equal("No", card.Headline);
        Assert.Contains($"Report to {DslRole}", card.Texts);
    }

    [Fact]
    public async Task PostActivity_CancelWhileAsking_ConfirmsAndForgetsTheQuestion()
    {
        await _host.SayAsync(AgeMissing);

        var reply = Assert.Single(await _host.SayAsync("cancel"));

        Assert.Equal(DialogManager.CancelledText, reply.Text);
        Assert.Null(await _host.ReadStoredStateAsync());
    }

    [Fact]
    public async Task PostActivity_NewQuestionWhileAsking_DropsTheOldOneAndAnswersTheNewOne()
    {
        await _host.SayAsync(AgeMissing);

        var reply = Assert.Single(await _host.SayAsync("Can I criticise the school on Twitter?"));

        var card = AnswerCard.Read(reply);
        Assert.Equal("No", card.Headline);
        Assert.Contains("Can I criticise the school on Twitter?", card.Texts);
        Assert.DoesNotContain(card.Texts, text => text.Contains("didn't catch", StringComparison.Ordinal));
        Assert.Null(await _host.ReadStoredStateAsync());
    }

    [Fact]
    public async Task PostActivity_HelpWhileAsking_ShowsTheWelcomeCardAndForgetsTheQuestion()
    {
        await _host.SayAsync(AgeMissing);

        var reply = Assert.Single(await _host.SayAsync("help"));

        WelcomeCardAssert.IsWelcomeCard(reply.AttachmentContent);
        Assert.Null(await _host.ReadStoredStateAsync());
    }

    [Fact]
    public async Task PostActivity_NewQuestionThatAlsoNeedsAFact_AsksForThatInstead()
    {
        await _host.SayAsync(AgeMissing);

        var asked = PromptCard.Read(Assert.Single(await _host.SayAsync(PersonMissing)));

        Assert.Contains("Who is the other person?", asked.Texts);
        var card = AnswerCard.Read(Assert.Single(await _host.SayAsync("a colleague")));
        Assert.Contains(PersonMissing, card.Texts);
    }

    [Fact]
    public async Task PostActivity_ChannelMentionAboutAReport_AnswersInTheThreadAndSuggestsAPersonalChat()
    {
        const string messageId = "1741082571911";

        var reply = Assert.Single(await _host.SayInChannelAsync(FullQuestion, messageId));

        Assert.EndsWith($"/activities/{messageId}", reply.PathAndQuery, StringComparison.Ordinal);
        var card = AnswerCard.Read(reply);
        Assert.Equal("No", card.Headline);
        Assert.Contains(card.Texts, text => text.Contains("personal chat with me", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostActivity_ChannelMentionWithoutAReport_SuggestsNoPersonalChat()
    {
        var card = AnswerCard.Read(Assert.Single(await _host.SayInChannelAsync("Can I criticise the school on Twitter?", "1741082571999")));

        Assert.DoesNotContain(card.Texts, text => text.Contains("personal chat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostActivity_AskAnotherQuestion_InvitesTheNextQuestion()
    {
        var reply = Assert.Single(await _host.SayAsync("Ask another question"));

        Assert.Equal(AskAnotherQuestionCommand.InviteText, reply.Text);
    }
}
