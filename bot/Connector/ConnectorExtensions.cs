using Azure.Core;
using Azure.Identity;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TeamsPolicyBot.Connector;

public static partial class ConnectorExtensions
{
    public const string DefaultUrls = "http://127.0.0.1:3978";

    /// <summary>The Bot Framework protocol: options, incoming auth, the connector client, and <typeparamref name="TBot"/> as the turn handler.</summary>
    public static WebApplicationBuilder AddConnector<TBot>(this WebApplicationBuilder builder)
        where TBot : ActivityHandler
    {
        // Lowest precedence, so ASPNETCORE_URLS, Urls in appsettings and --urls all override it
        // (a Urls entry in appsettings.json would itself override ASPNETCORE_URLS).
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new KeyValuePair<string, string?>(WebHostDefaults.ServerUrlsKey, DefaultUrls)],
        });

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

        services.AddSingleton(sp => CreateCredential(sp.GetRequiredService<IOptions<BotOptions>>().Value));
        services.AddSingleton<BotTokenCache>();
        services.AddTransient<ConnectorRetryHandler>();
        services.AddHttpClient<ConnectorClient>()
            .AddHttpMessageHandler<ConnectorRetryHandler>()
            .AddHttpMessageHandler(sp => new BotTokenHandler(
                sp.GetRequiredService<IOptions<BotOptions>>().Value.IsDevelopmentMode ? null : sp.GetRequiredService<BotTokenCache>()));

        services.AddSingleton<ActivityHandler, TBot>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<MessagesEndpoint>();
        services.AddHealthChecks();
        return builder;
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

    private static TokenCredential CreateCredential(BotOptions bot) =>
        string.IsNullOrWhiteSpace(bot.ManagedIdentityClientId)
            ? new ClientSecretCredential(bot.TenantId, bot.AppId, bot.ClientSecret)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(bot.ManagedIdentityClientId));

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Bot:AppId is empty: DEVELOPMENT MODE. Incoming tokens are not checked; only loopback callers are accepted and replies go only to loopback service URLs. Set Bot:AppId before exposing this bot.")]
    private static partial void LogDevelopmentMode(ILogger logger);
}
