using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Tests.Guidance;

public class GuidanceEngineTests
{
    private static GuidanceEngine Fierte => Engines.For("fierte");

    /// <summary>A pack whose friend-request table has an exception first and an age threshold.</summary>
    private const string ThresholdPack = $$"""
        {{TestPackYaml.Header}}
          - id: friends
            section: "3"
            heading: Conduct
            quote: Staff should not accept pupils under 18 as friends, with the exception of relatives.
          - id: privacy
            section: "4"
            heading: Privacy
            quote: Check your privacy settings regularly.
        topics:
          friend-request:
            - when: { relative: yes }
              verdict: caution
              cite: [friends]
              answer: Relatives are the exception.
              do: Keep it family.
            - when: { person: [current-pupil, former-pupil], ageUnder: 18 }
              verdict: no
              report: true
              reportTo: safeguardingLead
              cite: [friends]
              answer: Not under 18.
              do: Tell {safeguardingLead}.
            - when: { person: [current-pupil, former-pupil] }
              verdict: caution
              cite: [friends]
              answer: Allowed from 18.
              do: Keep it professional.
            - when: { person: colleague }
              verdict: yes
              cite: [privacy]
              answer: Colleagues are fine.
              do: Go ahead.
        reminder:
          date: 1 September
          summary:
            - point: No pupils under 18.
              cite: [friends]
        """;

    private static readonly GuidanceEngine Threshold = Engines.FromYaml(ThresholdPack);

    [Fact]
    public void Answer_CurrentPupilRequest_NoReportedToTheDslWithTheClause()
    {
        var result = Fierte.Answer("A Year 10 pupil has sent me a friend request on Facebook. Can I accept it?");

        Assert.Equal(Verdicts.No, result.Verdict);
        Assert.True(result.Report);
        Assert.Equal("the designated senior leader for Child Protection", result.ReportTo);
        Assert.Contains(result.Citations, c => c.Section == "3.1" && c.Quote.Contains("any current pupil of any age", StringComparison.Ordinal));
        Assert.Contains("the designated senior leader for Child Protection", result.WhatToDoNow, StringComparison.Ordinal);
        Assert.Null(result.Ask);
    }

    [Fact]
    public void Answer_FirstMatchingRule_Wins()
    {
        Assert.Equal(Verdicts.Caution, Threshold.Answer("My nephew is a pupil in Year 8 and sent me a friend request").Verdict);
        Assert.Equal(Verdicts.No, Threshold.Answer("A pupil in Year 8 sent me a friend request").Verdict);
    }

    [Fact]
    public void Answer_AgeMissing_AsksWithBandsFromThePack()
    {
        var result = Threshold.Answer("A former pupil sent me a friend request");

        Assert.Null(result.Verdict);
        Assert.Empty(result.Citations);
        var ask = Assert.IsType<GuidanceQuestion>(result.Ask);
        Assert.Equal(Facts.Age, ask.Fact);
        Assert.Equal(["Under 18", "18 or over"], ask.Choices.Select(c => c.Label));
    }

    [Theory]
    [InlineData("Under 18", Verdicts.No, true)]
    [InlineData("18 or over", Verdicts.Caution, false)]
    public void Answer_WithTheChosenAgeBand_Decides(string label, string verdict, bool report)
    {
        const string question = "A former pupil sent me a friend request";
        var choice = Threshold.Answer(question).Ask!.Choices.Single(c => c.Label == label);

        var result = Threshold.Answer(question, new Dictionary<string, string> { [Facts.Age] = choice.Value });

        Assert.Equal(verdict, result.Verdict);
        Assert.Equal(report, result.Report);
        Assert.Null(result.Ask);
    }

    [Fact]
    public void Answer_PersonMissing_AsksWhoThenAnswersWithTheChoice()
    {
        const string question = "Someone sent me a friend request on Facebook. Can I accept?";

        var ask = Fierte.Answer(question).Ask;
        Assert.NotNull(ask);
        Assert.Equal(Facts.Person, ask.Fact);
        Assert.Contains(ask.Choices, c => c.Value == Facts.People.Parent);

        var answered = Fierte.Answer(question, new Dictionary<string, string> { [Facts.Person] = Facts.People.Parent });
        Assert.Equal(Verdicts.No, answered.Verdict);
        Assert.Contains(answered.Citations, c => c.Section == "3.1");
    }

    [Fact]
    public void Answer_AgeMissingButEveryBandAgrees_AnswersWithoutAsking()
    {
        var result = Fierte.Answer("Can I accept a friend request from a current pupil?");

        Assert.Equal(Verdicts.No, result.Verdict);
        Assert.Null(result.Ask);
    }

    [Fact]
    public void Answer_AgeGivenInWords_UsesIt()
    {
        Assert.Equal(Verdicts.No, Fierte.Answer("An ex-pupil who is nineteen wants to follow me on Instagram").Verdict);
        Assert.Equal(Verdicts.Caution, Fierte.Answer("An ex-pupil who is twenty two wants to follow me on Instagram").Verdict);
    }

    [Fact]
    public void Answer_TwoPeople_GivesTheStricterAnswerAndItsReport()
    {
        var result = Threshold.Answer("A colleague and a Year 9 pupil both sent me friend requests");

        Assert.Equal(Verdicts.No, result.Verdict);
        Assert.True(result.Report);
    }

    [Theory]
    [InlineData("Can I sign a petition against the new bypass on Facebook?")]
    [InlineData("Is it OK to post my holiday photos?")]
    [InlineData("What's the weather like?")]
    [InlineData("Can I use my work email to sign up for Twitter?")]
    public void Answer_NoRuleFits_IsCautionNeverYes(string question)
    {
        var result = Threshold.Answer(question);

        Assert.Equal(Verdicts.Caution, result.Verdict);
        Assert.False(result.Report);
        Assert.Contains("the Headteacher", result.WhatToDoNow, StringComparison.Ordinal);
    }

    private const string YesPack = $$"""
        {{TestPackYaml.Header}}
          - id: sharing
            section: "3"
            heading: Conduct
            quote: Staff may repost the academy's official posts.
        topics:
          school-posts:
            - when: { action: share, postBy: school }
              verdict: yes
              cite: [sharing]
              answer: Sharing official posts is fine.
              do: Share it.
            - when: { action: post }
              verdict: yes
              cite: [sharing]
              answer: Posting is fine.
              do: Post it.
            - verdict: caution
              cite: [sharing]
              answer: Think first.
              do: Ask the Headteacher.
        reminder:
          date: 1 September
          summary:
            - point: Share official posts.
              cite: [sharing]
        """;

    [Fact]
    public void Answer_YesRuleOnStatedFacts_Permits() =>
        Assert.Equal(Verdicts.Yes, Engines.FromYaml(YesPack).Answer("Can I retweet the academy's post about exam results?").Verdict);

    [Fact]
    public void Answer_YesRuleOnlyByDefault_DoesNotPermit() =>
        Assert.Equal(Verdicts.Caution, Engines.FromYaml(YesPack).Answer("Can I post about the school trip on Facebook?").Verdict);

    [Fact]
    public void Answer_NoRuleFits_QuotesTheClosestClause()
    {
        var result = Threshold.Answer("How often should I check my privacy settings?");

        Assert.Equal(Verdicts.Caution, result.Verdict);
        Assert.Equal("4", result.Citations[0].Section);
    }
}
