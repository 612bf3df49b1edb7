using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Tests.Guidance;

/// <summary>The report follows the facts: a duty the facts meet reports whatever the topic, also when no rule
/// answers; it is lifted by its <c>unless</c>, and laid only on what is known.</summary>
public class DutiesTests
{
    /// <summary>A pack with one duty and no rule for tagging or photos.</summary>
    private const string DutyPack = $$"""
        {{TestPackYaml.Header}}
          - id: report-children
            section: "2"
            heading: Safeguarding
            quote: Any communication received from children on personal social media must be reported to the DSL.
          - id: no-pupils
            section: "3"
            heading: Conduct
            quote: Staff must not accept pupils as friends.
        topics:
          friend-request:
            - when: { person: current-pupil }
              verdict: no
              cite: [no-pupils]
              answer: No.
              do: Do not accept.
        duties:
          - when: { person: current-pupil, initiator: them }
            unless: { headteacherAgreed: yes }
            reportTo: safeguardingLead
            cite: [report-children]
            do: Report it to {safeguardingLead}.
          - when: { person: former-pupil, ageUnder: 18, initiator: them }
            reportTo: safeguardingLead
            cite: [report-children]
            do: Report it to {safeguardingLead}.
        reminder:
          date: 1 September
          summary:
            - point: No pupils as friends.
              cite: [no-pupils]
        """;

    private static readonly GuidanceEngine Engine = Engines.FromYaml(DutyPack);

    [Fact]
    public void Answer_RuleSaysNothingOfReporting_ReportsByTheDuty()
    {
        var result = Engine.Answer("A Year 9 pupil sent me a friend request on Instagram");

        Assert.Equal(Verdicts.No, result.Verdict);
        Assert.True(result.Report);
        Assert.Equal("the DSL", result.ReportTo);
        Assert.Contains("Report it to the DSL.", result.WhatToDoNow, StringComparison.Ordinal);
        Assert.Contains(result.Citations, c => c.Section == "2");
    }

    [Fact]
    public void Answer_NoRuleForTheTopic_FallbackStillReportsAndQuotesTheDutyFirst()
    {
        var result = Engine.Answer("One of my Year 9s tagged me in a photo on Instagram");

        Assert.Equal(Verdicts.Caution, result.Verdict);
        Assert.True(result.Report);
        Assert.Equal("2", result.Citations[0].Section);
    }

    [Fact]
    public void Answer_MemberOfStaffStartedIt_NoDuty() =>
        Assert.False(Engine.Answer("Can I send a friend request to a Year 9 pupil?").Report);

    [Fact]
    public void Answer_DutyLiftedByItsUnless_NoReport() =>
        Assert.False(Engine.Answer("A Year 9 pupil sent me a friend request. The Headteacher has agreed to it in advance.").Report);

    [Fact]
    public void Answer_AgeNotKnown_NoDutyUntilItIs()
    {
        const string question = "A former pupil sent me a message on Snapchat";

        Assert.False(Engine.Answer(question).Report);
        Assert.True(Engine.Answer(question, new Dictionary<string, string> { [Facts.Age] = "0-17" }).Report);
        Assert.False(Engine.Answer(question, new Dictionary<string, string> { [Facts.Age] = "18-" }).Report);
    }

    [Fact]
    public void Answer_OnlyAnotherPersonMadeTheFirstMove_NoDutyForThePupil() =>
        Assert.False(Engine.Answer("A friend tagged me in some photos. My Year 9 pupils might see them.").Report);

    [Fact]
    public void Answer_TwoDutiesToOnePerson_SaysWhatToDoOnce()
    {
        // societas lays two duties on abuse aimed at staff on the academy's own account (4.2 and 4.3), both to the Head.
        var result = Engines.For("societas").Answer("Someone keeps posting abusive comments about me on the academy's Facebook page");

        Assert.True(result.Report);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.WhatToDoNow, "report it to the Head Teacher / Manager immediately"));
    }

    [Theory]
    [InlineData("fierte", "A learner in my tutor group commented on my Instagram selfie. Should I reply?")]
    [InlineData("trinity", "Got a follow request on insta from a lad who left in the summer, he's only 16")]
    [InlineData("societas", "Someone keeps sending me threatening messages on Instagram since I gave their son a detention")]
    [InlineData("henry-box", "I found out a TA has been sending Snapchat messages to a Year 9 boy. What should I do?")]
    [InlineData("wy-catholic", "A stranger online keeps messaging one of my Year 7 pupils asking to meet up")]
    public void Answer_ShippedPackDutyMet_Reports(string pack, string question) =>
        Assert.True(Engines.For(pack).Answer(question).Report);
}
