using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Guidance.Understanding;
using static TeamsPolicyBot.Guidance.Packs.Facts.People;

namespace TeamsPolicyBot.Tests.Guidance.Understanding;

/// <summary>Ages, people, concerns and stated facts as the readers find them in messages typed as staff type.</summary>
public class ReadersTests
{
    private static readonly SituationReader Reader = new(new Lexicon([]), FixedClock.Autumn2025);

    private static Person OnlyPerson(string message) => Assert.Single(Reader.Read(message).People);

    private static string? Fact(string message, string fact) => Reader.Read(message).Facts.GetValueOrDefault(fact);

    [Theory]
    [InlineData("ex-student, 16, wants to add me on insta", 16, 16)]
    [InlineData("A girl I used to teach wants to follow me. She's 16.", 16, 16)]
    [InlineData("an old student of mine (16 or 17) messaged me", 16, 17)]
    [InlineData("a former pupil, 17 years of age, sent me a request", 17, 17)]
    [InlineData("Former student (17 y/o) wants to follow me", 17, 17)]
    [InlineData("a lad who left in the summer wants to follow me, he's only 16", 16, 16)]
    public void Read_AgeAsStaffWriteIt_IsTheirAge(string message, int min, int max) =>
        Assert.Equal(new AgeRange(min, max), OnlyPerson(message).Age);

    [Theory]
    [InlineData("A pupil sent me 4 requests")]
    [InlineData("A Year 10 pupil sent me 12 messages")]
    public void Read_CountBesideThePerson_IsNoAge(string message) =>
        Assert.NotEqual(AgeRange.Exactly(4), OnlyPerson(message).Age);

    [Theory]
    [InlineData("my sister's son goes to our academy and wants to be friends")]
    [InlineData("My stepdaughter is in Year 8 here")]
    [InlineData("my own child goes to the school, can she follow me")]
    [InlineData("My cousin's little boy is in Year 3 at our academy")]
    public void Read_RelativeByRelationAtTheSchool_IsRelatedPupil(string message)
    {
        var person = OnlyPerson(message);

        Assert.Equal(CurrentPupil, person.Role);
        Assert.True(person.Relative);
    }

    [Theory]
    [InlineData("a kid in year 8 added me", CurrentPupil)]
    [InlineData("a lad from my form messaged me", CurrentPupil)]
    [InlineData("a girl in my class followed me", CurrentPupil)]
    [InlineData("a learner in my tutor group commented on my post", CurrentPupil)]
    [InlineData("one of my tutees added me", CurrentPupil)]
    [InlineData("a sixth former wants to follow me", CurrentPupil)]
    [InlineData("someone from my Year 7 form followed me", CurrentPupil)]
    [InlineData("a leaver from last summer messaged me", FormerPupil)]
    [InlineData("an ex-student wants to add me", FormerPupil)]
    [InlineData("an old student of mine wants to add me", FormerPupil)]
    public void Read_WordForAPupil_IsTheirRole(string message, string role) =>
        Assert.Equal(role, OnlyPerson(message).Role);

    [Theory]
    [InlineData("Someone I taught years ago, now 25, added me on fb", FormerPupil)]
    [InlineData("A girl I taught in Year 9 messaged me", FormerPupil)]
    [InlineData("one of my players, 15, goes to a different academy in the trust and sent me a request", CurrentPupil)]
    [InlineData("a pupils older brother who never went to the academy sent me a request", Parent)]
    [InlineData("A teacher from another school sent me a friend request", Other)]
    public void Read_PersonDescribedNotNamed_HasTheirRole(string message, string role) =>
        Assert.Equal(role, OnlyPerson(message).Role);

    [Fact]
    public void Read_TaughtWithThem_IsNoFormerPupil() =>
        Assert.DoesNotContain(Reader.Read("I taught with her for years and she wants to add me").People, p => p.Role == FormerPupil);

    [Fact]
    public void Read_ParentsWhoOnlyGiveConsent_AreNotInTheQuestion() =>
        Assert.DoesNotContain(Reader.Read("Can I message my class on the school app? I have written consent from their parents.").People, p => p.Role == Parent);

    [Theory]
    [InlineData("One of my Year 10 girls showed me messages from a man asking her to send him pictures", "child-contact", "others")]
    [InlineData("The friend of one of my Year 9 boys told me a colleague has been messaging him on Snapchat", "child-contact", "others")]
    [InlineData("A parent keeps posting nasty comments about me on Facebook", "abuse", "me")]
    [InlineData("I'm getting abusive messages on Instagram from a pupil's dad", "abuse", "me")]
    [InlineData("Should I tell someone if I see a pupil being bullied on TikTok?", "abuse", "others")]
    [InlineData("A colleague keeps posting pictures of his tutor group on his own TikTok", "staff-conduct", "others")]
    public void Read_SomethingWorryingSomeoneElseDid_IsAConcern(string message, string concern, string target)
    {
        Assert.Equal(concern, Fact(message, Facts.Concern));
        Assert.Equal(target, Fact(message, Facts.Target));
    }

    [Theory]
    [InlineData("Can I post a nasty comment about the new head?")]
    [InlineData("A colleague and I want to message our Year 10s about the trip")]
    [InlineData("A Year 9 pupil messaged me on Instagram")]
    public void Read_OwnActOrContactWithMe_IsNoConcern(string message) =>
        Assert.Null(Fact(message, Facts.Concern));

    [Theory]
    [InlineData("There's a rumour going round that the head is leaving", Facts.Gossip, Facts.Yes)]
    [InlineData("Can I post about what was discussed in our staff meeting?", Facts.Confidential, Facts.Yes)]
    [InlineData("I'm handing in my notice; can I keep the login?", Facts.Leaving, Facts.Yes)]
    [InlineData("Can I just chat with them without keeping any record of the messages?", Facts.KeepsLog, Facts.No)]
    [InlineData("Can I use a picture I found on Google Images?", Facts.Copyright, Facts.Yes)]
    [InlineData("Can I post an advert for my private tutoring?", Facts.Commercial, Facts.Yes)]
    [InlineData("She doesn't want her daughter in Year 5 photographed", Facts.NoPhotoList, Facts.Yes)]
    [InlineData("A mum has told us not to photograph her twins", Facts.NoPhotoList, Facts.Yes)]
    [InlineData("Photos from my weekend, nothing to do with school", Facts.OwnLife, Facts.Yes)]
    [InlineData("I'm one of the admins of the academy's Facebook page", Facts.OfficialRole, Facts.Yes)]
    [InlineData("Can I delete the comment?", Facts.Asking, "act")]
    [InlineData("Should I keep it to myself until I know more?", Facts.Asking, "hold-back")]
    [InlineData("Is she allowed to post that?", Facts.Asking, "allowed")]
    [InlineData("A few of them want to make their own TikTok accounts", Facts.SetUpBy, "pupils")]
    [InlineData("A stranger I've never met added me", Facts.Unknown, Facts.Yes)]
    [InlineData("A reporter from the local paper messaged the academy account", Facts.Press, Facts.Yes)]
    public void Read_FactInSoManyWords_IsStated(string message, string fact, string value) =>
        Assert.Equal(value, Fact(message, fact));

    [Theory]
    [InlineData("He doesn't feel ignored. The Headteacher has agreed to it in writing.", Facts.HeadteacherAgreed, Facts.Yes)]
    [InlineData("Her mum is my sister. The Headteacher has agreed to it.", Facts.HeadteacherAgreed, Facts.Yes)]
    [InlineData("I asked the Head Teacher first and she agreed to it in advance.", Facts.HeadteacherAgreed, Facts.Yes)]
    public void Read_AgreementInItsOwnSentence_IsGiven(string message, string fact, string value)
    {
        Assert.Equal(value, Fact(message, fact));
        Assert.Null(Fact(message, Facts.ParentConsent));
    }
}
