using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
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
        var etag = (await table.AddEntityAsync(new TableEntity("chat-1", "alice"))).StoredETag();

        var row = await reader.GetEntityAsync("chat-1", "alice");

        Assert.Equal(etag, row!.ETag);
        Assert.Contains("(PartitionKey='chat-1',RowKey='alice')", Assert.Single(_requests.Sent));
    }

    [Fact]
    public async Task GetEntityAsync_WhileARequestIsOut_WaitingReadsShareQueriesAndEachGetsItsOwnRow()
    {
        var (table, reader) = await CreateAsync();
        var stored = new Dictionary<string, string>();
        foreach (var member in new[] { "alice", "bob", "carol", "dan" })
            stored[member] = (await table.AddEntityAsync(new TableEntity("chat-" + member, member))).StoredETag().ToString();

        // Seventeen reads in sixteen partitions (bob twice), most of them missing: fifteen partitions fit in one query,
        // one is left over.
        var members = new[]
        {
            "bob", "carol", "bob", "dan", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj", "olivia",
            "peggy", "rupert", "sybil", "trent",
        };
        var (first, waiting) = await QueueBehindFirstAsync(reader, ("chat-alice", "alice"), [.. members.Select(member => ("chat-" + member, member))]);
        var rows = await Task.WhenAll(waiting);

        Assert.Equal(stored["alice"], (await first)!.ETag.ToString());
        Assert.Equal(members.Select(member => stored.GetValueOrDefault(member)), rows.Select(row => row?.ETag.ToString()));
        Assert.Equal(3, _requests.Sent.Count);
        Assert.Contains("$filter=", _requests.Sent[1]);
        Assert.Contains("(PartitionKey='chat-trent',RowKey='trent')", _requests.Sent[2]);
    }

    [Fact]
    public async Task GetEntityAsync_StorageDownForTheSharedQuery_EveryReadItCarriedFailsAndTheNextOneWorks()
    {
        var (table, reader) = await CreateAsync();
        await table.AddEntityAsync(new TableEntity("chat-1", "alice"));
        await table.AddEntityAsync(new TableEntity("chat-2", "bob"));

        _requests.FailQueriesWith = () => new IOException("Connection refused (simulated).");
        var (first, shared) = await QueueBehindFirstAsync(reader, ("chat-1", "alice"), ("chat-2", "bob"), ("chat-2", "carol"));

        Assert.NotNull(await first);
        foreach (var read in shared)
            await Assert.ThrowsAsync<StorageUnavailableException>(() => read);
        _requests.FailQueriesWith = null;
        Assert.NotNull(await reader.GetEntityAsync("chat-2", "bob"));
    }

    [Fact]
    public async Task GetEntityAsync_SharedQueryFailsForAnotherReason_EachReadIsTriedOnItsOwn()
    {
        var (table, reader) = await CreateAsync();
        await table.AddEntityAsync(new TableEntity("chat-1", "alice"));
        await table.AddEntityAsync(new TableEntity("chat-2", "bob"));
        await table.AddEntityAsync(new TableEntity("chat-3", "carol"));

        _requests.FailQueriesWith = () => new InvalidOperationException("A row the mapper cannot read (simulated).");
        var (first, shared) = await QueueBehindFirstAsync(reader, ("chat-1", "alice"), ("chat-2", "bob"), ("chat-3", "carol"), ("chat-4", "dan"));

        Assert.NotNull(await first);
        Assert.Equal(["bob", "carol", null], (await Task.WhenAll(shared)).Select(row => row?.RowKey));
        Assert.Equal(5, _requests.Sent.Count);
    }

    [Fact]
    public async Task GetEntityAsync_TwoRequestsOut_TheThirtyReadsWaitingShareTwoQueriesAndEachGetsItsOwnRow()
    {
        var (table, reader) = await CreateAsync(maxInFlight: 2);
        var members = Enumerable.Range(0, 32).Select(i => $"member-{i}").ToList();
        foreach (var member in members.Where((_, i) => i % 2 == 0))
            await table.AddEntityAsync(new TableEntity("chat-" + member, member));

        _requests.HoldNext(2);
        var reads = new List<Task<TableEntity?>>();
        foreach (var member in members.Take(2))
        {
            reads.Add(reader.GetEntityAsync("chat-" + member, member));
            await _requests.SentAsync();
        }
        reads.AddRange(members.Skip(2).Select(member => reader.GetEntityAsync("chat-" + member, member)));
        _requests.Release();
        var rows = await Task.WhenAll(reads);

        Assert.Equal(members.Select((member, i) => i % 2 == 0 ? member : null), rows.Select(row => row?.RowKey));
        Assert.Equal(4, _requests.Sent.Count);
    }

    [Fact]
    public async Task GetEntityAsync_StorageDown_ReadsQueuedBehindTheFailedRequestFailWithItWithoutTryingAgain()
    {
        var (_, reader) = await CreateAsync();

        _requests.Failing = true;
        var (first, queued) = await QueueBehindFirstAsync(reader, ("chat-0", "member"), [.. Enumerable.Range(1, 20).Select(i => ($"chat-{i}", "member"))]);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => first);
        foreach (var read in queued)
            await Assert.ThrowsAsync<StorageUnavailableException>(() => read);
        Assert.All(_requests.Sent, path => Assert.Contains("(PartitionKey='chat-0',RowKey='member')", path));
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
        await _requests.SentAsync();
        var cancelled = reader.GetEntityAsync("chat-1", "alice", givesUp.Token);
        var other = reader.GetEntityAsync("chat-2", "bob");
        givesUp.Cancel();
        _requests.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal("alice", (await first)!.RowKey);
        Assert.Equal("bob", (await other)!.RowKey);
    }

    [Fact]
    public async Task GetEntityAsync_MaxInFlightAboveTheReadsOut_EveryReadIsAPointReadSentAtOnce()
    {
        var (table, reader) = await CreateAsync(maxInFlight: 100_000);
        var members = Enumerable.Range(0, 30).Select(i => $"member-{i}").ToList();
        foreach (var member in members.Take(10))
            await table.AddEntityAsync(new TableEntity("chat-" + member, member));

        _requests.HoldNext(members.Count);
        var reads = members.Select(member => reader.GetEntityAsync("chat-" + member, member)).ToList();
        foreach (var _ in members)
            await _requests.SentAsync();
        _requests.Release();
        var rows = await Task.WhenAll(reads);

        Assert.Equal(members.Select((member, i) => i < 10 ? member : null), rows.Select(row => row?.RowKey));
        Assert.Equal(members.Count, _requests.Sent.Count);
        Assert.DoesNotContain(_requests.Sent, sent => sent.Contains("$filter=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetEntityAsync_SharedQueryReadsWholePartitions_EachReadGetsOnlyItsOwnRow()
    {
        var (table, reader) = await CreateAsync();
        await table.AddEntityAsync(new TableEntity("chat-1", "alice"));
        await table.AddEntityAsync(new TableEntity("channel-2", "bob"));
        await table.AddEntityAsync(new TableEntity("channel-2", "carol"));

        var (first, shared) = await QueueBehindFirstAsync(reader, ("chat-1", "alice"), ("channel-2", "bob"), ("channel-2", "dan"), ("chat-3", "carol"));

        Assert.NotNull(await first);
        Assert.Equal(["bob", null, null], (await Task.WhenAll(shared)).Select(row => row?.RowKey));
        Assert.Equal(2, _requests.Sent.Count);
    }

    [Fact]
    public async Task GetEntityAsync_KeysWithQuotesInASharedQuery_EachGetsOnlyItsOwnRow()
    {
        var (table, reader) = await CreateAsync();
        await table.AddEntityAsync(new TableEntity("chat-0", "first"));
        await table.AddEntityAsync(new TableEntity("chat-1", "o'brien"));
        await table.AddEntityAsync(new TableEntity("chat-2", "carol"));

        var (first, shared) = await QueueBehindFirstAsync(
            reader, ("chat-0", "first"), ("chat-1", "o'brien"), ("chat-2", "x' or RowKey ne '"), ("x' or PartitionKey ne '", "carol"));

        Assert.NotNull(await first);
        Assert.Equal(["o'brien", null, null], (await Task.WhenAll(shared)).Select(row => row?.RowKey));
        Assert.Equal(2, _requests.Sent.Count);
    }

    [Fact]
    public async Task GetEntityAsync_TableNeverCreated_PointReadsAndSharedQueriesFindNothing()
    {
        var (_, reader) = await CreateAsync(createTable: false);

        var (first, shared) = await QueueBehindFirstAsync(reader, ("chat-0", "member"), ("chat-1", "member"), ("chat-2", "member"), ("chat-3", "member"));

        Assert.Null(await first);
        Assert.All(await Task.WhenAll(shared), Assert.Null);
        Assert.Equal(2, _requests.Sent.Count);
    }

    [Fact]
    public async Task GetEntityAsync_ReadSentAtOnceAndReadsThatWaited_OnlyTheFirstCarriesItsTurnsContext()
    {
        var (table, reader) = await CreateAsync();
        await table.AddEntityAsync(new TableEntity("chat-1", "alice"));

        _requests.HoldNext();
        HeldTableRequests.Turn.Value = "alice's turn";
        var first = reader.GetEntityAsync("chat-1", "alice");
        await _requests.SentAsync();
        HeldTableRequests.Turn.Value = "bob's turn";
        var queued = reader.GetEntityAsync("chat-2", "bob");
        HeldTableRequests.Turn.Value = "carol's turn";
        var queuedToo = reader.GetEntityAsync("chat-3", "carol");
        HeldTableRequests.Turn.Value = null;
        _requests.Release();
        await Task.WhenAll(first, queued, queuedToo);

        // The point read is that turn's own request (its trace and log scope); the shared query serves two other turns,
        // so it belongs to neither, and above all not to the turn whose slot it used.
        Assert.Equal(["alice's turn", null], _requests.SentFrom);
    }

    /// <summary>Sends the first read and holds it, so the others queue behind it; then lets it go.</summary>
    private async Task<(Task<TableEntity?> First, List<Task<TableEntity?>> Queued)> QueueBehindFirstAsync(
        CoalescingReader<TableEntity> reader, (string PartitionKey, string RowKey) first, params (string PartitionKey, string RowKey)[] queued)
    {
        _requests.HoldNext();
        var firstRead = reader.GetEntityAsync(first.PartitionKey, first.RowKey);
        await _requests.SentAsync();
        var queuedReads = queued.Select(key => reader.GetEntityAsync(key.PartitionKey, key.RowKey)).ToList();
        _requests.Release();
        return (firstRead, queuedReads);
    }

    private async Task<(TableClient Table, CoalescingReader<TableEntity> Reader)> CreateAsync(int maxInFlight = 1, bool createTable = true)
    {
        var table = createTable ? await azurite.CreateTableAsync() : azurite.CreateServiceClient().GetTableClient(AzuriteFixture.UniqueTableName());
        var options = TableClientDefaults.Create();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(_requests, HttpPipelinePosition.PerRetry);
        var watched = azurite.CreateServiceClient(options).GetTableClient(table.Name);
        return (table, new CoalescingReader<TableEntity>(watched, maxInFlight));
    }

    /// <summary>
    /// Records each try's path and query; holds the next tries until released; refuses every try while failing, and
    /// every try of a query (several keys) with <see cref="FailQueriesWith"/>.
    /// </summary>
    private sealed class HeldTableRequests : HttpPipelinePolicy
    {
        private readonly List<string> _sent = [];
        private readonly List<string?> _sentFrom = [];
        private readonly SemaphoreSlim _arrivals = new(0);
        private TaskCompletionSource _released = new();
        private int _toHold;

        public IReadOnlyList<string> Sent
        {
            get { lock (_sent) return [.. _sent]; }
        }

        /// <summary>Stands for a turn's context (its trace and log scope): whose it is, as the caller set it.</summary>
        public static AsyncLocal<string?> Turn { get; } = new();

        /// <summary>For each try, the <see cref="Turn"/> whose context it was sent in.</summary>
        public IReadOnlyList<string?> SentFrom
        {
            get { lock (_sent) return [.. _sentFrom]; }
        }

        public bool Failing { get; set; }

        public Func<Exception>? FailQueriesWith { get; set; }

        public void HoldNext(int count = 1)
        {
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _toHold = count;
        }

        public void Release() => _released.TrySetResult();

        /// <summary>Until one more try has been sent.</summary>
        public async Task SentAsync() =>
            Assert.True(await _arrivals.WaitAsync(TimeSpan.FromSeconds(10)), "A table request was expected.");

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The table client only sends asynchronously.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var sent = Uri.UnescapeDataString(message.Request.Uri.ToUri().PathAndQuery);
            lock (_sent)
            {
                _sent.Add(sent);
                _sentFrom.Add(Turn.Value);
            }
            _arrivals.Release();
            if (Interlocked.Decrement(ref _toHold) >= 0)
                await _released.Task;
            if (Failing)
                throw new IOException("Connection refused (simulated).");
            if (sent.Contains("$filter=", StringComparison.Ordinal) && FailQueriesWith is { } failure)
                throw failure();
            await ProcessNextAsync(message, pipeline);
        }
    }
}
