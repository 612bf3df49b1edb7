using TeamsPolicyBot.Guidance.Understanding;
using TeamsPolicyBot.Guidance.Understanding.Words;

namespace TeamsPolicyBot.Tests.Guidance.Understanding;

public class ShorthandTests
{
    private static readonly Lexicon Lexicon = new([]);

    private static string Words(string text) => string.Join(' ', new Message(text, Lexicon).Words.Select(w => w.Text));

    [Theory]
    [InlineData("cn i accpt a frend req frm a yr 11 on insta", "can i accept a friend request from a year 11 on instagram")]
    [InlineData("u cud dm me on snap b4 2moro", "you could dm me on snapchat before tomorrow")]
    [InlineData("pls can i post pics on fb lol", "please can i post pictures on facebook")]
    [InlineData("a 16yo ex student added me on tik tok", "a 16 years old ex student added me on tiktok")]
    [InlineData("She dm'd me on IG", "she messaged me on instagram")]
    [InlineData("dont know if i shud accept", "do not know if i should accept")]
    public void Message_HowStaffType_ReadsAsTheWordsMeant(string typed, string words) =>
        Assert.Equal(words, Words(typed));

    [Fact]
    public void Expand_TwoWordForm_TakesTheLongest() =>
        Assert.Equal(["on", "tiktok", "now"], Shorthand.Expand(["on", "tik", "tok", "now"]));

    [Fact]
    public void Expand_UnknownWords_Unchanged() =>
        Assert.Equal(["pupil", "request"], Shorthand.Expand(["pupil", "request"]));

    [Fact]
    public void Entries_EachTypedFormOnce() =>
        Assert.Equal(Shorthand.Entries.Count(), Shorthand.Entries.Select(e => e.Typed).Distinct().Count());
}
