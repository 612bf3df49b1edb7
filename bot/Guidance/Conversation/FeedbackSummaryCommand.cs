using System.Text;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.PolicyLeads;

namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>
/// "feedback summary": the policy lead reads how staff rated the answers, and how many questions put to the policy
/// leads are open and answered, per topic of the configured pack.
/// </summary>
public sealed class FeedbackSummaryCommand(
    GuidanceFeedbackStore store, LeadQuestionStore questions, PolicyPack pack, IOptions<FeedbackSummaryOptions> options) : IBotCommand
{
    public const string NotAllowedText = "Only the policy lead can see the feedback summary.";

    public bool Matches(string text) => string.Join(' ', ChoiceRecognizer.Words(text)) == "feedback summary";

    public async Task RunAsync(DialogContext dialog, CancellationToken cancellationToken)
    {
        var turn = dialog.Context;
        if (turn.Activity.From?.AadObjectId is not { } reader
            || !options.Value.ReaderIds.Contains(reader, StringComparer.OrdinalIgnoreCase))
        {
            await turn.SendTextAsync(NotAllowedText, cancellationToken);
            return;
        }
        var counts = await store.CountsAsync(pack.Id, cancellationToken);
        await turn.SendTextAsync(Summary(pack.Id, counts) + "\n\n" + await QuestionSummaryAsync(cancellationToken), cancellationToken);
    }

    private async Task<string> QuestionSummaryAsync(CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, (int Open, int Answered)>(StringComparer.Ordinal);
        await foreach (var stored in questions.ForPackAsync(pack.Id, cancellationToken))
        {
            var (open, answered) = counts.GetValueOrDefault(stored.Question.Topic);
            counts[stored.Question.Topic] = stored.Question.IsAnswered ? (open, answered + 1) : (open + 1, answered);
        }
        if (counts.Count == 0)
            return "Nobody has asked the policy lead a question yet.";
        var text = new StringBuilder("Questions put to the policy lead, by topic:");
        foreach (var (topic, (open, answered)) in counts.OrderByDescending(c => c.Value.Open + c.Value.Answered))
            text.Append($"\n\n- {topic}: {open} open, {answered} answered");
        return text.ToString();
    }

    internal static string Summary(string packId, IReadOnlyList<FeedbackCount> counts)
    {
        if (counts.Count == 0)
            return $"Nobody has rated an answer from the {packId} pack yet.";
        var text = new StringBuilder($"\"Was this right?\" for the {packId} pack, by topic:");
        foreach (var count in counts)
            text.Append($"\n\n- {count.Topic}: {count.Helpful} yes, {count.NotHelpful} no");
        return text.ToString();
    }
}
