using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Tests.Storage;

public class TableKeyTests
{
    [Theory]
    [InlineData("19:3a1b2c@thread.tacv2;messageid=1700000000000")]
    [InlineData("a:1XyZ-_AbC.def")]
    [InlineData("29:1abc/def?x=1#frag\\tail")]
    [InlineData("~%25 already~2F escaped-looking")]
    [InlineData("\u0001tab\tline\nnext\u0085\u009F\u007F")]
    [InlineData("Ünïcödé 🙂 'quoted'")]
    [InlineData("")]
    public void Encode_AnyId_IsAValidKeyThatDecodesBack(string id)
    {
        var key = TableKey.Encode(id);

        TableKey.Validate(key, "key");
        Assert.Equal(id, TableKey.Decode(key));
    }

    [Theory]
    [InlineData("19:3a1b2c@thread.tacv2;messageid=1700000000000")]
    [InlineData("29:1AbCdEf-gHiJ_kLmNoP")]
    [InlineData("a:1XyZ")]
    public void Encode_TeamsIdWithoutForbiddenCharacters_StaysUnchanged(string id)
    {
        Assert.Equal(id, TableKey.Encode(id));
    }

    [Fact]
    public void Encode_Slash_BecomesReadableEscape()
    {
        Assert.Equal("19:abc~2Fdef~23x", TableKey.Encode("19:abc/def#x"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0000b")]
    [InlineData("a\u001Fb")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u009Fb")]
    public void Validate_ForbiddenCharacter_ThrowsArgumentExceptionNamingIt(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => TableKey.Validate(key, "rowKey"));

        Assert.Equal("rowKey", error.ParamName);
        Assert.Contains($"U+{(int)key[1]:X4} at position 1", error.Message);
        Assert.Contains("TableKey.Encode", error.Message);
    }

    [Fact]
    public void Validate_LongerThan512Characters_ThrowsArgumentException()
    {
        TableKey.Validate(new string('k', 512), "partitionKey");

        Assert.Throws<ArgumentException>(() => TableKey.Validate(new string('k', 513), "partitionKey"));
    }

    [Fact]
    public void Validate_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => TableKey.Validate(null, "partitionKey"));
    }

    [Theory]
    [InlineData("abc~")]
    [InlineData("abc~4")]
    [InlineData("abc~zz")]
    [InlineData("abc~41")]
    public void Decode_KeyNotMadeByEncode_ThrowsFormatException(string key)
    {
        Assert.Throws<FormatException>(() => TableKey.Decode(key));
    }
}
