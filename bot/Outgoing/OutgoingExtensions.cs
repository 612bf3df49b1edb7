using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TeamsPolicyBot.Outgoing;

public static class OutgoingExtensions
{
    /// <summary>
    /// The durable outbox (table <c>Outbox</c>) and its worker, which every instance runs. Needs <c>AddConnector</c> and
    /// <c>AddTableStorage</c>. Follow-ups are added by the capabilities that use them.
    /// </summary>
    public static WebApplicationBuilder AddOutgoing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<FollowUps>();
        services.AddTransient<OutboxSender>();
        services.AddTransient<Outbox>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxWorker>());
        return builder;
    }

    private sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
    {
        public ValidateOptionsResult Validate(string? name, OutboxOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
