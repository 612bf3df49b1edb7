using TeamsPolicyBot.Outgoing;

namespace TeamsPolicyBot.Cards;

public static class CardsExtensions
{
    /// <summary>
    /// Registers <see cref="CardTemplates"/> over the <c>cards/</c> folder the build copies beside the app, and the
    /// <see cref="CardSender"/> (which needs <c>AddOutgoing</c>).
    /// </summary>
    public static WebApplicationBuilder AddCards(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new CardTemplates(Path.Combine(AppContext.BaseDirectory, "cards")));
        builder.Services.AddTransient<CardSender>();
        builder.Services.AddKeyedTransient<IOutboxFollowUp, CardCopyFollowUp>(CardSender.FollowUpName);
        return builder;
    }

    /// <summary>Registers a capability's <see cref="CardCopyStore"/>, also under its table name for <see cref="CardCopyFollowUp"/>.</summary>
    public static IServiceCollection AddCardCopyStore<TStore>(this IServiceCollection services, string tableName)
        where TStore : CardCopyStore
    {
        services.AddSingleton<TStore>();
        services.AddKeyedSingleton<CardCopyStore>(tableName, (provider, _) => provider.GetRequiredService<TStore>());
        return services;
    }
}
