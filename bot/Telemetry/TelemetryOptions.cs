namespace TeamsPolicyBot.Telemetry;

/// <summary>
/// Configuration section <c>Telemetry</c>. Where telemetry goes is set by the standard variables
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> and <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (see <see cref="TelemetryExtensions"/>).
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// Client id of the bot's user-assigned managed identity: telemetry is sent to Application Insights signed in as it
    /// (the resource then needs no instrumentation key, local auth off). Empty: the connection string's key alone.
    /// </summary>
    [ProductionSetting]
    public string ManagedIdentityClientId { get; set; } = "";
}
