using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Tests.Dialogs;

/// <summary>Typed answers to a choice question, as staff actually type them.</summary>
public class ChoiceRecognizerTests
{
    private static readonly Choice[] AgeBands =
    [
        new("Under 18") { Synonyms = [.. Enumerable.Range(0, 18).Select(age => age.ToString())] },
        new("18 or 19") { Synonyms = ["18", "19"] },
        new("20 or over") { Synonyms = [.. Enumerable.Range(20, 80).Select(age => age.ToString())] },
    ];

    private static readonly Choice[] Accounts = [new("Instagram"), new("Facebook"), new("X (Twitter)"), new("YouTube")];

    private static readonly Choice[] YesNo = [new("Yes"), new("No")];

    [Theory]
    [InlineData("Instagram", "Instagram")]
    [InlineData("  instagram ", "Instagram")]
    [InlineData("FACEBOOK!", "Facebook")]
    [InlineData("x twitter", "X (Twitter)")]
    [InlineData("X (Twitter)", "X (Twitter)")]
    public void Recognize_ChoiceText_IgnoresCaseSpacesAndPunctuation(string text, string expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Accounts)?.Value);

    [Theory]
    [InlineData("2", 1)]
    [InlineData("2.", 1)]
    [InlineData("#3", 2)]
    [InlineData("second", 1)]
    [InlineData("the second one", 1)]
    [InlineData("The 2nd one", 1)]
    [InlineData("number 4", 3)]
    [InlineData("option three", 2)]
    [InlineData("first", 0)]
    [InlineData("the last one", 3)]
    public void Recognize_Position_PicksThatChoice(string text, int expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Accounts)?.Index);

    [Theory]
    [InlineData("5")]
    [InlineData("fifth")]
    [InlineData("0")]
    public void Recognize_PositionBeyondTheChoices_IsNotRecognised(string text) =>
        Assert.Null(ChoiceRecognizer.Recognize(text, Accounts));

    [Theory]
    [InlineData("19", "18 or 19")]
    [InlineData("17", "Under 18")]
    [InlineData("2", "Under 18")]
    [InlineData("23", "20 or over")]
    [InlineData("she's 19 now", "18 or 19")]
    [InlineData("he is under 18", "Under 18")]
    [InlineData("18-19", "18 or 19")]
    public void Recognize_Synonyms_MapAnAgeToItsBandBeforePositions(string text, string expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, AgeBands)?.Value);

    [Theory]
    [InlineData("yes", "Yes")]
    [InlineData("Yeah", "Yes")]
    [InlineData("yep, they are", "Yes")]
    [InlineData("OK", "Yes")]
    [InlineData("no", "No")]
    [InlineData("Nope.", "No")]
    [InlineData("no, not since they left", "No")]
    [InlineData("1", "Yes")]
    public void Recognize_YesNoChoices_UnderstandYesAndNoWords(string text, string expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, YesNo)?.Value);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("banana")]
    [InlineData("not sure")]
    [InlineData("either 17 or 19")]
    [InlineData("TikTok")]
    public void Recognize_NothingOrMoreThanOneChoice_IsNotRecognised(string text)
    {
        Assert.Null(ChoiceRecognizer.Recognize(text, AgeBands));
        Assert.Null(ChoiceRecognizer.Recognize(text, Accounts));
    }

    [Fact]
    public void Recognize_YesWordsWithoutAYesChoice_AreNotRecognised() =>
        Assert.Null(ChoiceRecognizer.Recognize("yes", Accounts));
}
