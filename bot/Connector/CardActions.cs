namespace TeamsPolicyBot.Connector;

/// <summary>Handles the Universal Action (Action.Execute) verbs it was registered for with <see cref="CardActionServiceCollectionExtensions.AddCardAction{THandler}"/>.</summary>
public interface ICardActionHandler
{
    Task<AdaptiveCardInvokeResponse> HandleAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken cancellationToken);
}

public static class CardActionServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="THandler"/> as the one handler of each verb; a verb registered twice fails at start-up.</summary>
    public static IServiceCollection AddCardAction<THandler>(this IServiceCollection services, params string[] verbs)
        where THandler : class, ICardActionHandler
    {
        if (verbs.Length == 0)
            throw new ArgumentException($"{typeof(THandler).Name} must handle at least one verb.", nameof(verbs));
        foreach (var verb in verbs)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(verb, nameof(verbs));
            var existing = services.FirstOrDefault(d => d.ServiceType == typeof(ICardActionHandler) && d.IsKeyedService && Equals(d.ServiceKey, verb));
            if (existing is not null)
                throw new InvalidOperationException(
                    $"Card action verb '{verb}' is already handled by {existing.KeyedImplementationType?.Name}; {typeof(THandler).Name} cannot handle it too.");
            services.AddKeyedScoped<ICardActionHandler, THandler>(verb);
        }
        return services;
    }
}
