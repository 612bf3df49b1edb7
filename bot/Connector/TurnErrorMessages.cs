namespace TeamsPolicyBot.Connector;

/// <summary>What staff are told when a turn fails with an exception of <see cref="ExceptionType"/> (or a subclass).</summary>
public sealed record TurnErrorMessage(Type ExceptionType, string Text)
{
    public const string Default = "Sorry, something went wrong on my side. Please try again.";
}

public static class TurnErrorMessageServiceCollectionExtensions
{
    /// <summary>
    /// Lets a capability word its own failures, e.g.
    /// <c>services.AddTurnErrorMessage&lt;StorageUnavailableException&gt;("I couldn't reach my storage, please try again in a minute.")</c>.
    /// </summary>
    public static IServiceCollection AddTurnErrorMessage<TException>(this IServiceCollection services, string text)
        where TException : Exception
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return services.AddSingleton(new TurnErrorMessage(typeof(TException), text));
    }
}
