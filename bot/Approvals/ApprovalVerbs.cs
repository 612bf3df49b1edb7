namespace TeamsPolicyBot.Approvals;

/// <summary>The Action.Execute verbs of the approval cards.</summary>
public static class ApprovalVerbs
{
    public const string SubmitPost = "approval.submit";
    public const string SubmitAccount = "approval.submitAccount";
    public const string Decide = "approval.decide";
    public const string Refresh = "approval.refresh";
    public const string Withdraw = "approval.withdraw";
    public const string OpenPhoto = "approval.photo";
}
