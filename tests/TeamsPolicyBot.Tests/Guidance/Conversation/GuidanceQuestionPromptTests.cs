using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Tests.Cards;

namespace TeamsPolicyBot.Tests.Guidance.Conversation;

public sealed class GuidanceQuestionPromptTests
{
    private static readonly GuidanceQuestionPrompt Prompt = new(new ChoicePrompt(new CardTemplates(Repository.CardsDirectory)), Engines.For("fierte"));

    private static readonly IReadOnlyList<Choice> AgeChoices = GuidanceChoices.Prompt(new GuidanceQuestion(Facts.Age, "How old are they now?",
        [new("Under 18", "0-17"), new("18 to 19", "18-19"), new("20 or over", "20-")])).Choices;

    [Theory]
    [InlineData("Can I criticise the school on Twitter?")]
    [InlineData("A parent wants to add me on Facebook")]
    [InlineData("what about posting a photo of my class")]
    public void IsNewQuestion_AQuestionAboutSomethingElse_IsNew(string text)
    {
        Assert.True(Prompt.IsNewQuestion(text, AgeChoices));
    }

    [Theory]
    [InlineData("19")]
    [InlineData("she's my niece")]
    [InlineData("yes")]
    [InlineData("she is 19 and left last summer")]
    [InlineData("not sure, maybe a teenager")]
    public void IsNewQuestion_AnAnswerOrAShortReply_IsNotNew(string text)
    {
        Assert.False(Prompt.IsNewQuestion(text, AgeChoices));
    }
}
