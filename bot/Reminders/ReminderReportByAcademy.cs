using TeamsPolicyBot.Academies;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// The reminder report as one reader may see it. Trust admins see everyone, with a line per academy (and one for
/// staff whose academy is not known); an academy's admins see only their academy's staff and its line.
/// </summary>
public sealed class ReminderReportByAcademy(TrustAcademies trust, AcademyDirectory directory)
{
    public const string NotKnown = "Academy not known";

    // Graph is asked about each member of staff not yet cached; a few at once keeps a large trust's report quick.
    private const int LookupsAtOnce = 8;

    /// <summary>Whether <paramref name="aadObjectId"/> may see a report at all.</summary>
    public bool MaySee(string? aadObjectId) => trust.IsTrustAdmin(aadObjectId) || trust.AdministeredBy(aadObjectId).Count > 0;

    public async Task<ReminderReport> ForReaderAsync(ReminderReport report, string readerId, CancellationToken cancellationToken)
    {
        if (!trust.Configured)
            return report;
        var academyOf = await AcademiesOfAsync(report, cancellationToken);
        var everyone = trust.IsTrustAdmin(readerId);
        var shown = everyone ? trust.All : trust.AdministeredBy(readerId);
        var visible = everyone
            ? report
            : report with
            {
                Groups = report.Groups
                    .Select(g => g with { People = g.People.Where(p => academyOf[p.AadObjectId].Academies.Any(shown.Contains)).ToList() })
                    .Where(g => g.People.Count > 0 || g.MembersUnavailable)
                    .ToList(),
            };

        var people = visible.Groups.SelectMany(g => g.People).DistinctBy(p => p.AadObjectId).ToList();
        var tallies = shown.Select(academy => Tally(academy.Name, people.Where(p => academyOf[p.AadObjectId].Academies.Contains(academy)))).ToList();
        if (everyone)
            tallies.Add(Tally(NotKnown, people.Where(p => academyOf[p.AadObjectId].Academies.Count == 0)));
        return visible with { Academies = tallies };
    }

    private async Task<Dictionary<string, StaffAcademies>> AcademiesOfAsync(ReminderReport report, CancellationToken cancellationToken)
    {
        var ids = report.Groups.SelectMany(g => g.People).Select(p => p.AadObjectId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, StaffAcademies>(StringComparer.OrdinalIgnoreCase);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = LookupsAtOnce, CancellationToken = cancellationToken },
            async (id, token) => found[id] = await directory.ForAsync(id, token));
        return new Dictionary<string, StaffAcademies>(found, StringComparer.OrdinalIgnoreCase);
    }

    private static AcademyTally Tally(string name, IEnumerable<ReportPerson> people)
    {
        var list = people.ToList();
        return new AcademyTally(name, list.Count, list.Count(p => p.AcknowledgedAt is not null));
    }
}
