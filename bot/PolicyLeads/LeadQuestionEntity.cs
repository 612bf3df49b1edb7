using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Guidance;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>The table row of one <see cref="LeadQuestion"/>; clause lists are kept as JSON.</summary>
internal sealed class LeadQuestionEntity : ITableEntity
{
    public const string Partition = "question";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Pack { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Because { get; set; } = "";
    public string Question { get; set; } = "";
    public string Note { get; set; } = "";
    public string BotVerdict { get; set; } = "";
    public string BotReason { get; set; } = "";
    public string BotClausesJson { get; set; } = "[]";
    public string AskerId { get; set; } = "";
    public string AskerName { get; set; } = "";
    public DateTimeOffset AskedAt { get; set; }
    public string Status { get; set; } = "";
    public string? AcademyId { get; set; }
    public string? ClaimedById { get; set; }
    public string? ClaimedByName { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? AnswerText { get; set; }
    public string? AnswerVerdict { get; set; }
    public string? AnswerClausesJson { get; set; }
    public string? AnsweredById { get; set; }
    public string? AnsweredByName { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public bool Reusable { get; set; }
    public bool Retired { get; set; }
    public bool Nudged { get; set; }
    public bool TextDeleted { get; set; }
    public string ServiceUrl { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string BotId { get; set; } = "";
    public string? BotName { get; set; }
    public string ConversationId { get; set; } = "";

    public static LeadQuestionEntity From(LeadQuestion question) => new()
    {
        RowKey = question.Id,
        Pack = question.Pack,
        Topic = question.Topic,
        Because = question.Because,
        Question = question.Question,
        Note = question.Note,
        BotVerdict = question.BotAnswer.Verdict,
        BotReason = question.BotAnswer.Reason,
        BotClausesJson = Json(question.BotAnswer.Clauses),
        AskerId = question.Asker.Id,
        AskerName = question.Asker.Name,
        AskedAt = question.AskedAt,
        Status = question.Status,
        AcademyId = question.AcademyId.Length > 0 ? question.AcademyId : null,
        ClaimedById = question.ClaimedBy?.Id,
        ClaimedByName = question.ClaimedBy?.Name,
        ClaimedAt = question.ClaimedAt,
        AnswerText = question.Answer?.Text,
        AnswerVerdict = question.Answer?.Verdict,
        AnswerClausesJson = question.Answer is { } answer ? Json(answer.Clauses) : null,
        AnsweredById = question.Answer?.By.Id,
        AnsweredByName = question.Answer?.By.Name,
        AnsweredAt = question.Answer?.At,
        Reusable = question.Answer?.Reusable ?? false,
        Retired = question.Answer?.Retired ?? false,
        Nudged = question.Nudged,
        TextDeleted = question.TextDeleted,
        ServiceUrl = question.Origin.ServiceUrl.ToString(),
        TenantId = question.Origin.TenantId,
        BotId = question.Origin.BotId,
        BotName = question.Origin.BotName,
        ConversationId = question.Origin.ConversationId,
    };

    public LeadQuestion ToQuestion() => new(
        RowKey,
        Pack,
        Topic,
        Because,
        Question,
        Note,
        new BotAnswer(BotVerdict, BotReason, Clauses(BotClausesJson)),
        new StaffMember(AskerId, AskerName),
        AskedAt,
        new RequestOrigin(new Uri(ServiceUrl), TenantId, BotId, BotName, ConversationId))
    {
        Status = Status,
        AcademyId = AcademyId ?? "",
        ClaimedBy = ClaimedById is null ? null : new StaffMember(ClaimedById, ClaimedByName ?? ""),
        ClaimedAt = ClaimedAt,
        Answer = AnsweredById is null || AnsweredAt is null ? null : new LeadAnswer(
            AnswerText ?? "", AnswerVerdict ?? "", Clauses(AnswerClausesJson), new StaffMember(AnsweredById, AnsweredByName ?? ""), AnsweredAt.Value)
        {
            Reusable = Reusable,
            Retired = Retired,
        },
        Nudged = Nudged,
        TextDeleted = TextDeleted,
    };

    private static string Json(IReadOnlyList<Citation> clauses) => JsonSerializer.Serialize(clauses, JsonSerializerOptions.Web);

    private static List<Citation> Clauses(string? json) =>
        json is { Length: > 0 } ? JsonSerializer.Deserialize<List<Citation>>(json, JsonSerializerOptions.Web) ?? [] : [];
}
