using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Reminders;

/// <summary>
/// Owns the ReminderTargets table: every team channel and group chat the bot is installed in, kept current from
/// installation and channel events, from which <see cref="CampaignTargets"/> picks where a campaign posts.
/// </summary>
public sealed partial class TargetRegistry(BotTables tables, TimeProvider time, ILogger<TargetRegistry> logger)
{
    public const string TableName = "ReminderTargets";

    private readonly OwnedTable _table = new(tables, TableName);

    /// <summary>
    /// Called for every installationUpdate and conversationUpdate turn (the bot installed or removed, channels
    /// created or deleted), after the bot itself has handled it.
    /// </summary>
    public async Task OnInstallationActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var botId = activity.Recipient?.Id;
        if (activity.Type == ActivityTypes.InstallationUpdate)
        {
            if (activity.Action is InstallationActions.Add or InstallationActions.AddUpgrade)
                await RegisterAsync(activity, cancellationToken);
            else if (activity.Action == InstallationActions.Remove)
                await UnregisterAsync(activity, cancellationToken);
            return;
        }
        if (activity.Type != ActivityTypes.ConversationUpdate)
            return;

        switch (activity.ChannelData?.EventType)
        {
            case TeamsEvents.ChannelCreated or TeamsEvents.ChannelRenamed or TeamsEvents.ChannelRestored:
                await AddChannelAsync(activity, cancellationToken);
                return;
            case TeamsEvents.ChannelDeleted:
                if (activity.ChannelData.Channel?.Id is { Length: > 0 } channelId && activity.TenantId is { } tenantId)
                    await MarkRemovedAsync(tenantId, channelId, cancellationToken);
                return;
            case TeamsEvents.TeamDeleted:
                await UnregisterAsync(activity, cancellationToken);
                return;
        }
        if (activity.MembersAdded?.Any(m => m.Id == botId) == true)
            await RegisterAsync(activity, cancellationToken);
        else if (activity.MembersRemoved?.Any(m => m.Id == botId) == true)
            await UnregisterAsync(activity, cancellationToken);
    }

    /// <summary>Every conversation a campaign should post to.</summary>
    public async IAsyncEnumerable<ReminderTarget> ActiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await foreach (var target in table.QueryAsync<ReminderTarget>(TableClient.CreateQueryFilter($"Removed eq {false}"), cancellationToken: cancellationToken))
            yield return target;
    }

    public async Task<ReminderTarget?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        return await table.FindEntityAsync<ReminderTarget>(TableKey.Encode(tenantId), TableKey.Encode(conversationId), cancellationToken);
    }

    /// <summary>
    /// Records the team channel <paramref name="activity"/> was sent in (a team owner chose it for reminders). Merged
    /// into any row already there, so names known from Teams' events stay: a message carries neither.
    /// </summary>
    public async Task RememberChannelAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (Describe(activity) is not { TeamId: not null } installed || activity.ChannelData?.Channel is not { Id: { Length: > 0 } channelId } channel)
            return;
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(ToTarget(installed with { ConversationId = channelId, Name = channel.Name }), TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>The bot can no longer post there (uninstalled, deleted, or the connector said 403/404).</summary>
    public async Task MarkRemovedAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var row = new TableEntity(TableKey.Encode(tenantId), TableKey.Encode(conversationId))
        {
            [nameof(ReminderTarget.Removed)] = true,
            [nameof(ReminderTarget.UpdatedAt)] = time.GetUtcNow(),
        };
        try
        {
            await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Never registered: nothing to remove.
        }
    }

    /// <summary>
    /// Brings each registered team's channel list up to date from Teams (channels created or deleted while an event
    /// was missed); a team whose channels cannot be listed keeps the ones already known.
    /// </summary>
    public async Task RefreshChannelsAsync(ConnectorClient connector, CancellationToken cancellationToken)
    {
        var teams = new Dictionary<(string TenantId, string TeamId), List<ReminderTarget>>();
        await foreach (var target in ActiveAsync(cancellationToken))
        {
            if (target.TeamId is not { } teamId)
                continue;
            if (!teams.TryGetValue((target.TenantId, teamId), out var teamChannels))
                teams[(target.TenantId, teamId)] = teamChannels = [];
            teamChannels.Add(target);
        }
        foreach (var ((tenantId, teamId), knownChannels) in teams)
        {
            var known = knownChannels[0];
            var channels = await connector.GetChannelsAsync(new Uri(known.ServiceUrl), tenantId, teamId, cancellationToken);
            if (!channels.IsOk || channels.Value?.Conversations is not { } listed)
            {
                LogChannelsUnavailable(logger, channels.Status);
                continue;
            }
            var installed = new Installed(tenantId, known.ServiceUrl, known.BotId, known.BotName, teamId, known.TeamName, known.TeamAadGroupId,
                ConversationId: "", ReminderTarget.ChannelKind, Name: null);
            var current = listed.Where(c => !string.IsNullOrEmpty(c.Id)).DistinctBy(c => c.Id).ToList();
            await SaveAllAsync(current.Select(channel => installed with { ConversationId = channel.Id!, Name = channel.Name }), cancellationToken);
            var ids = current.Select(c => c.Id!).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in knownChannels.Where(c => !ids.Contains(c.ConversationId)))
                await MarkRemovedAsync(tenantId, stale.ConversationId, cancellationToken);
        }
    }

    /// <summary>
    /// Installed in a team: its General channel (whose id is the team's) is registered now; the other channels are
    /// listed from Teams when a campaign is prepared (<see cref="RefreshChannelsAsync"/>), keeping install turns quick.
    /// </summary>
    private async Task RegisterAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (Describe(activity) is not { } installed)
            return;
        if (installed.TeamId is { Length: > 0 } teamId)
            await SaveAsync(installed with { ConversationId = teamId, Name = null }, cancellationToken);
        else if (activity.Conversation?.ConversationType == ConversationTypes.GroupChat)
            await SaveAsync(installed with { ConversationId = activity.Conversation.Id!, Kind = ReminderTarget.GroupChatKind, Name = activity.Conversation.Name }, cancellationToken);
    }

    private async Task AddChannelAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (Describe(activity) is { TeamId: not null } installed && activity.ChannelData?.Channel is { Id: { Length: > 0 } channelId } channel)
            await SaveAsync(installed with { ConversationId = channelId, Name = channel.Name }, cancellationToken);
    }

    private async Task UnregisterAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.TenantId is not { } tenantId)
            return;
        if (activity.ChannelData?.Team?.Id is { Length: > 0 } teamId)
        {
            await foreach (var channel in TeamAsync(tenantId, teamId, cancellationToken))
                await MarkRemovedAsync(tenantId, channel.ConversationId, cancellationToken);
        }
        else if (activity.Conversation?.ConversationType == ConversationTypes.GroupChat && activity.Conversation.Id is { } chatId)
        {
            await MarkRemovedAsync(tenantId, chatId, cancellationToken);
        }
    }

    private async IAsyncEnumerable<ReminderTarget> TeamAsync(string tenantId, string teamId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(tenantId)} and TeamId eq {teamId}");
        await foreach (var target in table.QueryAsync<ReminderTarget>(filter, cancellationToken: cancellationToken))
            yield return target;
    }

    private async Task SaveAsync(Installed installed, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(ToTarget(installed), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Saves conversations of one tenant (one partition) up to 100 per transaction.</summary>
    private async Task SaveAllAsync(IEnumerable<Installed> conversations, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        foreach (var chunk in conversations.Chunk(100))
            await table.SubmitTransactionAsync(chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToTarget(c))), cancellationToken);
    }

    private ReminderTarget ToTarget(Installed installed) => new()
    {
        PartitionKey = TableKey.Encode(installed.TenantId),
        RowKey = TableKey.Encode(installed.ConversationId),
        ConversationId = installed.ConversationId,
        Kind = installed.Kind,
        TenantId = installed.TenantId,
        ServiceUrl = installed.ServiceUrl,
        BotId = installed.BotId,
        BotName = DisplayName(installed.BotName),
        TeamId = installed.TeamId,
        TeamName = DisplayName(installed.TeamName),
        TeamAadGroupId = installed.TeamAadGroupId,
        Name = DisplayName(installed.Name),
        Removed = false,
        UpdatedAt = time.GetUtcNow(),
    };

    private static Installed? Describe(Activity activity) =>
        activity is { TenantId: { } tenantId, ServiceUrl: { } serviceUrl, Recipient.Id: { Length: > 0 } botId }
            ? new Installed(tenantId, serviceUrl.AbsoluteUri, botId, activity.Recipient.Name,
                activity.ChannelData?.Team?.Id, activity.ChannelData?.Team?.Name, activity.ChannelData?.Team?.AadGroupId,
                ConversationId: "", ReminderTarget.ChannelKind, Name: null)
            : null;

    // Teams caps team and channel names at 256 characters; anything longer is not Teams', and must not fail the
    // row (Table Storage refuses a string property over 32K characters).
    private static string? DisplayName(string? name) => name is { Length: > 256 } ? name[..256] : name;

    private sealed record Installed(
        string TenantId, string ServiceUrl, string BotId, string? BotName,
        string? TeamId, string? TeamName, string? TeamAadGroupId,
        string ConversationId, string Kind, string? Name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not list a team's channels ({Status}); keeping the channels already known")]
    private static partial void LogChannelsUnavailable(ILogger logger, ConnectorStatus status);
}

/// <summary>Values of <c>channelData.eventType</c> on a Teams conversationUpdate that change where reminders go.</summary>
public static class TeamsEvents
{
    public const string ChannelCreated = "channelCreated";
    public const string ChannelDeleted = "channelDeleted";
    public const string ChannelRenamed = "channelRenamed";
    public const string ChannelRestored = "channelRestored";
    public const string TeamDeleted = "teamDeleted";
}
