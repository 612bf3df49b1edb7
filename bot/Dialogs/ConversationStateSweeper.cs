using Microsoft.Extensions.Options;
using TeamsPolicyBot.Hosting;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Dialogs;

/// <summary>
/// A minute after start and then every <see cref="DialogOptions.SweepInterval"/>, deletes conversation state left idle
/// past the timeout (<see cref="ConversationStateStore.DeleteExpiredAsync"/>), so the table holds only dialogs still
/// waiting for an answer. One instance sweeps per interval; a row already deleted, or changed since it was found, is skipped.
/// </summary>
public sealed partial class ConversationStateSweeper(
    ConversationStateStore store, JobLeases leases, IOptions<DialogOptions> options, TimeProvider time, ILogger<ConversationStateSweeper> logger)
    : PeriodicJob(leases, time, logger)
{
    // Soon after start, so an instance restarted more often than the interval still sweeps, but after start-up's own work.
    private static readonly TimeSpan FirstSweepAfter = TimeSpan.FromMinutes(1);

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override TimeSpan FirstRunAfter => Interval < FirstSweepAfter ? Interval : FirstSweepAfter;

    protected override string Work => "Deleting idle conversation state";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteExpiredAsync(cancellationToken);
        if (deleted > 0)
            LogDeleted(logger, deleted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the state of {Count} conversation(s) idle past the timeout")]
    private static partial void LogDeleted(ILogger logger, int count);
}
