using System.Text.Json;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Outgoing;

namespace TeamsPolicyBot.Cards;

/// <summary>Who gets a card: a new thread in <see cref="ChannelId"/> when there is one, otherwise each person 1:1.</summary>
/// <param name="People">Entra object ids.</param>
public sealed record CardAudience(IReadOnlyCollection<string> People, string? ChannelId = null, string? TeamId = null);

/// <summary>
/// Sends one card to many people (or a channel) and keeps every copy up to date, through the outbox: the caller's turn
/// only queues, each copy is recorded in the subject's <see cref="CardCopyStore"/> as it lands, and a copy that lands
/// after the subject changed is brought up to date at once. Used by approval requests and policy lead questions.
/// </summary>
public sealed class CardSender(Outbox outbox)
{
    /// <summary>The <see cref="CardCopyFollowUp"/>'s name in the outbox.</summary>
    public const string FollowUpName = "cardCopy";

    /// <summary>Queues the card for everyone in <paramref name="audience"/>.</summary>
    /// <returns>How many copies (or channel threads) were queued.</returns>
    public async Task<int> PostAsync(
        CardCopyStore copies, string subjectId, BotAddress from, CardAudience audience, Activity message, CancellationToken cancellationToken)
    {
        var then = new FollowUp(FollowUpName, JsonSerializer.Serialize(new CopiesOf(copies.Name, subjectId)));
        var batch = Batch(copies, subjectId);
        List<OutboxMessage> posts = audience.ChannelId is { Length: > 0 } channelId
            ? [new OutboxMessage(batch, "post|channel", Destination.ChannelThread(from, channelId, audience.TeamId), message) { Then = then }]
            : [.. audience.People.Select(person => new OutboxMessage(batch, "post|" + person, Destination.Person(from, person), message) { Then = then })];
        await outbox.QueueAsync(posts, cancellationToken);
        return posts.Count;
    }

    /// <summary>
    /// Makes <paramref name="card"/> what every copy shows and queues the updates.
    /// <paramref name="shownAlready"/> is the copy the person who changed it pressed: their invoke answers it.
    /// </summary>
    public async Task UpdateEveryCopyAsync(
        CardCopyStore copies, string subjectId, BotAddress from, Activity card, CardCopy? shownAlready, CancellationToken cancellationToken)
    {
        await copies.SetLatestAsync(subjectId, card, cancellationToken);
        var stored = await copies.CopiesOfAsync(subjectId, cancellationToken);
        await outbox.QueueLatestAsync(stored.Where(copy => copy != shownAlready).Select(copy => Update(copies, subjectId, from, copy, card)), cancellationToken);
    }

    /// <summary>Reminds the audience: a reply under each copy in the channel, or 1:1 to each person; now, or later if Teams does not take it.</summary>
    /// <returns>How many reminders Teams took now.</returns>
    public async Task<int> RemindAsync(
        CardCopyStore copies, string subjectId, BotAddress from, CardAudience audience, string text, CancellationToken cancellationToken)
    {
        var reminder = new Activity { Type = ActivityTypes.Message, Text = text };
        var batch = Batch(copies, subjectId);
        IEnumerable<OutboxMessage> reminders = audience.ChannelId is { Length: > 0 }
            ? (await copies.CopiesOfAsync(subjectId, cancellationToken)).Select(copy =>
                new OutboxMessage(batch, $"remind|{copy.ConversationId}|{copy.ActivityId}", Destination.Reply(from, copy.ConversationId, copy.ActivityId), reminder))
            : audience.People.Select(person => new OutboxMessage(batch, "remind|" + person, Destination.Person(from, person), reminder));
        var sent = await Task.WhenAll(reminders.Select(message => outbox.SendAsync(message, cancellationToken)));
        return sent.Count(result => result.Delivered);
    }

    /// <summary>The outbox batch of a subject's messages, e.g. <c>ApprovalCards|&lt;request id&gt;</c>.</summary>
    public static string Batch(CardCopyStore copies, string subjectId) => copies.Name + "|" + subjectId;

    internal static OutboxMessage Update(CardCopyStore copies, string subjectId, BotAddress from, CardCopy copy, Activity card) =>
        new(Batch(copies, subjectId), $"update|{copy.ConversationId}|{copy.ActivityId}", Destination.Update(from, copy.ConversationId, copy.ActivityId), card);

    internal sealed record CopiesOf(string Table, string Subject);
}
