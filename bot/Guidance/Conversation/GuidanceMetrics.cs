using System.Diagnostics;
using System.Diagnostics.Metrics;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Telemetry;

namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>
/// What a trust's IT lead charts about guidance: answers by verdict, safeguarding reports raised, and whether the
/// alerts reached the contacts. Tags are the configured pack's own ids (pack, topic, role key) and fixed words; a
/// value that came back in card data and is not one of them is counted as <see cref="Other"/>, so no tag ever holds
/// text or grows without bound.
/// </summary>
public sealed class GuidanceMetrics
{
    public const string Other = "other";
    public const string None = "none";

    private readonly PolicyPack _pack;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _reports;
    private readonly Counter<long> _alerts;

    public GuidanceMetrics(IMeterFactory meters, PolicyPack pack)
    {
        _pack = pack;
        var meter = meters.Create(TelemetryExtensions.MeterName);
        _answers = meter.CreateCounter<long>("policybot.guidance.answers", "{answer}",
            "Guidance answers given, by pack, topic, verdict and whom the answer says to report to (report_to none: no report).");
        _reports = meter.CreateCounter<long>("policybot.guidance.reports_raised", "{report}",
            "Safeguarding reports raised with \"Tell … now\" on an answer, by pack and the role told.");
        _alerts = meter.CreateCounter<long>("policybot.safeguarding.alerts", "{alert}",
            "Safeguarding alert messages to the configured contacts, by pack and outcome (sent or failed).");
    }

    public void Answered(GuidanceResult result) => _answers.Add(1, new TagList
    {
        { "pack", Pack(result.Pack) },
        { "topic", Topic(result.Topic) },
        { "verdict", Verdict(result.Verdict) },
        { "report_to", result.Report ? Role(result.ReportTo) : None },
    });

    /// <param name="reportTo">The role's wording as the answer card showed it.</param>
    public void ReportRaised(string pack, string reportTo) => _reports.Add(1, new TagList
    {
        { "pack", Pack(pack) },
        { "role", Role(reportTo) },
    });

    public void AlertsSent(string pack, IEnumerable<SafeguardingDelivery> deliveries)
    {
        foreach (var delivery in deliveries)
            _alerts.Add(1, new KeyValuePair<string, object?>("pack", Pack(pack)), new("outcome", delivery.Delivered ? "sent" : "failed"));
    }

    private string Pack(string pack) => pack == _pack.Id ? pack : Other;

    private string Topic(string? topic) => topic is null ? None : _pack.Topics.ContainsKey(topic) ? topic : Other;

    private static string Verdict(string? verdict) => verdict is not null && Verdicts.All.Contains(verdict) ? verdict : Other;

    /// <summary>
    /// The role's key in the pack (<c>safeguardingLead</c>), found from its wording, which on a card may go on to name
    /// the academy and its leads ("… at Queen Emma's (J. Smith)"): those never become a tag.
    /// </summary>
    private string Role(string? wording) => wording is null
        ? Other
        : _pack.Roles.Where(role => wording.StartsWith(role.Value, StringComparison.Ordinal))
            .OrderByDescending(role => role.Value.Length).Select(role => role.Key).FirstOrDefault() ?? Other;
}
