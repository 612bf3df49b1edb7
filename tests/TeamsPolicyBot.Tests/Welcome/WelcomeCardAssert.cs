using System.Text.Json;

namespace TeamsPolicyBot.Tests.Welcome;

/// <summary>What makes a posted card the welcome card, for the development pack (fierte).</summary>
internal static class WelcomeCardAssert
{
    public const string Trust = "Fierté Multi-Academy Trust";

    public static void IsWelcomeCard(JsonElement card)
    {
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Contains(Trust, card.GetRawText().Replace("\\u00E9", "é", StringComparison.OrdinalIgnoreCase));
        var actions = card.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(4, actions.Count);
        Assert.All(actions, action =>
        {
            var imBack = action.GetProperty("data").GetProperty("msteams");
            Assert.Equal("Action.Submit", action.GetProperty("type").GetString());
            Assert.Equal("imBack", imBack.GetProperty("type").GetString());
        });
        Assert.All(actions.Take(3), question => Assert.Equal(
            question.GetProperty("title").GetString(), question.GetProperty("data").GetProperty("msteams").GetProperty("value").GetString()));
        Assert.Equal("request a post", actions[3].GetProperty("data").GetProperty("msteams").GetProperty("value").GetString());
    }
}
