namespace TeamsPolicyBot.Approvals;

/// <summary>The requests made in a date range, oldest first, as CSV: all of them, or those of some academies.</summary>
public sealed class ApprovalsExport(ApprovalRequestStore requests)
{
    /// <param name="from">First day included.</param>
    /// <param name="to">Last day included.</param>
    /// <param name="academies">The academies whose requests are wanted; null for every request, the trust's included.</param>
    public async Task<(string Csv, int Count)> ExportAsync(DateOnly from, DateOnly to, IReadOnlySet<string>? academies, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var found = new List<ApprovalRequest>();
        await foreach (var stored in requests.RequestedBetweenAsync(start, end, cancellationToken))
        {
            if (academies is null || academies.Contains(stored.Request.AcademyId))
                found.Add(stored.Request);
        }
        return (ApprovalsCsv.Write(found.OrderBy(r => r.RequestedAt)), found.Count);
    }
}
