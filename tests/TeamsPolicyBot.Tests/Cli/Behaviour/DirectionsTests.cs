using TeamsPolicyBot.Cli.Behaviour;
using TeamsPolicyBot.Tests.Guidance;
using static TeamsPolicyBot.Guidance.Packs.Facts.People;

namespace TeamsPolicyBot.Tests.Cli.Behaviour;

public class DirectionsTests
{
    private static List<DirectionalVariant> Variants(string pack, string question, string type)
    {
        var engine = Engines.For(pack);
        return Directions.For(question, engine.Read(question).Situation, engine.Pack).Where(v => v.Type == type).ToList();
    }

    [Fact]
    public void Age_FormerPupilOfNineteen_MovesAcrossEachThresholdOfThePack()
    {
        var variants = Variants("fierte", "A former pupil who is now 19 sent me a friend request. Can I accept?", Directions.Age);

        // fierte's friend-request rules cut at 18 (a child) and 20 (the protocol's limit).
        Assert.Equal(["17", "18", "19", "20"], variants.Select(v => v.Question.Split(' ')[6]));
        Assert.Equal([17, 18, 19, 20], variants.Select(v => v.Expected.People.Single().Age.Min));
    }

    [Fact]
    public void Age_AgeAlsoImpliedElsewhere_IsNoTest() =>
        Assert.Empty(Variants("fierte", "An ex-pupil who left eight years ago and is now 24 wants to connect on Facebook.", Directions.Age));

    [Fact]
    public void Relative_PupilInAPackWithARelativeRule_BecomesMyNephew()
    {
        var variant = Assert.Single(Variants("trinity", "A Year 10 pupil sent me a friend request. Can I accept?", Directions.Relative));

        Assert.Equal("My nephew, who is a Year 10 pupil, sent me a friend request. Can I accept?", variant.Question);
        Assert.True(variant.Expected.People.Single().Relative);
    }

    [Fact]
    public void Relative_SaidNotToBeRelated_IsNoTest() =>
        Assert.Empty(Variants("trinity", "A student, who isn't related to me, sent me a friend request", Directions.Relative));

    [Fact]
    public void Former_CurrentPupil_BecomesAnAdultFormerPupil()
    {
        var variant = Assert.Single(Variants("fierte", "A pupil sent me a friend request on Instagram. Can I accept?", Directions.Former));

        Assert.Equal("A former pupil who is now 25 sent me a friend request on Instagram. Can I accept?", variant.Question);
        Assert.Equal(FormerPupil, variant.Expected.People.Single().Role);
    }

    [Fact]
    public void Former_AnArticle_StaysGrammatical() =>
        Assert.StartsWith("Can I accept a request from a former student who is now 25",
            Assert.Single(Variants("fierte", "Can I accept a request from an student on Facebook?", Directions.Former)).Question, StringComparison.Ordinal);

    [Fact]
    public void Consent_PackRulingOnTheHeadsAgreement_GivesAndRefusesIt()
    {
        var variants = Variants("societas", "A pupil's mum sent me a friend request on Facebook", Directions.Consent);

        Assert.Equal(["yes", "no"], variants.Select(v => v.Expected.Facts["headteacherAgreed"]));
        Assert.All(variants, v => Assert.StartsWith("A pupil's mum sent me a friend request on Facebook. The Headteacher has", v.Question, StringComparison.Ordinal));
    }
}
