using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace TeamsPolicyBot.Approvals;

/// <summary>The table row of one <see cref="ApprovalRequest"/>; fields and warnings are kept as JSON.</summary>
internal sealed class ApprovalRequestEntity : ITableEntity
{
    public const string Partition = "request";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Status { get; set; } = "";

    /// <summary>Null in rows written before academies: those are the trust's.</summary>
    public string? AcademyId { get; set; }
    public string FieldsJson { get; set; } = "[]";
    public string WarningsJson { get; set; } = "[]";
    /// <summary>Null in rows without photos (and those written before photos).</summary>
    public string? PhotosJson { get; set; }
    public string RequesterId { get; set; } = "";
    public string RequesterName { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string? DeciderId { get; set; }
    public string? DeciderName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Comment { get; set; }
    public bool Nudged { get; set; }
    public string ServiceUrl { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string BotId { get; set; } = "";
    public string? BotName { get; set; }
    public string ConversationId { get; set; } = "";

    public static ApprovalRequestEntity From(ApprovalRequest request) => new()
    {
        RowKey = request.Id,
        Kind = request.Kind,
        Title = request.Title,
        Status = request.Status,
        AcademyId = request.AcademyId.Length > 0 ? request.AcademyId : null,
        FieldsJson = JsonSerializer.Serialize(request.Fields, JsonSerializerOptions.Web),
        WarningsJson = JsonSerializer.Serialize(request.Warnings, JsonSerializerOptions.Web),
        PhotosJson = request.Photos.Count > 0 ? JsonSerializer.Serialize(request.Photos, JsonSerializerOptions.Web) : null,
        RequesterId = request.Requester.Id,
        RequesterName = request.Requester.Name,
        RequestedAt = request.RequestedAt,
        DeciderId = request.DecidedBy?.Id,
        DeciderName = request.DecidedBy?.Name,
        DecidedAt = request.DecidedAt,
        Comment = request.Comment,
        Nudged = request.Nudged,
        ServiceUrl = request.Origin.ServiceUrl.ToString(),
        TenantId = request.Origin.TenantId,
        BotId = request.Origin.BotId,
        BotName = request.Origin.BotName,
        ConversationId = request.Origin.ConversationId,
    };

    public ApprovalRequest ToRequest() => new(
        RowKey,
        Kind,
        Title,
        JsonSerializer.Deserialize<List<RequestField>>(FieldsJson, JsonSerializerOptions.Web) ?? [],
        JsonSerializer.Deserialize<List<PolicyNote>>(WarningsJson, JsonSerializerOptions.Web) ?? [],
        new StaffMember(RequesterId, RequesterName),
        RequestedAt,
        new RequestOrigin(new Uri(ServiceUrl), TenantId, BotId, BotName, ConversationId))
    {
        Status = Status,
        AcademyId = AcademyId ?? "",
        DecidedBy = DeciderId is null ? null : new StaffMember(DeciderId, DeciderName ?? ""),
        DecidedAt = DecidedAt,
        Comment = Comment,
        Nudged = Nudged,
        Photos = PhotosJson is null ? [] : JsonSerializer.Deserialize<List<RequestPhoto>>(PhotosJson, JsonSerializerOptions.Web) ?? [],
    };
}
