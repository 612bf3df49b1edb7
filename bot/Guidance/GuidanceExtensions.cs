using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Guidance;

public static class GuidanceExtensions
{
    /// <summary>
    /// Registers the configured pack (<c>Policy:Pack</c>) and the <see cref="GuidanceEngine"/>. The pack is
    /// validated at start: the bot refuses to start with an invalid or missing pack, and says why.
    /// </summary>
    public static WebApplicationBuilder AddGuidance(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PolicyOptions>()
            .BindConfiguration(PolicyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PolicyOptions>, PackIsValid>();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<PolicyOptions>>().Value;
            var loaded = PolicyPackLoader.Load(options.Directory ?? PolicyPackLoader.DefaultDirectory, options.Pack);
            return loaded.Pack ?? throw new OptionsValidationException(PolicyOptions.Section, typeof(PolicyOptions), loaded.Errors.Select(e => e.ToString()));
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new GuidanceEngine(services.GetRequiredService<PolicyPack>(), services.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>Loads the configured pack at start and turns each mistake into a validation failure with its line.</summary>
    private sealed class PackIsValid : IValidateOptions<PolicyOptions>
    {
        public ValidateOptionsResult Validate(string? name, PolicyOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.Pack)) return ValidateOptionsResult.Skip;
            var directory = options.Directory ?? PolicyPackLoader.DefaultDirectory;
            var loaded = PolicyPackLoader.Load(directory, options.Pack);
            return loaded.IsValid
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(loaded.Errors.Select(e => $"Policy pack '{options.Pack}' ({Path.Combine(directory, options.Pack + ".yaml")}) {e}"));
        }
    }
}
