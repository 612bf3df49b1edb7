using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TeamsPolicyBot.Connector;

/// <summary>
/// <c>GET /healthz</c> body: overall status and each check, with the reason for any that is not healthy.
/// The status code comes from ASP.NET Core: 200 healthy (or degraded), 503 unhealthy.
/// </summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext http, HealthReport report) =>
        http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(entry => new
            {
                name = entry.Key,
                status = entry.Value.Status.ToString(),
                reason = entry.Value.Status == HealthStatus.Healthy
                    ? null
                    : entry.Value.Description ?? entry.Value.Exception?.Message,
            }),
        }, ConnectorJson.Options, http.RequestAborted);
}
