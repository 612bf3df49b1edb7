using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Welcome;

public static class WelcomeExtensions
{
    /// <summary>The welcome card (sent when the bot is installed, once per installation: <see cref="WelcomeLog"/>) and the "help" command that shows it again.</summary>
    public static WebApplicationBuilder AddWelcome(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WelcomeCard>();
        builder.Services.AddSingleton<WelcomeLog>();
        builder.Services.AddBotCommand<HelpCommand>();
        return builder;
    }
}
