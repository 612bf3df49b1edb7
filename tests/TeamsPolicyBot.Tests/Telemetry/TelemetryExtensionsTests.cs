using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TeamsPolicyBot.Telemetry;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Telemetry;

public class TelemetryExtensionsTests
{
    [Fact]
    public async Task AddTelemetry_NoExporterConfigured_CollectsNothing()
    {
        await using var bot = new BotApp();

        Assert.Null(bot.Services.GetService<TracerProvider>());
        Assert.Null(bot.Services.GetService<MeterProvider>());
        Assert.DoesNotContain(bot.Services.GetServices<ILoggerProvider>(), provider => provider.GetType().Namespace!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddTelemetry_CollectorConfigured_TracesAndMeasures()
    {
        await using var bot = new BotApp().WithSetting(TelemetryExtensions.OtlpSetting, "http://127.0.0.1:9");

        Assert.NotNull(bot.Services.GetService<TracerProvider>());
        Assert.NotNull(bot.Services.GetService<MeterProvider>());
    }

    // The app is built but never started: starting the Azure Monitor distro would ask Azure's instance metadata service about the machine.
    [Fact]
    public void AddTelemetry_ApplicationInsightsAndIdentityClientId_SignsInAsThatIdentity()
    {
        using var app = BuildWith(new() { ["Telemetry:ManagedIdentityClientId"] = "3f0c2d1e-8b7a-4c6d-9e5f-1a2b3c4d5e6f" });

        Assert.IsType<ManagedIdentityCredential>(app.Services.GetRequiredService<IOptionsMonitor<AzureMonitorOptions>>().Get(Options.DefaultName).Credential);
    }

    [Fact]
    public void AddTelemetry_ApplicationInsightsWithoutIdentity_UsesTheConnectionStringAlone()
    {
        using var app = BuildWith([]);

        var options = app.Services.GetRequiredService<IOptionsMonitor<AzureMonitorOptions>>().Get(Options.DefaultName);
        Assert.Null(options.Credential);
        Assert.Equal(ConnectionString, options.ConnectionString);
    }

    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";

    private static WebApplication BuildWith(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        settings[TelemetryExtensions.AzureMonitorSetting] = ConnectionString;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTelemetry();
        return builder.Build();
    }
}
