using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace TeamsPolicyBot.Tests.Telemetry;

/// <summary>
/// The in-memory exporters, added after the bot's own processors as Application Insights' and the collector's
/// exporters are: what they catch is what would leave the bot. Read it once the bot is stopped (metrics are
/// exported when the meter provider shuts down).
/// </summary>
public sealed class TelemetryCapture
{
    public List<Activity> Spans { get; } = [];
    public List<MetricSnapshot> Metrics { get; } = [];
    public List<LogRecord> Logs { get; } = [];

    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(Logs));
    }

    /// <summary>The last export of the metric named <paramref name="name"/>, as (tags, value) per point; values are cumulative.</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Tags, MetricPoint Point)> Points(string name)
    {
        var metric = Metrics.LastOrDefault(m => m.Name == name);
        Assert.True(metric is not null, $"no metric {name} was exported");
        return [.. metric.MetricPoints.Select(point => ((IReadOnlyDictionary<string, string>)Tags(point), point))];
    }

    /// <summary>Every string any span, log record or metric carries: names, attributes, events, scopes, exceptions, tags.</summary>
    public IEnumerable<string> Texts() => SpanTexts().Concat(LogTexts()).Concat(MetricTexts());

    private IEnumerable<string> SpanTexts() => Spans.SelectMany(span => new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
        .Concat(Pairs(span.TagObjects))
        .Concat(Pairs(span.Baggage.Select(b => new KeyValuePair<string, object?>(b.Key, b.Value))))
        .Concat(span.Events.SelectMany(e => Pairs(e.Tags).Prepend(e.Name)))
        .Concat(span.Links.SelectMany(l => Pairs(l.Tags ?? []))));

    private IEnumerable<string> LogTexts() => Logs.SelectMany(log =>
    {
        var texts = new List<string> { log.CategoryName ?? "", log.Body ?? "", log.FormattedMessage ?? "", log.EventId.Name ?? "", log.Exception?.ToString() ?? "" };
        texts.AddRange(Pairs(log.Attributes ?? []));
        log.ForEachScope((scope, list) =>
        {
            list.Add(scope.Scope?.ToString() ?? "");
            list.AddRange(Pairs(Values(scope)));
        }, texts);
        return texts;
    });

    private IEnumerable<string> MetricTexts() => Metrics.SelectMany(metric => new[] { metric.Name, metric.Description, metric.Unit, metric.MeterName }
        .Concat(metric.MetricPoints.SelectMany(point => Tags(point).Select(tag => $"{tag.Key}={tag.Value}"))));

    /// <summary>A log scope's named values.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> Values(LogRecordScope scope)
    {
        var values = new List<KeyValuePair<string, object?>>();
        foreach (var pair in scope)
            values.Add(pair);
        return values;
    }

    private static Dictionary<string, string> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, string>();
        foreach (var tag in point.Tags)
            tags[tag.Key] = tag.Value?.ToString() ?? "";
        return tags;
    }

    private static IEnumerable<string> Pairs(IEnumerable<KeyValuePair<string, object?>> pairs) =>
        pairs.Select(pair => $"{pair.Key}={pair.Value}");
}
