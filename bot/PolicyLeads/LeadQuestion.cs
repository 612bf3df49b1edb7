using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Guidance;

namespace TeamsPolicyBot.PolicyLeads;

public static class QuestionStatus
{
    public const string Open = "open";
    public const string Claimed = "claimed";
    public const string Answered = "answered";
}

/// <summary>Why the member of staff asked: the pack had no rule for it, or they said the bot's answer was wrong.</summary>
public static class AskedBecause
{
    public const string Caution = "caution";
    public const string NotRight = "not-right";
}

/// <summary>What the bot answered, as the member of staff saw it: the verdict, the pack's words, the clauses quoted.</summary>
public sealed record BotAnswer(string Verdict, string Reason, IReadOnlyList<Citation> Clauses);

/// <summary>A policy lead's answer: their words, a verdict if one applies ("" when none), the clauses they cite.</summary>
public sealed record LeadAnswer(string Text, string Verdict, IReadOnlyList<Citation> Clauses, StaffMember By, DateTimeOffset At)
{
    /// <summary>The lead agreed it may be shown beside the rules' verdict for similar questions.</summary>
    public bool Reusable { get; init; }

    /// <summary>A lead took it out of reuse with "expert answers".</summary>
    public bool Retired { get; init; }
}

/// <summary>A question a member of staff put to the policy leads from a guidance answer.</summary>
/// <param name="Question">The question as typed; empty once <see cref="PolicyLeadsOptions.RetentionDays"/> have passed.</param>
public sealed record LeadQuestion(
    string Id,
    string Pack,
    string Topic,
    string Because,
    string Question,
    string Note,
    BotAnswer BotAnswer,
    StaffMember Asker,
    DateTimeOffset AskedAt,
    RequestOrigin Origin)
{
    public string Status { get; init; } = QuestionStatus.Open;

    /// <summary>The academy the question is from, whose policy leads answer it; empty for the trust's leads.</summary>
    public string AcademyId { get; init; } = "";

    public StaffMember? ClaimedBy { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public LeadAnswer? Answer { get; init; }

    /// <summary>Whether the leads have been reminded of it (at most once).</summary>
    public bool Nudged { get; init; }

    /// <summary>The question text, note and asker's name were deleted after the retention period.</summary>
    public bool TextDeleted { get; init; }

    public bool IsAnswered => Status == QuestionStatus.Answered;
}
