using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsPolicyBot.Academies;

/// <summary>
/// Which academies a member of staff works in: School Data Sync's schools for them (Microsoft Graph's education API,
/// matched by <c>Academies:&lt;id&gt;:SchoolIds</c>), else their Entra attribute (<c>AcademyLookup:Attribute</c>,
/// matched by <c>AttributeValues</c>), else the academy they chose. What Graph said is remembered for
/// <c>AcademyLookup:CacheDuration</c>; Graph is read with the bot's own identity.
/// </summary>
public sealed partial class AcademyDirectory(
    GraphServiceClient graph, TrustAcademies trust, AcademyChoiceStore choices, IOptions<AcademyLookupOptions> options,
    ILogger<AcademyDirectory> logger) : IDisposable
{
    // Bounded in size as well as time: one entry per member of staff asked about.
    private readonly MemoryCache _fromGraph = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    private readonly bool _useSchools = trust.All.Any(a => a.SchoolIds.Count > 0);

    public async Task<StaffAcademies> ForAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        if (!trust.Configured)
            return new([], AcademySources.OneAcademy);
        var id = aadObjectId.ToLowerInvariant();
        if (!_fromGraph.TryGetValue(id, out StaffAcademies? fromGraph))
        {
            fromGraph = await FromGraphAsync(id, cancellationToken);
            if (fromGraph is not null && options.Value.CacheDuration > TimeSpan.Zero)
                _fromGraph.Set(id, fromGraph, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.CacheDuration });
        }
        if (fromGraph is { Academies.Count: > 0 })
            return fromGraph;
        return trust.Find(await choices.GetAsync(id, cancellationToken)) is { } chosen
            ? new([chosen], AcademySources.Chosen)
            : new([], AcademySources.Unknown);
    }

    /// <summary>Remembers the academy someone chose; false when it is not an academy of this trust.</summary>
    public async Task<bool> ChooseAsync(string aadObjectId, string academyId, CancellationToken cancellationToken)
    {
        if (trust.Find(academyId) is not { } academy)
            return false;
        await choices.SetAsync(aadObjectId.ToLowerInvariant(), academy.Id, cancellationToken);
        return true;
    }

    /// <returns>What Graph said (possibly nothing), or null when it could not be asked: then it is asked again next time.</returns>
    private async Task<StaffAcademies?> FromGraphAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        try
        {
            if (_useSchools && await SchoolsAsync(aadObjectId, cancellationToken) is { Count: > 0 } schools)
                return new(schools, AcademySources.SchoolRecords);
            if (options.Value.Attribute.Length > 0 && await AttributeAsync(aadObjectId, cancellationToken) is { Count: > 0 } byAttribute)
                return new(byAttribute, AcademySources.Directory);
            return new([], AcademySources.Unknown);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogGraphFailed(logger, ex);
            return null;
        }
    }

    private async Task<IReadOnlyList<Academy>> SchoolsAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        try
        {
            var page = await graph.Education.Users[aadObjectId].Schools.GetAsync(request =>
                request.QueryParameters.Select = ["id", "displayName", "externalId", "schoolNumber"], cancellationToken);
            var keys = (page?.Value ?? [])
                .SelectMany(school => new[] { school.Id, school.ExternalId, school.SchoolNumber })
                .OfType<string>()
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            return trust.All.Where(a => a.SchoolIds.Any(keys.Contains)).ToList();
        }
        catch (ODataError error) when (error.ResponseStatusCode is 403 or 404)
        {
            // Not an education user, or the tenant has no School Data Sync: the next way applies.
            LogNoSchools(logger, error.ResponseStatusCode);
            return [];
        }
    }

    private async Task<IReadOnlyList<Academy>> AttributeAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var attribute = options.Value.Attribute;
        var user = await graph.Users[aadObjectId].GetAsync(request => request.QueryParameters.Select = [attribute], cancellationToken);
        var value = attribute switch
        {
            "companyName" => user?.CompanyName,
            "department" => user?.Department,
            _ => user?.OfficeLocation,
        };
        if (string.IsNullOrWhiteSpace(value))
            return [];
        return trust.All.Where(a => a.AttributeValues.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
    }

    public void Dispose() => _fromGraph.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask Microsoft Graph which academy a member of staff is in; trying again next time")]
    private static partial void LogGraphFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Microsoft Graph's education API answered {Status}: no School Data Sync schools")]
    private static partial void LogNoSchools(ILogger logger, int status);
}
