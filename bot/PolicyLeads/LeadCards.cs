using System.Text.Json;
using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>How one person sees a question's card: with Claim, with the answer form, or just its state.</summary>
public sealed record QuestionView(bool CanClaim = false, bool CanAnswer = false, string Headline = "", string Notice = "")
{
    public static QuestionView Everyone { get; } = new();
}

/// <summary>Binds the policy lead cards (cards/policy-lead-*.json) to questions, and the pack's clauses to citations.</summary>
public sealed class LeadCards(CardTemplates templates, PolicyPack pack, TrustAcademies trust)
{
    public const string QuestionCard = "policy-lead-question";
    public const string AnswersCard = "policy-lead-answers";

    /// <summary>The value of "No verdict" and "No clause" in the answer form's lists.</summary>
    public const string None = "none";

    private const int MaxRefreshUsers = 60;

    public Attachment Question(LeadQuestion question, IReadOnlySet<string> leads, QuestionView view) =>
        templates.RenderAttachment(QuestionCard, new
        {
            questionId = question.Id,
            headline = view.Headline,
            because = question.Because == AskedBecause.NotRight
                ? "They said the bot's answer was not right."
                : $"The {pack.Document.Title} has no rule that settles it.",
            asker = Asker(question),
            askedAt = ApprovalCards.When(question.AskedAt),
            question = question.TextDeleted ? "(The question was deleted after the retention period.)" : question.Question,
            note = question.Note,
            botVerdict = VerdictWords(question.BotAnswer.Verdict),
            botReason = question.BotAnswer.Reason,
            botClauses = question.BotAnswer.Clauses,
            status = question.Status,
            statusText = StatusText(question),
            notice = view.Notice,
            answer = question.Answer?.Text ?? "",
            answerVerdict = question.Answer is { Verdict.Length: > 0 } answer ? VerdictWords(answer.Verdict) : "",
            answerClauses = question.Answer?.Clauses ?? [],
            reuseText = question.Answer switch
            {
                { Reusable: true, Retired: true } => "This answer was shown for similar questions until it was retired.",
                { Reusable: true } => "This answer is shown beside the policy's answer to similar questions.",
                _ => "",
            },
            canClaim = view.CanClaim && question.Status == QuestionStatus.Open,
            canAnswer = view.CanAnswer && !question.IsAnswered,
            verdictChoices = Verdicts.All.Prepend(None).Select(v => new { title = v == None ? "No verdict" : VerdictWords(v), value = v }).ToList(),
            clauseChoices = pack.Clauses.Select(c => new { title = $"{c.Section} {c.Heading}: {Opening(c.Quote)}", value = c.Id })
                .Prepend(new { title = "No clause", value = None }).ToList(),
            refreshUserIds = leads.Order(StringComparer.Ordinal).Take(MaxRefreshUsers).Select(ApprovalCards.UserMri).ToList(),
        });

    public JsonElement QuestionJson(LeadQuestion question, IReadOnlySet<string> leads, QuestionView view) =>
        Question(question, leads, view).Content!.Value;

    /// <summary>The reusable answers, each with "Retire".</summary>
    public Attachment Answers(IEnumerable<LeadQuestion> answered) =>
        templates.RenderAttachment(AnswersCard, new
        {
            heading = "Answers shown for similar questions",
            emptyText = "No policy lead answer is being reused. Tick \"Use this answer for similar questions\" when you answer one.",
            items = answered.Select(q => new
            {
                questionId = q.Id,
                topic = q.Topic,
                answeredBy = q.Answer!.By.Name,
                answeredAt = ApprovalCards.When(q.Answer.At),
                answer = q.Answer.Text,
            }).ToList(),
        });

    /// <summary>The pack's own wording of the clauses with these ids; unknown ids (forged card data) are dropped.</summary>
    public IReadOnlyList<Citation> Clauses(IEnumerable<string> clauseIds)
    {
        var wanted = clauseIds.ToHashSet(StringComparer.Ordinal);
        return pack.Clauses.Where(c => wanted.Contains(c.Id)).Select(c => new Citation(c.Section, c.Heading, c.Quote)).ToList();
    }

    /// <summary>The pack's own wording of clauses a card quoted, matched by section and quote; anything else is dropped.</summary>
    public IReadOnlyList<Citation> KnownCitations(IEnumerable<Citation> quoted) =>
        quoted.Select(q => pack.Clauses.FirstOrDefault(c => c.Section == q.Section && c.Quote == q.Quote))
            .OfType<Clause>()
            .Distinct()
            .Select(c => new Citation(c.Section, c.Heading, c.Quote))
            .ToList();

    /// <summary>"Sam Taylor", or "Sam Taylor (Queen Emma's Primary School)" when the trust has academies.</summary>
    private string Asker(LeadQuestion question)
    {
        var name = question.TextDeleted ? "A member of staff" : question.Asker.Name;
        return trust.Find(question.AcademyId) is { } academy ? $"{name} ({academy.Name})" : name;
    }

    public static string StatusText(LeadQuestion question) => question.Status switch
    {
        QuestionStatus.Answered => $"Answered by {question.Answer?.By.Name} on {ApprovalCards.When(question.Answer?.At)}",
        QuestionStatus.Claimed => $"Claimed by {question.ClaimedBy?.Name} on {ApprovalCards.When(question.ClaimedAt)}",
        _ => "Waiting for a policy lead",
    };

    /// <summary>Clauses often share a section and heading: the quote's first words tell them apart in the list.</summary>
    private static string Opening(string quote)
    {
        if (quote.Length <= 60)
            return quote;
        var space = quote.LastIndexOf(' ', 60);
        return quote[..(space > 0 ? space : 60)] + "…";
    }

    public static string VerdictWords(string verdict) => verdict switch
    {
        Verdicts.Yes => "Yes",
        Verdicts.No => "No",
        Verdicts.AskFirst => "Ask first",
        _ => "Use caution",
    };
}
