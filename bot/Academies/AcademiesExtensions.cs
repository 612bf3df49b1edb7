using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Academies;

public static class AcademiesExtensions
{
    /// <summary>
    /// The trust's academies (<c>Academies:*</c>, each falling back to the trust-wide settings), which academy a member
    /// of staff is in (School Data Sync, an Entra attribute, or their choice), "my academy" and the academy picker.
    /// Needs <c>AddApprovals</c> (its Graph client), <c>AddGuidance</c>, <c>AddCards</c> and <c>AddTableStorage</c>.
    /// </summary>
    public static WebApplicationBuilder AddAcademies(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AcademiesOptions>()
            .BindConfiguration(AcademiesOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AcademiesOptions>, AcademiesOptionsValidator>();
        services.AddOptions<AcademyLookupOptions>()
            .BindConfiguration(AcademyLookupOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AcademyLookupOptions>, AcademyLookupOptionsValidator>();

        services.AddSingleton<TrustAcademies>();
        services.AddSingleton<AcademyChoiceStore>();
        services.AddSingleton<AcademyDirectory>();
        services.AddSingleton<AcademyPicker>();
        services.AddSingleton<AcademySafeguarding>();
        services.AddBotCommand<MyAcademyCommand>();
        services.AddCardAction<ChooseAcademyAction>(AcademyPicker.Verb);
        return builder;
    }

    // Each names the academy and the key to fix.
    private sealed class AcademiesOptionsValidator : IValidateOptions<AcademiesOptions>
    {
        public ValidateOptionsResult Validate(string? name, AcademiesOptions options) => Result(options.Problems());
    }

    private sealed class AcademyLookupOptionsValidator : IValidateOptions<AcademyLookupOptions>
    {
        public ValidateOptionsResult Validate(string? name, AcademyLookupOptions options) => Result(options.Problems());
    }

    private static ValidateOptionsResult Result(IEnumerable<string> problems) =>
        problems.ToList() is { Count: > 0 } list ? ValidateOptionsResult.Fail(list) : ValidateOptionsResult.Success;
}
