using Azure.Data.Tables;
using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Tests.Dialogs;

/// <summary>Conversation state as stored JSON: what counts as a change, and what cannot be read or stored.</summary>
public class ConversationStateJsonTests
{
    private static readonly ConversationStateKey Key = new("a:chat", "29:teacher");

    [Fact]
    public void HasChanged_ValueSetThenRemoved_IsFalse()
    {
        var state = ConversationState.New(Key);

        state.Values.Set("school", "Henry Box");
        Assert.True(state.HasChanged);
        state.Values.Remove("school");

        Assert.False(state.HasChanged);
    }

    [Fact]
    public void Parse_StoredJson_HasNotChanged()
    {
        var state = ConversationState.New(Key);
        state.Values.Set("school", "Henry Box");

        var reloaded = ConversationState.Parse(Key, new ETag("W/\"1\""), state.ToJson());

        Assert.False(reloaded.HasChanged);
        Assert.Equal("Henry Box", reloaded.Values.Get<string>("school"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("""{"dialogStack":[{"id":"ask"}],"values":{}}""")]
    public void Parse_NotConversationState_ThrowsJsonException(string json) =>
        Assert.Throws<JsonException>(() => ConversationState.Parse(Key, new ETag("W/\"1\""), json));

    [Fact]
    public async Task TrySaveAsync_StateTooLargeForARow_ThrowsBeforeWriting()
    {
        // Nothing listens on this endpoint: the size check must come first.
        var store = new ConversationStateStore(
            new BotTables(new TableServiceClient("UseDevelopmentStorage=true")), Options.Create(new DialogOptions()), TimeProvider.System,
            NullLogger<ConversationStateStore>.Instance);
        var state = ConversationState.New(Key);
        state.Values.Set("question", new string('x', 40_000));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.TrySaveAsync(state, CancellationToken.None));

        Assert.Contains("Keep large data out of dialog state", error.Message);
    }
}
