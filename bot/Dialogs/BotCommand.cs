namespace TeamsPolicyBot.Dialogs;

/// <summary>
/// Something staff type to make the bot do a thing ("help", "my requests", "pending"), as opposed to a policy
/// question. Commands are tried in registration order, after cancel / start over; one that matches ends any
/// active dialog, because it is what the person wants now.
/// </summary>
public interface IBotCommand
{
    /// <summary>Whether <paramref name="text"/> (the message without the bot's @mention) is this command.</summary>
    bool Matches(string text);

    /// <summary>Runs the command; it may answer directly or begin a dialog on <paramref name="dialog"/>.</summary>
    Task RunAsync(DialogContext dialog, CancellationToken cancellationToken);
}

public static class BotCommandServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TCommand"/>, resolved once per turn.</summary>
    public static IServiceCollection AddBotCommand<TCommand>(this IServiceCollection services)
        where TCommand : class, IBotCommand =>
        services.AddScoped<IBotCommand, TCommand>();
}
