using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TeamsPolicyBot.Dialogs;

public static class DialogsExtensions
{
    /// <summary>
    /// Conversation state, the dialog stack and <see cref="ChoicePrompt"/>. Needs table storage
    /// (<c>AddTableStorage</c>) and card templates (<c>AddCards</c>).
    /// </summary>
    public static WebApplicationBuilder AddDialogs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddOptions<DialogOptions>()
            .BindConfiguration(DialogOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddSingleton<ConversationStateStore>();
        services.AddHostedService<ConversationStateSweeper>();
        services.AddSingleton(provider => new DialogSet(
            provider.GetServices<Dialog>(),
            provider.GetService<DefaultDialog>() is { } defaultDialog ? ((Dialog)provider.GetRequiredService(defaultDialog.Type)).Id : null));
        services.AddSingleton<DialogManager>();
        services.AddDialog<ChoicePrompt>();
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="TDialog"/> (a singleton: keep per-conversation data in dialog state, not in fields)
    /// so dialogs can begin it by its id. Registering the same type again does nothing.
    /// </summary>
    public static IServiceCollection AddDialog<TDialog>(this IServiceCollection services)
        where TDialog : Dialog
    {
        if (services.Any(service => service.ServiceType == typeof(TDialog)))
            return services;
        services.AddSingleton<TDialog>();
        services.AddSingleton<Dialog>(provider => provider.GetRequiredService<TDialog>());
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TDialog"/> as the dialog begun for a message that no active dialog or command
    /// takes (the guidance question). There is at most one.
    /// </summary>
    public static IServiceCollection AddDefaultDialog<TDialog>(this IServiceCollection services)
        where TDialog : Dialog
    {
        if (services.FirstOrDefault(service => service.ServiceType == typeof(DefaultDialog))?.ImplementationInstance is DefaultDialog existing)
            throw new InvalidOperationException($"{existing.Type.Name} is already the default dialog; {typeof(TDialog).Name} cannot be too.");
        services.AddSingleton(new DefaultDialog(typeof(TDialog)));
        return services.AddDialog<TDialog>();
    }

    internal sealed record DefaultDialog(Type Type);
}
