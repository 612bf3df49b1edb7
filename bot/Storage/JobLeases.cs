using Azure.Data.Tables;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// Owns the JobLeases table: one row per periodic job (<see cref="Hosting.PeriodicJob"/>), saying which instance of the
/// bot claimed its current interval and when that interval ends. Every instance asks at each of its ticks; claiming is
/// an ETag-guarded write, so of several instances exactly one runs the job per interval. The claimer keeps the job
/// while it ticks; when it stops or dies, another instance's next tick after the interval ended claims the next one.
/// </summary>
public sealed class JobLeases(BotTables tables, TimeProvider time)
{
    public const string TableName = "JobLeases";

    private const string Partition = "job";
    private const string ClaimedBy = "ClaimedBy";
    private const string ClaimedAt = "ClaimedAt";
    private const string IntervalEnds = "IntervalEnds";

    private readonly OwnedTable _table = new(tables, TableName);

    /// <summary>This process, as written in the rows it claims.</summary>
    public string Instance { get; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    /// <summary>
    /// Claims the interval of <paramref name="interval"/> that begins now for <paramref name="job"/>, unless another
    /// instance's claim has not ended. The instance that claimed the last interval may claim the next a quarter of an
    /// interval early: its own timer, firing a little early by the clock that stamped the last claim, must not lose it
    /// its turn (and, with one instance, a run).
    /// </summary>
    /// <returns>Whether this instance runs the job now.</returns>
    public async Task<bool> TryClaimAsync(string job, TimeSpan interval, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var table = await _table.GetAsync(cancellationToken);
        var lease = await table.FindEntityAsync<TableEntity>(Partition, job, cancellationToken);
        if (lease is not null)
        {
            var early = lease.GetString(ClaimedBy) == Instance ? interval / 4 : TimeSpan.Zero;
            if (lease.GetDateTimeOffset(IntervalEnds) - early > now)
                return false;
        }
        var claim = new TableEntity(Partition, job)
        {
            [ClaimedBy] = Instance,
            [ClaimedAt] = now,
            [IntervalEnds] = now + interval,
        };
        return await table.TryReplaceAsync(claim, lease, cancellationToken);
    }
}
