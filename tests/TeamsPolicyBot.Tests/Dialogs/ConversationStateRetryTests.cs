using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Dialogs;

/// <summary>
/// A save whose answer is lost on the way back (a network timeout while storage is slow) is tried again by the table
/// client, and the second try meets the first: the turn must not take its own write for another turn's.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConversationStateRetryTests(AzuriteFixture azurite)
{
    private readonly LoseNextWriteAnswer _lose = new();
    private readonly Activity _message = new()
    {
        Type = ActivityTypes.Message,
        Conversation = new ConversationAccount { Id = $"a:{Guid.NewGuid():N}", ConversationType = ConversationTypes.Personal },
        From = new ChannelAccount { Id = "29:teacher" },
    };

    [Fact]
    public async Task TrySaveAsync_FirstSaveAnswerLost_SavedNotCrossed()
    {
        var store = await StoreAsync();
        var state = await store.LoadAsync(_message, default);
        state.Values.Set("question", "Can I accept it?");

        _lose.Arm();
        Assert.True(await store.TrySaveAsync(state, default));

        Assert.Equal("Can I accept it?", (await store.LoadAsync(_message, default)).Values.Get<string>("question"));
    }

    [Fact]
    public async Task TrySaveAsync_UpdateAnswerLost_SavedNotCrossed()
    {
        var store = await StoreAsync();
        var first = await store.LoadAsync(_message, default);
        first.Values.Set("question", "Can I accept it?");
        await store.TrySaveAsync(first, default);
        var second = await store.LoadAsync(_message, default);
        second.Values.Set("age", "19");

        _lose.Arm();
        Assert.True(await store.TrySaveAsync(second, default));

        Assert.Equal("19", (await store.LoadAsync(_message, default)).Values.Get<string>("age"));
    }

    [Fact]
    public async Task TrySaveAsync_DeleteAnswerLost_GoneNotCrossed()
    {
        var store = await StoreAsync();
        var first = await store.LoadAsync(_message, default);
        first.Values.Set("question", "Can I accept it?");
        await store.TrySaveAsync(first, default);
        var finished = await store.LoadAsync(_message, default);
        finished.Values.Remove("question");

        _lose.Arm();
        Assert.True(await store.TrySaveAsync(finished, default));

        Assert.Null((await store.LoadAsync(_message, default)).Values.Get<string>("question"));
    }

    [Fact]
    public async Task TrySaveAsync_AnotherTurnSavedOtherState_StillCrossed()
    {
        var store = await StoreAsync();
        var mine = await store.LoadAsync(_message, default);
        var theirs = await store.LoadAsync(_message, default);
        theirs.Values.Set("question", "Can I post photos?");
        await store.TrySaveAsync(theirs, default);
        mine.Values.Set("question", "Can I accept it?");

        Assert.False(await store.TrySaveAsync(mine, default));
    }

    private async Task<ConversationStateStore> StoreAsync()
    {
        var options = TableClientDefaults.Create();
        options.AddPolicy(_lose, HttpPipelinePosition.PerRetry);
        var tables = azurite.CreateTables(AzuriteFixture.UniqueTablePrefix(), options);
        await tables.GetTableClient(ConversationStateStore.TableName).CreateIfNotExistsAsync();
        return new ConversationStateStore(tables, Options.Create(new DialogOptions()), TimeProvider.System, NullLogger<ConversationStateStore>.Instance);
    }

    /// <summary>Once armed, lets the next write reach storage and then loses its answer, as a network timeout would.</summary>
    private sealed class LoseNextWriteAnswer : HttpPipelinePolicy
    {
        private int _armed;

        public void Arm() => Volatile.Write(ref _armed, 1);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            LoseIfArmed(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            LoseIfArmed(message);
        }

        private void LoseIfArmed(HttpMessage message)
        {
            if (message.Request.Method != RequestMethod.Get && Interlocked.Exchange(ref _armed, 0) == 1)
                throw new IOException("The answer was lost on the way back.");
        }
    }
}
