using TeamsPolicyBot.Cli.Behaviour;

namespace TeamsPolicyBot.Tests.Cli.Behaviour;

public class InvariancesTests
{
    private const string Question = "A Year 10 pupil has sent me a friend request on Facebook. Can I accept it? I don't know what to do.";

    private static string? Reword(string type, string question, string caseId = "c1") =>
        Invariances.All.Single(i => i.Type == type).Reword(question, CaseRandom.For(caseId, type));

    [Fact]
    public void LowerCase_Question_HasNoCapitalsOrPunctuation() =>
        Assert.Equal("a year 10 pupil has sent me a friend request on facebook can i accept it i dont know what to do",
            Reword(Invariances.LowerCase, Question));

    [Fact]
    public void Greeting_Question_IsWrappedInAGreetingAndThanks()
    {
        var reworded = Reword(Invariances.Greeting, Question)!;

        Assert.Contains(Question, reworded, StringComparison.Ordinal);
        Assert.True(reworded.IndexOf(Question, StringComparison.Ordinal) > 0 && !reworded.EndsWith(Question, StringComparison.Ordinal));
    }

    [Fact]
    public void Typos_Question_SwapsNeighbouringLettersInExactlyTwoWords()
    {
        var before = Question.Split(' ');
        var after = Reword(Invariances.Typos, Question)!.Split(' ');

        var changed = before.Zip(after).Where(p => p.First != p.Second).ToList();
        Assert.Equal(2, changed.Count);
        Assert.All(changed, p =>
        {
            Assert.Equal(p.First.Order(), p.Second.Order());
            var differ = Enumerable.Range(0, p.First.Length).Where(i => p.First[i] != p.Second[i]).ToList();
            Assert.Equal(2, differ.Count);
            Assert.Equal(differ[0] + 1, differ[1]);
        });
    }

    [Fact]
    public void Typos_SameCase_SameTypos() =>
        Assert.Equal(Reword(Invariances.Typos, Question, "p01"), Reword(Invariances.Typos, Question, "p01"));

    [Fact]
    public void TextSpeak_Question_ShortensWordsStaffShorten()
    {
        var reworded = Reword(Invariances.TextSpeak, Question)!;

        Assert.NotEqual(Question, reworded);
        Assert.DoesNotContain("Facebook", reworded, StringComparison.Ordinal);
        Assert.DoesNotContain("request", reworded, StringComparison.Ordinal);
    }

    [Fact]
    public void TextSpeak_NothingToShorten_IsNoTest() =>
        Assert.Null(Reword(Invariances.TextSpeak, "Is LinkedIn fine?"));

    [Fact]
    public void Platform_Question_SwapsThePlatformForAnother()
    {
        var reworded = Reword(Invariances.Platform, Question)!;

        Assert.DoesNotContain("Facebook", reworded, StringComparison.Ordinal);
        Assert.Matches("Instagram|TikTok|Snapchat|Twitter", reworded);
    }

    [Fact]
    public void Platform_NoPlatform_IsNoTest() =>
        Assert.Null(Reword(Invariances.Platform, "Can I accept a friend request from a pupil?"));

    [Fact]
    public void Irrelevant_Question_GainsOneSentenceAndKeepsItsOwn()
    {
        var reworded = Reword(Invariances.Irrelevant, Question)!;

        Assert.Contains(Question, reworded, StringComparison.Ordinal);
        Assert.True(reworded.Length > Question.Length + 10);
    }
}
