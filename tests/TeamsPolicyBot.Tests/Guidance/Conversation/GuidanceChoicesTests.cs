using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Tests.Guidance.Conversation;

public sealed class GuidanceChoicesTests
{
    private static readonly GuidanceQuestion AgeQuestion = new(Facts.Age, "How old are they now?",
        [new("Under 18", "0-17"), new("18 to 19", "18-19"), new("20 or over", "20-")]);

    private static readonly GuidanceQuestion PersonQuestion = new(Facts.Person, "Who is the other person?",
        Facts.Values[Facts.Person].Select(value => new GuidanceChoice(Facts.ChoiceLabel(Facts.Person, value), value)).ToList());

    [Theory]
    [InlineData("19", "18 to 19")]
    [InlineData("she's 16 now", "Under 18")]
    [InlineData("23", "20 or over")]
    [InlineData("20 or over", "20 or over")]
    public void Prompt_TypedAge_PicksTheBandItFallsIn(string typed, string expected)
    {
        var prompt = GuidanceChoices.Prompt(AgeQuestion);

        Assert.Equal(expected, ChoiceRecognizer.Recognize(typed, prompt.Choices)?.Value);
    }

    [Theory]
    [InlineData("it's her mum", "A pupil's parent, carer or family member")]
    [InlineData("she's my niece", "Someone else")]
    [InlineData("a teacher at another school", "A colleague")]
    [InlineData("he left last year", "A former pupil")]
    public void Prompt_EverydayWordsForAPerson_PickTheirChoice(string typed, string expected)
    {
        var prompt = GuidanceChoices.Prompt(PersonQuestion);

        Assert.Equal(expected, ChoiceRecognizer.Recognize(typed, prompt.Choices)?.Value);
    }

    [Theory]
    [InlineData("on the school's page", "The school's official account")]
    [InlineData("my own page", "My personal account")]
    public void Prompt_TypedAccount_PicksIt(string typed, string expected)
    {
        var question = new GuidanceQuestion(Facts.Account, "Where would it be posted?",
            [new(Facts.ChoiceLabel(Facts.Account, "personal"), "personal"), new(Facts.ChoiceLabel(Facts.Account, "official"), "official")]);

        Assert.Equal(expected, ChoiceRecognizer.Recognize(typed, GuidanceChoices.Prompt(question).Choices)?.Value);
    }

    [Fact]
    public void Prompt_Buttons_AreTheEnginesLabelsInOrder()
    {
        var prompt = GuidanceChoices.Prompt(AgeQuestion);

        Assert.Equal("How old are they now?", prompt.Prompt);
        Assert.Equal(["Under 18", "18 to 19", "20 or over"], prompt.Choices.Select(choice => choice.Value));
    }

    [Fact]
    public void ExtraFacts_PersonNamedAsARelative_SaysTheyAreARelative()
    {
        Assert.Equal(Facts.Yes, GuidanceChoices.ExtraFacts(Facts.Person, "she's my niece")[Facts.Relative]);
    }

    [Theory]
    [InlineData(Facts.Person, "a colleague")]
    [InlineData(Facts.Age, "my niece is 19")]
    public void ExtraFacts_NoRelativeOrNotAboutThePerson_GivesNothing(string fact, string typed)
    {
        Assert.Empty(GuidanceChoices.ExtraFacts(fact, typed));
    }
}
