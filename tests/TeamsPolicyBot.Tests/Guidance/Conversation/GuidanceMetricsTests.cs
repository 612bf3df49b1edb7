using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using TeamsPolicyBot.Guidance.Conversation;
using TeamsPolicyBot.Telemetry;

namespace TeamsPolicyBot.Tests.Guidance.Conversation;

/// <summary>A "Tell … now" press sends the answer's pack and role back as card data: what comes back is not trusted as a tag.</summary>
public sealed class GuidanceMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public void ReportRaised_PackAndRoleFromTheCard_TaggedByTheRoleKey()
    {
        var (metrics, reports) = Create();

        metrics.ReportRaised("fierte", "the designated senior leader for Child Protection");

        var report = Assert.Single(reports.GetMeasurementSnapshot());
        Assert.Equal(("fierte", "safeguardingLead"), ((string?)report.Tags["pack"], (string?)report.Tags["role"]));
    }

    [Fact]
    public void ReportRaised_RoleNamingTheAcademyAndItsLeads_TaggedByTheRoleKeyAlone()
    {
        var (metrics, reports) = Create();

        metrics.ReportRaised("fierte", "the designated senior leader for Child Protection at Queen Emma's (Jo Quillfeather)");

        var report = Assert.Single(reports.GetMeasurementSnapshot());
        Assert.Equal("safeguardingLead", (string?)report.Tags["role"]);
    }

    [Fact]
    public void ReportRaised_CardDataRewritten_TaggedOther()
    {
        var (metrics, reports) = Create();

        metrics.ReportRaised("Marigold Featherstonehaugh's pack", "Mrs Quillfeather in the office");

        var report = Assert.Single(reports.GetMeasurementSnapshot());
        Assert.Equal((GuidanceMetrics.Other, GuidanceMetrics.Other), ((string?)report.Tags["pack"], (string?)report.Tags["role"]));
    }

    private (GuidanceMetrics Metrics, MetricCollector<long> Reports) Create()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        var reports = new MetricCollector<long>(meters, TelemetryExtensions.MeterName, "policybot.guidance.reports_raised");
        return (new GuidanceMetrics(meters, Engines.For("fierte").Pack), reports);
    }

    public void Dispose() => _services.Dispose();
}
