using TeamsPolicyBot.Guidance.Understanding;

namespace TeamsPolicyBot.Tests.Guidance.Understanding;

public class MessageTests
{
    private static readonly Lexicon Lexicon = new([]);

    [Fact]
    public void Words_AfterAFullStop_StartASentence()
    {
        var m = new Message("He doesn't feel ignored. The Head agreed!", Lexicon);

        Assert.Equal(["he", "the"], Enumerable.Range(0, m.Count).Where(m.StartsSentence).Select(i => m[i]));
    }

    [Fact]
    public void Words_DecimalPoint_IsNoSentenceEnd()
    {
        var m = new Message("Policy version 2.1 says no", Lexicon);

        Assert.Single(Enumerable.Range(0, m.Count), m.StartsSentence);
    }

    [Theory]
    [InlineData("some Year 10s posted it", "some year 10 posted it")]
    [InlineData("my y9s follow me", "my year 9 follow me")]
    public void Words_PluralOfAYearGroup_IsTheYearGroup(string text, string words) =>
        Assert.Equal(words, string.Join(' ', new Message(text, Lexicon).Words.Select(w => w.Text)));

    [Theory]
    [InlineData("esnd", "send")]
    [InlineData("kepe", "keep")]
    [InlineData("pohtos", "photos")]
    [InlineData("tuaght", "taught")]
    [InlineData("keeps", "keeps")]
    [InlineData("reposted", "reposted")]
    public void Words_SlipOfTheKeys_IsRepairedNotAnotherFormOfAWord(string typed, string word) =>
        Assert.Equal(word, new Message(typed, Lexicon)[0]);

    [Fact]
    public void Words_SlipInShorthand_ReadsAsWhatTheShorthandMeans() =>
        Assert.Equal("instagram", new Message("nista", Lexicon)[0]);
}
