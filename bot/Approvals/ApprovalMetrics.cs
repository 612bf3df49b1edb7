using System.Diagnostics;
using System.Diagnostics.Metrics;
using TeamsPolicyBot.Telemetry;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// What a trust's IT lead charts about approvals: requests submitted, requests settled, and how long the approvers
/// took. Tagged only by the request's kind (<see cref="RequestKinds"/>) and status (<see cref="ApprovalStatus"/>).
/// </summary>
public sealed class ApprovalMetrics
{
    // A decision takes minutes to days: the default buckets (up to 10 s) would put them all in one.
    private static readonly IReadOnlyList<double> DecisionBuckets =
        [60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 345600, 604800, 1209600];

    private readonly Counter<long> _submitted;
    private readonly Counter<long> _decided;
    private readonly Histogram<double> _timeToDecision;

    public ApprovalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryExtensions.MeterName);
        _submitted = meter.CreateCounter<long>("policybot.approvals.submitted", "{request}",
            "Requests for approval that passed the pre-check and went to the approvers, by kind.");
        _decided = meter.CreateCounter<long>("policybot.approvals.decided", "{request}",
            "Requests settled, by kind and outcome (approved, rejected, withdrawn).");
        _timeToDecision = meter.CreateHistogram("policybot.approvals.time_to_decision", "s",
            "From submission to approval, rejection or withdrawal, by kind and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DecisionBuckets });
    }

    public void Submitted(ApprovalRequest request) => _submitted.Add(1, new KeyValuePair<string, object?>("kind", request.Kind));

    /// <param name="settled">The request as stored with its <see cref="ApprovalRequest.DecidedAt"/>.</param>
    public void Decided(ApprovalRequest settled)
    {
        var tags = new TagList { { "kind", settled.Kind }, { "outcome", settled.Status } };
        _decided.Add(1, tags);
        if (settled.DecidedAt is { } decidedAt)
            _timeToDecision.Record((decidedAt - settled.RequestedAt).TotalSeconds, tags);
    }
}
