using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Guidance.Understanding;
using static TeamsPolicyBot.Guidance.Packs.Facts.People;

namespace TeamsPolicyBot.Tests.Guidance;

public class SituationReaderTests
{
    private static readonly SituationReader Reader = new(new Lexicon([]), FixedClock.Autumn2025);

    private static Person OnlyPerson(string message) => Assert.Single(Reader.Read(message).People);

    [Theory]
    [InlineData("A former pupil who is now nineteen sent me a friend request.", 19)]
    [InlineData("An ex-student, twenty-one now, wants to follow me.", 21)]
    [InlineData("A former pupil (she's 17) added me on Instagram.", 17)]
    [InlineData("An 18-year-old ex pupil sent me a request", 18)]
    [InlineData("A former student aged 24 wants to connect", 24)]
    public void Read_AgeInDigitsOrWords_IsExact(string message, int age)
    {
        var person = OnlyPerson(message);

        Assert.Equal(FormerPupil, person.Role);
        Assert.Equal(AgeRange.Exactly(age), person.Age);
    }

    [Theory]
    [InlineData("A Year 10 pupil sent me a friend request.", 14, 15)]
    [InlineData("One of my Y7s followed me on TikTok", 11, 12)]
    [InlineData("A girl in year 13 added me", 17, 18)]
    public void Read_YearGroup_IsCurrentPupilOfThatAge(string message, int min, int max)
    {
        var person = OnlyPerson(message);

        Assert.Equal(CurrentPupil, person.Role);
        Assert.Equal(new AgeRange(min, max), person.Age);
    }

    [Theory]
    [InlineData("Someone in my form sent me a friend request")]
    [InlineData("A kid from my class followed me")]
    [InlineData("A student in my tutor group wants to be friends")]
    public void Read_MyClassOrForm_IsCurrentPupil(string message) =>
        Assert.Equal(CurrentPupil, OnlyPerson(message).Role);

    [Theory]
    [InlineData("A pupil who left eight years ago wants to be friends", 18)]
    [InlineData("A student who left in 2019 wants to follow me", 16)]
    [InlineData("A lad who left after Year 11 three years ago added me", 17)]
    public void Read_LeftSomeTimeAgo_IsFormerPupilAtLeastThatOld(string message, int atLeast)
    {
        var person = OnlyPerson(message);

        Assert.Equal(FormerPupil, person.Role);
        Assert.Equal(atLeast, person.Age.Min);
        Assert.Equal(AgeRange.Oldest, person.Age.Max);
    }

    [Theory]
    [InlineData("He isn't my pupil anymore, can I accept his friend request?")]
    [InlineData("She is no longer a student at the academy and wants to follow me")]
    [InlineData("A boy I used to teach sent me a request")]
    public void Read_NegatedOrPastPupil_IsFormerPupil(string message) =>
        Assert.Equal(FormerPupil, OnlyPerson(message).Role);

    [Theory]
    [InlineData("My nephew is a student at the academy. Can we be friends on Facebook?")]
    [InlineData("my daughter is in Year 9 here and wants to follow me")]
    [InlineData("Can I accept a request from my niece? She's a pupil in Year 8.")]
    [InlineData("My cousin's son is in my class")]
    public void Read_MyRelativeWhoIsAPupil_IsRelatedCurrentPupil(string message)
    {
        var person = OnlyPerson(message);

        Assert.Equal(CurrentPupil, person.Role);
        Assert.True(person.Relative);
    }

    [Theory]
    [InlineData("A Year 9 pupil sent me a request, she's not a relative")]
    [InlineData("A pupil who is not related to me wants to be friends")]
    public void Read_NotARelative_IsUnrelated(string message) =>
        Assert.False(OnlyPerson(message).Relative);

    [Fact]
    public void Read_MyDaughtersFriend_IsNotMyRelative()
    {
        var person = OnlyPerson("My daughter's friend, who is in Year 8, sent me a friend request");

        Assert.Equal(CurrentPupil, person.Role);
        Assert.NotEqual(true, person.Relative);
    }

    [Theory]
    [InlineData("The mum of one of my pupils wants to be friends on Facebook")]
    [InlineData("One of the parents in my class added me on Facebook")]
    [InlineData("A Year 4 parent sent me a friend request")]
    [InlineData("A pupil's dad messaged me")]
    [InlineData("The carer of a child in reception asked to connect")]
    public void Read_ParentOfAPupil_IsOneParent(string message) =>
        Assert.Equal(Parent, OnlyPerson(message).Role);

    [Fact]
    public void Read_ParentAndChild_AreTwoPeople()
    {
        var people = Reader.Read("A parent and her son in Year 9 both sent me friend requests").People;

        Assert.Equal([Parent, CurrentPupil], people.Select(p => p.Role));
    }

    [Fact]
    public void Read_NoOneNamed_HasNoRole()
    {
        var situation = Reader.Read("Someone sent me a friend request, can I accept?");

        Assert.Equal(Topics.FriendRequest, situation.Topic);
        Assert.All(situation.People, p => Assert.Null(p.Role));
    }

    [Theory]
    [InlineData("A pupil sent me a freind requst on facebok", Topics.FriendRequest)]
    [InlineData("Can I post phottos of sports day on my instagram", Topics.Photos)]
    [InlineData("a studnet messagd me on snapchat", Topics.PupilContact)]
    public void Read_Typos_StillFindTopic(string message, string topic) =>
        Assert.Equal(topic, Reader.Read(message).Topic);

    [Theory]
    [InlineData("Can I post the photos? The parents haven't given consent.", Facts.ParentConsent, Facts.No)]
    [InlineData("All the parents have signed the consent forms, can I post it?", Facts.ParentConsent, Facts.Yes)]
    [InlineData("The Head has agreed in advance that I can accept", Facts.HeadteacherAgreed, Facts.Yes)]
    [InlineData("Can I post it without the head's permission?", Facts.HeadteacherAgreed, Facts.No)]
    [InlineData("Can I post photos from sports day on my personal Instagram?", Facts.Account, "personal")]
    [InlineData("Can I put the photos on the school's Twitter?", Facts.Account, "official")]
    [InlineData("Can I like a post that criticises our academy?", Facts.Action, "like")]
    [InlineData("Is it OK to like a post that criticises our academy?", Facts.Critical, Facts.Yes)]
    [InlineData("Can I retweet the academy's post about exam results?", Facts.PostBy, "school")]
    [InlineData("Can I use my phone camera to take photos of pupils?", Facts.Action, "take")]
    [InlineData("Can I use my phone camera to take photos of pupils?", Facts.Device, "own")]
    [InlineData("Can I list the academy as my employer on LinkedIn?", Facts.Network, "professional")]
    [InlineData("Can I give a pupil my personal mobile number?", Facts.Channel, "contact-details")]
    [InlineData("A pupil messaged me privately on Snapchat", Facts.Channel, "direct-message")]
    [InlineData("A pupil messaged me privately on Snapchat", Facts.Initiator, "them")]
    [InlineData("I was tagged in a photo from the staff party", Facts.Initiator, "them")]
    [InlineData("Can I add a Year 9 pupil on Facebook?", Facts.Initiator, "me")]
    [InlineData("Can I message my class on Teams about homework?", Facts.Channel, "school-system")]
    [InlineData("Can I check Facebook during a lesson?", Facts.Time, "lesson")]
    [InlineData("Can I go on Instagram in my PPA time?", Facts.Time, "work")]
    [InlineData("Can I post their full names under the photo?", Facts.Identifies, Facts.Yes)]
    public void Read_StatedFact_IsSet(string message, string fact, string value) =>
        Assert.Equal(value, Reader.Read(message).Facts.GetValueOrDefault(fact));

    [Theory]
    [InlineData("I'd like a tweet about our science fair to go out on the academy's X account", Facts.Action)]
    [InlineData("Can I post photos from sports day on my personal Instagram?", Facts.ParentConsent)]
    [InlineData("Can I accept a friend request from a pupil?", Facts.HeadteacherAgreed)]
    [InlineData("Do I need the Head Teacher's permission to accept?", Facts.HeadteacherAgreed)]
    [InlineData("Can I post the photos if the parents consent?", Facts.ParentConsent)]
    [InlineData("Is it OK to be friends with a former pupil?", Facts.Initiator)]
    public void Read_FactNotStated_IsNotSet(string message, string fact) =>
        Assert.False(Reader.Read(message).Facts.ContainsKey(fact));
}
