using System.Diagnostics;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TeamsPolicyBot.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The meter every feature's instruments belong to (<c>Guidance/GuidanceMetrics.cs</c> and the like).</summary>
    public const string MeterName = "TeamsPolicyBot";

    public const string ServiceName = "TeamsPolicyBot";

    /// <summary>Set by infra/main.bicep: traces, metrics and logs go to that Application Insights.</summary>
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>An OpenTelemetry collector (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_EXPORTER_OTLP_HEADERS</c> and the rest).</summary>
    public const string OtlpSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// OpenTelemetry for requests, outgoing calls (Bot Connector, table storage, Graph), logs and the features' metrics,
    /// exported to Application Insights, an OTLP collector, or both, as configured. With neither nothing is collected.
    /// Every span and log record passes <see cref="RedactingSpanProcessor"/> or <see cref="ExceptionRedactingProcessor"/>
    /// before an exporter sees it.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        var toAzureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration[AzureMonitorSetting]);
        var toCollector = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpSetting]);
        if (!toAzureMonitor && !toCollector)
            return builder;

        // Azure SDK clients' own operation spans (e.g. a table query) are experimental and off until switched on.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        // Through the metrics builder, not AddMeter: a host then sees only the instruments of its own IMeterFactory.
        builder.Metrics.EnableMetrics(MeterName);
        // App Service asks /healthz every minute; a span for each would bury the turns.
        services.Configure<AspNetCoreTraceInstrumentationOptions>(options => options.Filter = http => http.Request.Path != "/healthz");

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddProcessor<RedactingSpanProcessor>())
            .WithLogging(logging => logging.AddProcessor<ExceptionRedactingProcessor>(), options => options.IncludeScopes = true);
        if (toAzureMonitor)
        {
            // The distro adds the ASP.NET Core, HttpClient and Azure SDK instrumentation itself.
            telemetry.UseAzureMonitor();
            services.AddOptions<AzureMonitorOptions>().Configure<IOptions<TelemetryOptions>>((monitor, options) =>
            {
                if (!string.IsNullOrWhiteSpace(options.Value.ManagedIdentityClientId))
                    monitor.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.Value.ManagedIdentityClientId));
            });
        }
        else
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource("Azure.*")
                    .AddAspNetCoreInstrumentation()
                    // As the distro does: an Azure SDK call already has its own span around the HttpClient one.
                    .AddHttpClientInstrumentation(http => http.FilterHttpRequestMessage = _ => Activity.Current?.Parent?.Source.Name != "Azure.Core.Http"))
                .WithMetrics(metrics => metrics.AddMeter("Microsoft.AspNetCore.Hosting", "System.Net.Http"));
        }
        if (toCollector)
            telemetry.UseOtlpExporter();
        return builder;
    }
}
