using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Tests.Guidance;

public class PackValidatorTests
{
    /// <summary>A small valid pack; each test breaks one line of it.</summary>
    private const string Valid = $$"""
        {{TestPackYaml.Header}}
          - id: no-pupils
            section: "3.1"
            heading: Personal use
            quote: Staff should not accept pupils as friends.
        topics:
          friend-request:
            - when: { person: current-pupil }
              verdict: no
              report: true
              reportTo: safeguardingLead
              cite: [no-pupils]
              answer: No.
              do: Tell {safeguardingLead}.
        reminder:
          date: 1 September
          summary:
            - point: No pupils as friends.
              cite: [no-pupils]
        """;

    [Fact]
    public void Parse_ValidPack_HasNoErrors()
    {
        var result = PolicyPackLoader.Parse(Valid, "test");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("the DSL", result.Pack!.Role("safeguardingLead"));
        Assert.Equal((9, 1), (result.Pack.Reminder.Month, result.Pack.Reminder.Day));
    }

    [Theory]
    [InlineData("cite: [no-pupils]\n      answer", "cite: [no-pupil]\n      answer", 17, "unknown clause id 'no-pupil'")]
    [InlineData("cite: [no-pupils]\n      answer", "cite: []\n      answer", 17, "must cite at least one clause")]
    [InlineData("    section: \"3.1\"\n", "", 11, "'section:' is required")]
    [InlineData("  friend-request:", "  friends:", 16, "unknown topic 'friends'")]
    [InlineData("{ person: current-pupil }", "{ requester: current-pupil }", 17, "unknown fact 'requester'")]
    [InlineData("{ person: current-pupil }", "{ person: pupil }", 17, "'pupil' is not a value of person")]
    [InlineData("verdict: no", "verdict: maybe", 18, "verdict must be one of")]
    [InlineData("      reportTo: safeguardingLead\n", "", 17, "report: true but not reportTo")]
    [InlineData("do: Tell {safeguardingLead}.", "do: Tell {dsl}.", 17, "{dsl} is not a role of this pack")]
    [InlineData("date: 1 September", "date: sometime", 25, "reminder date must be a day and month")]
    [InlineData("  guidanceContact: the Headteacher\n", "", 6, "role 'guidanceContact' is required")]
    [InlineData("      answer: No.", "      answr: No.", 22, "unknown field 'answr'")]
    public void Parse_OneMistake_ReportsItOnItsLine(string original, string replacement, int line, string message)
    {
        Assert.Contains(original, Valid);

        var result = PolicyPackLoader.Parse(Valid.Replace(original, replacement), "test");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Line == line && e.Message.Contains(message, StringComparison.Ordinal));
    }

    /// <summary><see cref="Valid"/> with a duty after its topics (the duty starts on line 25).</summary>
    private static readonly string WithDuty = Valid.Replace("reminder:", """
        duties:
          - when: { person: current-pupil, initiator: them }
            reportTo: safeguardingLead
            cite: [no-pupils]
            do: Tell {safeguardingLead}.
        reminder:
        """);

    [Fact]
    public void Parse_ValidDuty_IsRead()
    {
        var result = PolicyPackLoader.Parse(WithDuty, "test");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var duty = Assert.Single(result.Pack!.Duties);
        Assert.Equal(["person", "initiator"], duty.When.Select(c => c.Fact));
        Assert.Equal("safeguardingLead", duty.ReportTo);
    }

    [Theory]
    [InlineData("cite: [no-pupils]\n    do", "cite: [no-pupil]\n    do", 25, "duty cites unknown clause id 'no-pupil'")]
    [InlineData("cite: [no-pupils]\n    do", "cite: []\n    do", 25, "must cite the clause that lays it")]
    [InlineData("reportTo: safeguardingLead\n    cite", "reportTo: dsl\n    cite", 25, "duty reports to unknown role 'dsl'")]
    [InlineData("reportTo: safeguardingLead\n    cite", "cite", 25, "'reportTo:' is required in a duty")]
    [InlineData("{ person: current-pupil, initiator: them }", "{ person: current-pupil, starter: them }", 25, "unknown fact 'starter'")]
    [InlineData("{ person: current-pupil, initiator: them }", "{}", 25, "a duty needs 'when:'")]
    [InlineData("{safeguardingLead}.\nreminder:", "{safeguardingLead}.\n    unless: { ageUnder: 18 }\nreminder:", 25, "'unless:' takes facts, not ages")]
    [InlineData("do: Tell {safeguardingLead}.\nreminder:", "do: Tell {dsl}.\nreminder:", 25, "{dsl} is not a role of this pack")]
    [InlineData("do: Tell {safeguardingLead}.\nreminder:", "does: Tell {safeguardingLead}.\nreminder:", 28, "unknown field 'does' in a duty")]
    public void Parse_OneMistakeInADuty_ReportsItOnItsLine(string original, string replacement, int line, string message)
    {
        Assert.Equal(1, WithDuty.Split(original).Length - 1);
        var yaml = WithDuty.Replace(original, replacement, StringComparison.Ordinal);

        var result = PolicyPackLoader.Parse(yaml, "test");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Line == line && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DuplicateClauseId_NamesBothLines()
    {
        var yaml = Valid.Replace("topics:", """
              - id: no-pupils
                section: "3.2"
                heading: Again
                quote: Again.
            topics:
            """);

        var error = Assert.Single(PolicyPackLoader.Parse(yaml, "test").Errors);

        Assert.Equal(15, error.Line);
        Assert.Contains("duplicate clause id 'no-pupils' (first used on line 11)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadIndentation_ReportsTheLine()
    {
        var result = PolicyPackLoader.Parse(Valid.Replace("  title: Social Media Policy", "  title: Social Media Policy\n bad: indentation"), "test");

        var error = Assert.Single(result.Errors);
        Assert.Equal(5, error.Line);
        Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedBracket_IsAnErrorNotACrash()
    {
        var result = PolicyPackLoader.Parse(Valid.Replace("trust: Test Trust", "trust: [Test Trust"), "test");

        Assert.False(result.IsValid);
        Assert.StartsWith("not valid YAML", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IdDiffersFromFileName_IsAnError()
    {
        var result = PolicyPackLoader.Parse(Valid, "fierte");

        Assert.Contains(result.Errors, e => e.Line == 1 && e.Message.Contains("must match the file name 'fierte'", StringComparison.Ordinal));
    }
}
