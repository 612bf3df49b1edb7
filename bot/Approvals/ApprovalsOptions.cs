using System.ComponentModel.DataAnnotations;

namespace TeamsPolicyBot.Approvals;

/// <summary>Configuration section <c>Approvals</c>: who approves posts, where their cards go, when they are nudged.</summary>
public sealed class ApprovalsOptions
{
    public const string Section = "Approvals";

    /// <summary>The official accounts staff choose from; empty means the pack's <c>officialAccounts</c>.</summary>
    public List<string> Accounts { get; set; } = [];

    /// <summary>Entra ID group whose transitive members are the approvers, read with Microsoft Graph.</summary>
    [ProductionSetting]
    public string? ApproverGroupId { get; set; }

    /// <summary>Comma-separated Entra object ids of the approvers, used when no <see cref="ApproverGroupId"/> is set.</summary>
    public string? Approvers { get; set; }

    /// <summary>How long the group's members are remembered before Graph is asked again.</summary>
    public TimeSpan ApproverCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Client id of a user-assigned managed identity for Graph; empty means the system-assigned one.</summary>
    public string? GraphManagedIdentityClientId { get; set; }

    /// <summary>The approvers' channel (<c>19:…@thread.tacv2</c>); empty sends each approver the card 1:1.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The team of <see cref="ChannelId"/>, where the connector needs it.</summary>
    public string? TeamId { get; set; }

    /// <summary>A request still pending after this many hours is brought to the approvers' attention once.</summary>
    [Range(0.01, 24 * 365)]
    public double NudgeAfterHours { get; set; } = 24;

    /// <summary>How often the nudger looks for requests waiting too long.</summary>
    public TimeSpan NudgeCheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    public IReadOnlyList<string> ConfiguredApprovers() =>
        (Approvers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => id.ToLowerInvariant()).Distinct().ToList();

    public IEnumerable<string> Problems()
    {
        foreach (var id in ConfiguredApprovers().Where(id => !Guid.TryParse(id, out _)))
            yield return $"Approvals:Approvers: '{id}' is not an Entra object id (a GUID).";
        if (!string.IsNullOrWhiteSpace(ApproverGroupId) && !Guid.TryParse(ApproverGroupId, out _))
            yield return "Approvals:ApproverGroupId must be the Entra ID group's object id (a GUID).";
        if (ApproverCacheDuration < TimeSpan.Zero)
            yield return "Approvals:ApproverCacheDuration must not be negative.";
        if (NudgeCheckInterval <= TimeSpan.Zero)
            yield return "Approvals:NudgeCheckInterval must be positive.";
    }
}
