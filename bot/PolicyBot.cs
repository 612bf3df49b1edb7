using System.Collections.Concurrent;
using System.Text.Json;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot;

/// <summary>The app's turn handler: welcomes staff when the bot is added, answers "help", and (soon) policy questions.</summary>
public sealed class PolicyBot(TimeProvider time, DialogManager dialogs) : ActivityHandler
{
    private readonly Attachment _welcomeCard = LoadWelcomeCard();
    private readonly RecentWelcomes _recentWelcomes = new(time);

    protected override async Task OnMessageActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Text.Length == 0)
            return;
        await dialogs.OnMessageAsync(turn, OnCommandOrQuestionAsync, cancellationToken);
    }

    /// <summary>A message no dialog was waiting for: a command, or else a question for the default dialog.</summary>
    private async Task OnCommandOrQuestionAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        if (turn.Text.Equals("help", StringComparison.OrdinalIgnoreCase))
            await turn.SendCardAsync(_welcomeCard, cancellationToken);
        else if (dialog.Dialogs.DefaultDialogId is { } question)
            await dialog.BeginDialogAsync(question, null, cancellationToken);
        else
            await turn.SendTextAsync("Thanks for your question. Policy guidance is coming soon; type \"help\" to see what I will do.", cancellationToken);
    }

    protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, TurnContext turn, CancellationToken cancellationToken) =>
        membersAdded.Any(member => member.Id == turn.Activity.Recipient?.Id)
            ? WelcomeAsync(turn, cancellationToken)
            : Task.CompletedTask;

    // An upgrade (add-upgrade) is not a new installation.
    protected override Task OnInstallationUpdateAddAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.Activity.Action == InstallationActions.Add ? WelcomeAsync(turn, cancellationToken) : Task.CompletedTask;

    private async Task WelcomeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (_recentWelcomes.TryMark(turn.Activity.Conversation!.Id!))
            await turn.SendCardAsync(_welcomeCard, cancellationToken);
    }

    /// <summary>The welcome card, as plain Adaptive Card JSON from <c>cards/welcome.json</c>.</summary>
    private static Attachment LoadWelcomeCard()
    {
        using var card = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cards", "welcome.json")));
        return new Attachment { ContentType = AttachmentContentTypes.AdaptiveCard, Content = card.RootElement.Clone() };
    }

    /// <summary>
    /// Teams announces one installation twice (installationUpdate and conversationUpdate), so a conversation
    /// welcomed in the last few minutes is not welcomed again.
    /// </summary>
    private sealed class RecentWelcomes(TimeProvider time)
    {
        private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
        private readonly ConcurrentDictionary<string, DateTimeOffset> _welcomedAt = new();

        public bool TryMark(string conversationId)
        {
            var now = time.GetUtcNow();
            foreach (var entry in _welcomedAt)
            {
                if (now - entry.Value > Window)
                    _welcomedAt.TryRemove(entry);
            }
            return _welcomedAt.TryAdd(conversationId, now);
        }
    }
}
