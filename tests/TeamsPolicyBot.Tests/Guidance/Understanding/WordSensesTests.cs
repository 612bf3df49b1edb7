using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Guidance.Understanding;

namespace TeamsPolicyBot.Tests.Guidance.Understanding;

/// <summary>"Reports" as the school reports staff write is not reporting a concern; "report it" still is. "Plan lessons"
/// is the work staff prepare, not lesson time; "in lessons" still is.</summary>
public class WordSensesTests
{
    private static readonly Lexicon Lexicon = new([]);
    private static readonly string[] Packs = ["fierte", "henry-box", "societas", "trinity", "wy-catholic"];

    [Theory]
    [InlineData("can i use chatgpt to write my reports?")]
    [InlineData("Can I use AI to write my end of term reports?")]
    [InlineData("is it ok to use chat gpt for report writing")]
    [InlineData("my report cards are due, can I use Copilot?")]
    [InlineData("Can I put my report comments into ChatGPT?")]
    [InlineData("Are we allowed to use AI for the reports going home to parents?")]
    [InlineData("I'm proofreading school reports tonight, can I use Grammarly?")]
    public void Answer_SchoolReports_HonestFallbackWithNoReportInAnyPack(string question)
    {
        foreach (var pack in Packs)
        {
            var result = Engines.For(pack).Answer(question);

            Assert.True((result.Verdict, result.Report, result.Topic) == (Verdicts.Caution, false, null),
                $"{pack}: {result.Verdict} report={result.Report} topic={result.Topic}: {result.Answer}");
        }
    }

    [Theory]
    [InlineData("A pupil sent me a message on Instagram. Should I report it?")]
    [InlineData("should i report this to the dsl")]
    [InlineData("I need to report a comment a parent wrote about a pupil")]
    [InlineData("Do I report my colleague's messages to a Year 9 to the head?")]
    [InlineData("A Year 9 reports that a supply teacher messaged her on Snapchat")]
    [InlineData("I wrote a safeguarding report about it yesterday")]
    [InlineData("I have to write a report to the DSL about what I saw")]
    [InlineData("There were reports of abuse on the class page")]
    public void Words_ReportingAConcern_StillReadAsReporting(string question) =>
        Assert.Contains(new Message(question, Lexicon).Words, w => w.Stem == "report");

    [Theory]
    [InlineData("One of my Year 8s messaged me on Snapchat last night. Do I need to report it?")]
    [InlineData("A Year 9 reports that a supply teacher messaged her on Snapchat. What do I do?")]
    public void Answer_ReportingAChildsContact_StillAsksForTheReport(string question) =>
        Assert.True(Engines.For("fierte").Answer(question).Report);

    [Theory]
    [InlineData("Can I use ChatGPT to plan lessons?")]
    [InlineData("can i use chat gpt for lesson planning")]
    [InlineData("Is it ok to use AI to make my lesson resources?")]
    [InlineData("Can I use Copilot to write lesson plans for my Year 9s?")]
    public void Answer_AiToolForPlanningLessons_NotForbiddenNorReportedInAnyPack(string question)
    {
        foreach (var pack in Packs)
        {
            var result = Engines.For(pack).Answer(question);

            Assert.True(result.Verdict is not (null or Verdicts.No or Verdicts.Yes) && !result.Report,
                $"{pack}: {result.Verdict} report={result.Report} topic={result.Topic}: {result.Answer}");
        }
    }

    [Theory]
    [InlineData("Can I check Instagram in lessons while I plan?")]
    [InlineData("can i go on tiktok during lessons if i'm planning my next lesson")]
    public void Answer_SocialMediaInLessonTime_StillNoInHenryBox(string question) =>
        Assert.Equal(Verdicts.No, Engines.For("henry-box").Answer(question).Verdict);
}
