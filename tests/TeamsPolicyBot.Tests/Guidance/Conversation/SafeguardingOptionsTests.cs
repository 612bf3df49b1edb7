using Microsoft.Extensions.Options;
using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Guidance.Conversation;

public sealed class SafeguardingOptionsTests
{
    [Fact]
    public void ContactIds_CommaSeparatedWithSpaces_ListsEachId()
    {
        var options = new SafeguardingOptions { Contacts = " 0b6f3c1e-7a2d-4e9b-8c5f-1d2e3f4a5b6c , 9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b," };

        Assert.Equal(["0b6f3c1e-7a2d-4e9b-8c5f-1d2e3f4a5b6c", "9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b"], options.ContactIds);
        Assert.Empty(options.Problems());
    }

    [Fact]
    public void Problems_ContactNotAnObjectId_NamesIt()
    {
        var options = new SafeguardingOptions { Contacts = "0b6f3c1e-7a2d-4e9b-8c5f-1d2e3f4a5b6c,dsl@school.example" };

        Assert.Contains("'dsl@school.example' is not one", Assert.Single(options.Problems()), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_UnknownTimeZone_SaysSo()
    {
        Assert.Contains("Safeguarding:TimeZone 'Mars/Olympus'", Assert.Single(new SafeguardingOptions { TimeZone = "Mars/Olympus" }.Problems()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ContactNotAnObjectId_RefusesToStart()
    {
        await using var bot = new BotApp().WithSetting("Safeguarding:Contacts", "dsl@school.example");

        var error = Assert.Throws<OptionsValidationException>(() => bot.CreateClient());

        Assert.Contains("dsl@school.example", error.Message, StringComparison.Ordinal);
    }
}
