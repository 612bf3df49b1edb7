using Microsoft.Extensions.Options;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;

namespace TeamsPolicyBot.Reminders;

/// <summary>"preview reminder": the reminder card, sent only to the administrator who asked (in their 1:1 chat).</summary>
public sealed class PreviewReminderCommand(IOptions<AdminOptions> admins, ReminderCard card, CampaignStarter starter, ProactiveMessenger messenger, TimeProvider time)
    : AdminCommand(admins, "preview reminder")
{
    protected override async Task RunAsAdminAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        var preview = card.Render(starter.CampaignIdFor(StaffTime.Today(time.GetUtcNow()).Year));
        if (turn.Activity.Conversation?.ConversationType is null or ConversationTypes.Personal)
        {
            await turn.SendCardAsync(preview, cancellationToken);
            return;
        }
        var sent = await messenger.SendToPersonAsync(turn.Activity.ServiceUrl!, turn.Activity.TenantId ?? "", turn.Activity.Recipient!,
            turn.Activity.From!.AadObjectId!, new Activity { Attachments = [preview] }, cancellationToken);
        await turn.SendTextAsync(sent.IsOk
            ? "I've sent you a preview of the reminder in our 1:1 chat."
            : "I couldn't open a 1:1 chat with you. Install me for yourself, or ask again in our 1:1 chat.", cancellationToken);
    }
}
