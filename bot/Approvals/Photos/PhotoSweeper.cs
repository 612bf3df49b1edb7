using Microsoft.Extensions.Options;
using TeamsPolicyBot.Hosting;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>
/// Deletes photos no longer needed: a decided request's <see cref="PhotoOptions.PhotoRetentionDays"/> after its
/// decision (its thumbnails leave the request too), a withdrawn request's at once (in case deleting them on withdrawal
/// failed), and photos never sent with a request after the same number of days.
/// </summary>
public sealed partial class PhotoSweeper(
    PhotoStore photos, ApprovalRequestStore requests, JobLeases leases, IOptions<PhotoOptions> options, TimeProvider time,
    ILogger<PhotoSweeper> logger)
    : PeriodicJob(leases, time, logger)
{
    protected override TimeSpan Interval => options.Value.PhotoSweepInterval;

    protected override string Work => "Deleting photos past their retention";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <returns>How many photos this call deleted.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow() - TimeSpan.FromDays(options.Value.PhotoRetentionDays);
        var due = new List<StoredPhoto>();
        foreach (var group in (await photos.AllAsync(cancellationToken)).GroupBy(p => p.RequestId))
        {
            if (group.Key.Length == 0)
                due.AddRange(group.Where(p => p.StoredAt <= cutoff));
            else if (await IsDoneWithAsync(group.Key, cutoff, cancellationToken))
                due.AddRange(group);
        }
        await photos.DeleteAsync(due, cancellationToken);
        if (due.Count > 0)
            LogDeleted(logger, due.Count);
        return due.Count;
    }

    /// <summary>Whether the request's photos may go, taking its thumbnails off it first.</summary>
    private async Task<bool> IsDoneWithAsync(string requestId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        while (await requests.GetAsync(requestId, cancellationToken) is { } stored)
        {
            var request = stored.Request;
            if (request.Status != ApprovalStatus.Withdrawn && !(request.DecidedAt is { } decided && !request.IsPending && decided <= cutoff))
                return false;
            if (request.Photos.Count == 0 || await requests.TryUpdateAsync(request with { Photos = [] }, stored.ETag, cancellationToken) is not null)
                return true;
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} photo(s) past their retention")]
    private static partial void LogDeleted(ILogger logger, int count);
}
