namespace TeamsPolicyBot.Approvals;

/// <summary>Configuration section <c>Admin</c>: who may run admin commands such as the approvals export.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Comma-separated Entra object ids of the policy lead and other admins.</summary>
    [ProductionSetting]
    public string? Users { get; set; }

    public bool IsAdmin(string? aadObjectId) =>
        aadObjectId is not null && ApprovalsOptions.SplitIds(Users).Contains(aadObjectId.ToLowerInvariant());
}
