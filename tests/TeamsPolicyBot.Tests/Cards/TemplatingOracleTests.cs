using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Tests.Cards;

/// <summary>Every documented templating case, bound by the official adaptivecards-templating engine in one node run.</summary>
public sealed class TemplatingOracleFixture : IAsyncLifetime
{
    public IReadOnlyDictionary<string, JsonObject> Results { get; private set; } = new Dictionary<string, JsonObject>();

    public async Task InitializeAsync() =>
        Results = await CardOracle.RunAsync(TemplatingCase.All.Select(@case => CardOracle.Expand(@case.Name, @case.TemplateJson, @case.DataJson)));

    public Task DisposeAsync() => Task.CompletedTask;
}

public class TemplatingOracleTests(TemplatingOracleFixture oracle) : IClassFixture<TemplatingOracleFixture>
{
    [Theory]
    [MemberData(nameof(TemplatingCase.Names), MemberType = typeof(TemplatingCase))]
    public void OfficialEngine_DocumentedCase_GivesTheExpectedCard(string name)
    {
        var @case = TemplatingCase.Named(name);
        var result = oracle.Results[name];

        if (@case.ExpectedJson is null)
        {
            Assert.True(result.ContainsKey("expandError"), $"the official engine bound it: {result["expanded"]?.ToJsonString()}");
            return;
        }

        Assert.False(result.ContainsKey("expandError"), (string?)result["expandError"]);
        JsonTree.AssertEqual(@case.ExpectedJson, result["expanded"]);
    }
}
