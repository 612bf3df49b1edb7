using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Outgoing;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Welcome;

namespace TeamsPolicyBot.Tests.Reminders;

/// <summary>
/// One bot instance's reminder services, wired exactly as Program wires them, over real storage and a
/// <see cref="FakeTeams"/>, without starting the host (so no scheduler runs: tests and the benchmark drive it).
/// Several rigs on the same table prefix behave like several instances of the bot.
/// </summary>
public sealed class CampaignRig : IAsyncDisposable
{
    public const string TenantId = "7c2d9f41-8a3b-4e5c-b6d7-0e1f2a3b4c5d";
    public const string BotId = "28:5b1c8e0a-3f7d-4a2e-9c61-2d8e4f7a9b10";

    private readonly WebApplication _app;

    private CampaignRig(WebApplication app) => _app = app;

    public static CampaignRig Create(string storageConnectionString, string tablePrefix, IDictionary<string, string?>? settings = null,
        TimeProvider? time = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        var configuration = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "",
            ["Bot:Retry:BaseDelay"] = "00:00:00.010",
            ["Bot:Retry:MaxDelay"] = "00:00:02",
            ["Storage:ConnectionString"] = storageConnectionString,
            ["Storage:TablePrefix"] = tablePrefix,
            ["Policy:Pack"] = "trinity",
            ["Bot:Pacing:RequestsPerSecond"] = "50",
            ["Reminders:RetryDelay"] = "00:00:00.100",
            ["Reminders:LeaseDuration"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddConnector<PolicyBot>();
        builder.AddTableStorage();
        builder.AddOutgoing();
        builder.AddCards();
        builder.AddDialogs();
        builder.AddGuidance();
        builder.AddWelcome();
        builder.AddReminders();
        if (time is not null)
            builder.Services.AddSingleton(time);
        return new CampaignRig(builder.Build());
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Tells the registry the bot was added to a team, as Teams' conversationUpdate does.</summary>
    public Task InstallInTeamAsync(Uri serviceUrl, string teamId, string teamName, CancellationToken cancellationToken = default) =>
        ObserveAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ServiceUrl = serviceUrl,
            Recipient = new ChannelAccount { Id = BotId, Name = "Policy Bot" },
            Conversation = new ConversationAccount { Id = teamId, ConversationType = ConversationTypes.Channel, TenantId = TenantId, IsGroup = true },
            MembersAdded = [new ChannelAccount { Id = BotId }],
            ChannelData = new TeamsChannelData
            {
                Team = new TeamInfo { Id = teamId, Name = teamName, AadGroupId = Guid.NewGuid().ToString() },
                Tenant = new TenantInfo { Id = TenantId },
                EventType = "teamMemberAdded",
            },
        }, cancellationToken);

    public async Task ObserveAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var turn = new TurnContext(activity, scope.ServiceProvider.GetRequiredService<ConnectorClient>(), scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<TargetRegistry>().OnInstallationActivityAsync(turn, cancellationToken);
    }

    public async Task<Campaign> StartCampaignAsync(CancellationToken cancellationToken = default) =>
        (await Get<CampaignStarter>().StartAsync("admin-object-id", cancellationToken)).Campaign;

    public async Task<CampaignRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CampaignRunner>().RunAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Delivery>> DeliveriesAsync(string campaignId)
    {
        var all = new List<Delivery>();
        await foreach (var delivery in Get<CampaignStore>().DeliveriesAsync(campaignId, CancellationToken.None))
            all.Add(delivery);
        return all;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
