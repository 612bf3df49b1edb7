namespace TeamsPolicyBot.Cards;

public static class CardsExtensions
{
    /// <summary>Registers <see cref="CardTemplates"/> over the <c>cards/</c> folder the build copies beside the app.</summary>
    public static WebApplicationBuilder AddCards(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new CardTemplates(Path.Combine(AppContext.BaseDirectory, "cards")));
        return builder;
    }
}
