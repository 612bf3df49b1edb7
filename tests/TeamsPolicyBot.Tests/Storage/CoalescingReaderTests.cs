using Azure.Core;
using Azure.Core.Pipeline;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class CoalescingReaderTests(AzuriteFixture azurite)
{
    private readonly HeldTableRequests _requests = new();

    [Fact]
    public async Task GetEntityAsync_NothingElseOut_IsOnePointReadSentAtOnce()
    {
        var (table, reader) = await CreateAsync();
        var etag = await table.AddEntityAsync(new TableEntity("chat-1", "alice"));

        var row = await reader.GetEntityAsync("chat-1", "alice");

        Assert.Equal(etag, row!.ETag);
        Assert.EndsWith("(PartitionKey='chat-1',RowKey='alice')", Assert.Single(_requests.Sent));
    }

    [Fact]
    public async Task GetEntityAsync_WhileARequestIsOut_WaitingReadsShareQueriesAndEachGetsItsOwnRow()
    {
        var (table, reader) = await CreateAsync();
        var stored = new Dictionary<string, string>();
        foreach (var member in new[] { "alice", "bob", "carol", "dan" })
            stored[member] = (await table.AddEntityAsync(new TableEntity("chat-" + member, member))).ToString();

        _requests.HoldNext();
        var first = reader.GetEntityAsync("chat-alice", "alice");
        // Nine reads for eight rows (bob twice), three of them missing: seven rows fit in one query, one is left over.
        var members = new[] { "bob", "carol", "bob", "dan", "erin", "frank", "grace", "heidi", "ivan" };
        var waiting = members.Select(member => reader.GetEntityAsync("chat-" + member, member)).ToList();
        _requests.Release();
        var rows = await Task.WhenAll(waiting);

        Assert.Equal(stored["alice"], (await first)!.ETag.ToString());
        Assert.Equal(members.Select(member => stored.GetValueOrDefault(member)), rows.Select(row => row?.ETag.ToString()));
        Assert.Equal(3, _requests.Sent.Count);
        Assert.Contains("$filter=", _requests.Sent[1]);
        Assert.EndsWith("(PartitionKey='chat-ivan',RowKey='ivan')", _requests.Sent[2]);
    }

    [Fact]
    public async Task GetEntityAsync_StorageDown_EveryReadTheRequestCarriedFailsAndTheNextOneWorks()
    {
        var (table, reader) = await CreateAsync();
        await table.AddEntityAsync(new TableEntity("chat-1", "alice"));

        _requests.Failing = true;
        _requests.HoldNext();
        var reads = new[] { "alice", "bob", "carol" }.Select(member => reader.GetEntityAsync("chat-1", member)).ToList();
        _requests.Release();
        foreach (var read in reads)
            await Assert.ThrowsAsync<StorageUnavailableException>(() => read);
        _requests.Failing = false;

        Assert.NotNull(await reader.GetEntityAsync("chat-1", "alice"));
    }

    [Fact]
    public async Task GetEntityAsync_StorageDown_ReadsQueuedBehindTheFailedRequestFailWithItWithoutTryingAgain()
    {
        var (_, reader) = await CreateAsync();

        _requests.Failing = true;
        _requests.HoldNext();
        var first = reader.GetEntityAsync("chat-0", "member");
        var queued = Enumerable.Range(1, 20).Select(i => reader.GetEntityAsync($"chat-{i}", "member")).ToList();
        _requests.Release();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => first);
        foreach (var read in queued)
            await Assert.ThrowsAsync<StorageUnavailableException>(() => read);
        Assert.All(_requests.Sent, path => Assert.EndsWith("(PartitionKey='chat-0',RowKey='member')", path));
    }

    [Fact]
    public async Task GetEntityAsync_OneCallerGivesUp_TheOthersStillGetTheirRows()
    {
        var (table, reader) = await CreateAsync();
        await table.AddEntityAsync(new TableEntity("chat-1", "alice"));
        await table.AddEntityAsync(new TableEntity("chat-2", "bob"));
        using var givesUp = new CancellationTokenSource();

        _requests.HoldNext();
        var first = reader.GetEntityAsync("chat-1", "alice");
        var cancelled = reader.GetEntityAsync("chat-1", "alice", givesUp.Token);
        var other = reader.GetEntityAsync("chat-2", "bob");
        givesUp.Cancel();
        _requests.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal("alice", (await first)!.RowKey);
        Assert.Equal("bob", (await other)!.RowKey);
    }

    private async Task<(TableClient Table, CoalescingReader<TableEntity> Reader)> CreateAsync()
    {
        var table = await azurite.CreateTableAsync();
        var options = new TableClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(_requests, HttpPipelinePosition.PerRetry);
        var watched = azurite.CreateServiceClient(options).GetTableClient(table.Name);
        return (table, new CoalescingReader<TableEntity>(watched, maxInFlight: 1));
    }

    /// <summary>Records each try's path and query; holds the next try until released; while failing, refuses every try.</summary>
    private sealed class HeldTableRequests : HttpPipelinePolicy
    {
        private readonly List<string> _sent = [];
        private TaskCompletionSource _released = new();
        private TaskCompletionSource? _holdNext;

        public IReadOnlyList<string> Sent
        {
            get { lock (_sent) return [.. _sent]; }
        }

        public bool Failing { get; set; }

        public void HoldNext() => _holdNext = _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.TrySetResult();

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The table client only sends asynchronously.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            lock (_sent)
                _sent.Add(Uri.UnescapeDataString(message.Request.Uri.ToUri().PathAndQuery));
            if (Interlocked.Exchange(ref _holdNext, null) is { } hold)
                await hold.Task;
            if (Failing)
                throw new IOException("Connection refused (simulated).");
            await ProcessNextAsync(message, pipeline);
        }
    }
}
