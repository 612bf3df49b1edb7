using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Tests.Storage;

public class StorageConnectionStringTests
{
    private const string Key = "a2V5LWJ5dGVzLWZvci10ZXN0cw==";

    [Fact]
    public void Parse_UseDevelopmentStorage_PointsAtLocalAzurite()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(Convert.FromBase64String(StorageConnectionString.DevelopmentAccountKey), parsed.AccountKey);
    }

    [Fact]
    public void Parse_ExplicitTableEndpoint_UsesIt()
    {
        var parsed = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};TableEndpoint=http://127.0.0.1:41234/devstoreaccount1/;");

        Assert.Equal(new Uri("http://127.0.0.1:41234/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal(Convert.FromBase64String(Key), parsed.AccountKey);
    }

    [Fact]
    public void Parse_AzureAccount_BuildsTableEndpointFromNameAndSuffix()
    {
        var parsed = StorageConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=trustbot;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://trustbot.table.core.windows.net"), parsed.TableEndpoint);
        Assert.Equal("trustbot", parsed.AccountName);
    }

    [Theory]
    [InlineData("AccountName=trustbot", "AccountKey")]
    [InlineData("TableEndpoint=https://x.table.core.windows.net;SharedAccessSignature=sv=2019&sig=abc", "AccountName")]
    [InlineData("AccountName=trustbot;AccountKey=not*base64", "base64")]
    [InlineData("AccountName=trustbot;AccountKey=a2V5;TableEndpoint=not a url", "TableEndpoint")]
    [InlineData("justtext", "Name=Value")]
    public void Parse_Unusable_ThrowsFormatExceptionNamingTheProblemButNotTheValue(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("not*base64", error.Message);
        Assert.DoesNotContain("sig=abc", error.Message);
    }
}
