using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using TeamsPolicyBot.Tests.Storage;

namespace TeamsPolicyBot.Tests.Infrastructure;

/// <summary>
/// The bot hosted in-process with configuration overrides. Starts in development mode (no app id), with
/// connector retries shortened for tests; feature tests add their own settings and services.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Bot:AppId"] = "",
        ["Bot:Retry:BaseDelay"] = "00:00:00.010",
        ["Bot:Retry:MaxDelay"] = "00:00:05",
        // Never a developer's Azurite on 10002: tests that store anything opt in with the Azurite fixture's account.
        ["Storage:ConnectionString"] = NoStorage,
    };

    /// <summary>Table storage on the discard port, where nothing answers: turns that need storage fail politely.</summary>
    public static readonly string NoStorage = Unreachable.ConnectionStringFor(port: 9);
    private readonly List<Action<IServiceCollection>> _services = [];
    private string _environment = "Development";
    private IServiceCollection? _registrations;

    /// <summary>The remote address the bot sees on requests (the in-process server has none of its own).</summary>
    public IPAddress CallerAddress { get; set; } = IPAddress.Loopback;

    public BotApp WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Hosts the bot as <paramref name="environment"/> (e.g. Production) instead of Development.</summary>
    public BotApp WithEnvironment(string environment)
    {
        _environment = environment;
        return this;
    }

    /// <summary>Stores in the test's Azurite, in tables named with <paramref name="tablePrefix"/> so tests never share data.</summary>
    public BotApp WithStorage(AzuriteFixture azurite, string tablePrefix) =>
        WithSetting("Storage:ConnectionString", azurite.ConnectionString).WithSetting("Storage:TablePrefix", tablePrefix);

    public BotApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public async Task<HttpResponseMessage> PostActivityAsync(JsonNode activity, string? bearerToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return await CreateClient().SendAsync(request);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // Host settings are visible while Program wires the bot (as environment variables are), app configuration only
        // once it is built, where it overrides appsettings.json: the settings go in both.
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            _registrations = services;
            services.AddSingleton<IStartupFilter>(new CallerAddressFilter(this));
            foreach (var configure in _services)
                configure(services);
        });
    }

    /// <summary>
    /// The bot's own entry point starts the host; the factory's host only waits for it to have started. When start-up
    /// fails (an invalid setting), the entry point disposes the host, and if it does so before the factory has looked at
    /// the host's services (on a loaded machine), the factory throws ObjectDisposedException in place of the bot's error.
    /// That error is then found again by doing what the host did before it failed, on the same registrations.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = builder.Build();
        try
        {
            host.Start();
        }
        catch (ObjectDisposedException) when (_registrations is { } registrations)
        {
            ThrowStartupFailure(registrations);
            throw;
        }
        return host;
    }

    /// <summary>Throws what stopped the host starting: a hosted service it could not make, or a setting start-up validation refused.</summary>
    private static void ThrowStartupFailure(IServiceCollection registrations)
    {
        using var services = registrations.BuildServiceProvider();
        _ = services.GetServices<IHostedService>().ToList();
        services.GetService<IStartupValidator>()?.Validate();
    }

    private sealed class CallerAddressFilter(BotApp app) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = app.CallerAddress;
                return nextMiddleware(context);
            });
            next(builder);
        };
    }
}
