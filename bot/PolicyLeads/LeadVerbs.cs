namespace TeamsPolicyBot.PolicyLeads;

/// <summary>The Action.Execute verbs of "Ask the policy lead" and the policy lead cards.</summary>
public static class LeadVerbs
{
    public const string Ask = "policyLead.ask";
    public const string Refresh = "policyLead.refresh";
    public const string Claim = "policyLead.claim";
    public const string Answer = "policyLead.answer";
    public const string Retire = "policyLead.retire";
}
