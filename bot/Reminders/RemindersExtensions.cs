using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.People;

namespace TeamsPolicyBot.Reminders;

public static class RemindersExtensions
{
    /// <summary>
    /// The annual reminder: the registry of channels and group chats (fed by installation events), each team's
    /// reminder channel, campaigns and their scheduler, the reminder card's buttons, and the commands. Needs the
    /// connector, table storage, cards, dialogs, guidance (for the pack), Microsoft Graph (registered with approvals:
    /// team owners) and, for the report by academy, academies.
    /// </summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReminderOptions>()
            .BindConfiguration(ReminderOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !o.Problems().Any(), "Reminders: CheckInterval, LeaseDuration and RetryDelay must be positive (LeaseDuration at least 1 s).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<TargetRegistry>();
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<CampaignLease>();
        services.AddSingleton<AcknowledgementStore>();
        services.AddSingleton<NudgeLog>();
        services.AddSingleton<ReminderChannelStore>();
        services.AddSingleton<TeamOwners>();
        services.AddSingleton<CampaignSignal>();
        services.AddSingleton<ReminderCard>();
        services.AddSingleton<ReminderMetrics>();
        services.AddTransient<CampaignStarter>();
        services.AddTransient<CampaignRunner>();
        services.AddTransient<CampaignTargets>();
        services.AddTransient<ReminderAudience>();
        services.AddTransient<ReminderReports>();
        services.AddTransient<ReminderReportByAcademy>();
        services.AddTransient<Nudger>();
        services.AddHostedService<ReminderScheduler>();

        services.AddCardAction<ReminderCardActions>(ReminderCard.AcknowledgeVerb, ReminderCard.RefreshVerb);
        services.AddBotCommand<PreviewReminderCommand>();
        services.AddBotCommand<StartReminderCampaignCommand>();
        services.AddBotCommand<ReminderReportCommand>();
        services.AddBotCommand<PostRemindersHereCommand>();
        services.AddBotCommand<ReminderChannelCommand>();
        return builder;
    }
}
