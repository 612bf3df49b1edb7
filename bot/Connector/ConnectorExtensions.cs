using Azure.Core;
using Azure.Identity;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TeamsPolicyBot.Connector;

public static partial class ConnectorExtensions
{
    /// <summary>The Bot Framework protocol: options, incoming auth, the connector client, and <typeparamref name="TBot"/> as the turn handler.</summary>
    public static WebApplicationBuilder AddConnector<TBot>(this WebApplicationBuilder builder)
        where TBot : ActivityHandler
    {
        ListenLocallyUnlessConfigured(builder);
        LogJsonUnlessDevelopment(builder);
        var services = builder.Services;
        services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(nameof(BotSigningKeys), http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<BotSigningKeys>();
        services.AddSingleton<BotAuthenticator>();

        services.AddConnectorClient();

        services.AddSingleton<ActivityHandler, TBot>();
        services.AddTransient<ProactiveMessenger>();
        services.AddSingleton<RunningTurns>();
        services.AddHostedService(sp => sp.GetRequiredService<RunningTurns>());
        services.AddOptions<HostOptions>().Configure<IOptions<BotOptions>>((host, bot) => host.ShutdownTimeout = bot.Value.ShutdownTimeout);
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<MessagesEndpoint>();
        services.AddHealthChecks();
        return builder;
    }

    /// <summary>
    /// <see cref="ConnectorClient"/> with its handlers: retries outermost, then the bot's token, so each try carries a
    /// current token, then the tenant's pace, so each try waits its turn right before it goes.
    /// Needs the <see cref="BotOptions"/>, a <see cref="TimeProvider"/> and logging.
    /// </summary>
    internal static IHttpClientBuilder AddConnectorClient(this IServiceCollection services)
    {
        services.AddSingleton(sp => CreateCredential(sp.GetRequiredService<IOptions<BotOptions>>().Value));
        services.AddSingleton<BotTokenCache>();
        services.AddSingleton<TenantPacer>();
        services.AddTransient<TenantPacingHandler>();
        // ConnectorClient logs what goes wrong itself; the factory's per-request log scopes only cost time.
        return services.AddHttpClient<ConnectorClient>()
            .RemoveAllLoggers()
            .AddConnectorRetry()
            .AddHttpMessageHandler(sp => new BotTokenHandler(
                sp.GetRequiredService<IOptions<BotOptions>>().Value.IsDevelopmentMode ? null : sp.GetRequiredService<BotTokenCache>()))
            .AddHttpMessageHandler<TenantPacingHandler>();
    }

    /// <summary>Maps <c>POST /api/messages</c> and <c>GET /healthz</c>.</summary>
    public static WebApplication MapBot(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<BotOptions>>().Value.IsDevelopmentMode)
            LogDevelopmentMode(app.Logger);
        app.MapPost("/api/messages", (HttpContext http, MessagesEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        return app;
    }

    /// <summary>
    /// With no address configured (<c>Urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>) the bot listens on
    /// loopback port 3978, where the Agents Playground looks for it; hosting sets its own address.
    /// </summary>
    private static void ListenLocallyUnlessConfigured(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"]) && string.IsNullOrEmpty(configuration["https_ports"]))
            builder.WebHost.UseUrls("http://127.0.0.1:3978");
    }

    /// <summary>
    /// Outside development, one JSON object per log line with its scopes (<see cref="TurnLogScope"/>), which App
    /// Service's log stream and Log Analytics can query by field.
    /// </summary>
    private static void LogJsonUnlessDevelopment(WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
            return;
        builder.Logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "O";
        });
    }

    private static TokenCredential CreateCredential(BotOptions bot) =>
        string.IsNullOrWhiteSpace(bot.ManagedIdentityClientId)
            ? new ClientSecretCredential(bot.TenantId, bot.AppId, bot.ClientSecret)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(bot.ManagedIdentityClientId));

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Bot:AppId is empty: DEVELOPMENT MODE. Incoming tokens are not checked; only loopback callers are accepted and replies go only to loopback service URLs. Set Bot:AppId before exposing this bot.")]
    private static partial void LogDevelopmentMode(ILogger logger);
}
