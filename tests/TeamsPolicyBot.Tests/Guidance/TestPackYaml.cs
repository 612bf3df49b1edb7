namespace TeamsPolicyBot.Tests.Guidance;

/// <summary>The lines every pack written in a test starts with (lines 1–10): id, trust, document, the four roles,
/// then <c>clauses:</c>; the test's own clauses, topics and reminder follow.</summary>
internal static class TestPackYaml
{
    public const string Header = """
        pack: test
        trust: Test Trust
        document:
          title: Social Media Policy
        roles:
          safeguardingLead: the DSL
          headteacher: the Headteacher
          postApprover: the Headteacher
          guidanceContact: the Headteacher
        clauses:
        """;
}
