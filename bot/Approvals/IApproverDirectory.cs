namespace TeamsPolicyBot.Approvals;

/// <summary>Who may approve requests right now: Entra object ids, lower case.</summary>
public interface IApproverDirectory
{
    Task<IReadOnlySet<string>> GetApproversAsync(CancellationToken cancellationToken);
}

/// <summary>The approvers listed in <c>Approvals:Approvers</c>: for local runs, tests and small schools without a group.</summary>
public sealed class ConfiguredApprovers(Microsoft.Extensions.Options.IOptions<ApprovalsOptions> options) : IApproverDirectory
{
    private readonly IReadOnlySet<string> _approvers = options.Value.ConfiguredApprovers().ToHashSet(StringComparer.OrdinalIgnoreCase);

    public Task<IReadOnlySet<string>> GetApproversAsync(CancellationToken cancellationToken) => Task.FromResult(_approvers);
}
