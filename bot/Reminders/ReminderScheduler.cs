using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// Every <see cref="ReminderOptions.CheckInterval"/> (or when poked): starts the year's campaign on the pack's date,
/// sends whatever any campaign has left to send (on one instance only), and nudges staff who have not acknowledged.
/// </summary>
public sealed partial class ReminderScheduler(
    IServiceScopeFactory scopes, CampaignSignal signal, IOptions<ReminderOptions> options, IOptions<BotOptions> bot, TimeProvider time,
    ILogger<ReminderScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await CheckAsync(stoppingToken);
                await signal.WaitAsync(options.Value.CheckInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            // A development instance posts reminders only when an administrator asks, never by itself.
            if (options.Value.StartOnReminderDate && !bot.Value.IsDevelopmentMode)
                await services.GetRequiredService<CampaignStarter>().StartIfDueAsync(cancellationToken);
            await services.GetRequiredService<CampaignRunner>().RunAsync(cancellationToken);
            if (options.Value.NudgeAfterDays > 0)
                await services.GetRequiredService<Nudger>().NudgeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder check failed; trying again at the next check")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
