using Azure.Data.Tables;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class TableKeyTests(AzuriteFixture azurite)
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

        // Azure forbids / \ # ? and control characters in keys.
        Assert.DoesNotMatch(@"[/\\#?\p{Cc}]", key);
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
    [InlineData("abc~")]
    [InlineData("abc~4")]
    [InlineData("abc~zz")]
    [InlineData("abc~41")]
    public void Decode_KeyNotMadeByEncode_ThrowsFormatException(string key)
    {
        Assert.Throws<FormatException>(() => TableKey.Decode(key));
    }

    [Theory]
    [InlineData("19:3a1b2c@thread.tacv2;messageid=1700000000000")]
    [InlineData("a:1XyZ/with#odd?chars\\and%percent~tilde")]
    [InlineData("o'brien's chat 🙂")]
    public async Task EncodedTeamsIdsAsKeys_WriteReadQueryDelete_AllFindTheEntity(string conversationId)
    {
        var table = await azurite.CreateTableAsync();
        var key = TableKey.Encode(conversationId);
        await table.AddEntityAsync(new TableEntity(key, key) { ["Id"] = conversationId });

        var fetched = await table.FindEntityAsync<TableEntity>(key, key, default);
        var queried = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey eq {key}")).ToListAsync();
        await table.UpdateEntityAsync(new TableEntity(key, key) { ["Seen"] = true }, fetched!.ETag);
        await table.DeleteEntityAsync(key, key);

        Assert.Equal(conversationId, TableKey.Decode(fetched.PartitionKey));
        Assert.Equal(conversationId, fetched.GetString("Id"));
        Assert.Single(queried);
        Assert.Null(await table.FindEntityAsync<TableEntity>(key, key, default));
    }
}
