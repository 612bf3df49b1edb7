using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Tests.Guidance;

/// <summary>An activity a clause plainly forbids gets <c>no</c> with that clause, not the fallback's caution; a
/// question the pack does not answer still gets caution with the closest clauses, never yes.</summary>
public class ProhibitionsTests
{
    [Theory]
    [InlineData("henry-box", "Can I check Instagram while my class is doing a test?", "2.iii")]
    [InlineData("societas", "Can I post a rumour I heard about a colleague on Facebook?", "Appendix 2")]
    [InlineData("fierte", "A mum has asked that her son isn't photographed. Can I still put the team photo on the academy's X account?", "3.2")]
    [InlineData("wy-catholic", "I'm leaving at Easter. Can I keep running the academy Instagram account I look after?", "Handover")]
    [InlineData("societas", "The head has given me written permission to run the school's Twitter. Can I do it from my own phone?", "5.3")]
    [InlineData("trinity", "Can I tell my followers on Twitter which student got excluded today?", "4")]
    public void Answer_ActivityAClauseForbids_IsNoWithThatClause(string pack, string question, string section)
    {
        var result = Engines.For(pack).Answer(question);

        Assert.Equal(Verdicts.No, result.Verdict);
        Assert.Equal(section, result.Citations[0].Section);
    }

    [Theory]
    [InlineData("fierte", "Our music department wants its own Instagram account. Can I just create one?", "3.2")]
    [InlineData("wy-catholic", "Our science dept would like its own Twitter account. Can I set one up?", "Process for creating new accounts")]
    public void Answer_DepartmentWantsItsOwnAccount_AsksFirstUnderTheNewAccountProcess(string pack, string question, string section)
    {
        var result = Engines.For(pack).Answer(question);

        Assert.Equal(Verdicts.AskFirst, result.Verdict);
        Assert.Equal(section, result.Citations[0].Section);
    }

    [Theory]
    [InlineData("fierte", "Can I use a ring light when I film my own cooking videos at home?")]
    [InlineData("trinity", "Is it OK to buy a second-hand laptop from a colleague?")]
    public void Answer_PackDoesNotSay_IsCautionWithTheClosestClauses(string pack, string question)
    {
        var result = Engines.For(pack).Answer(question);

        Assert.Equal(Verdicts.Caution, result.Verdict);
        Assert.NotEmpty(result.Citations);
    }
}
