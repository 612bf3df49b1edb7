using System.Text.RegularExpressions;

namespace TeamsPolicyBot.Guidance.Packs;

/// <summary>One trust's social media policy as data: its clauses, roles and decision rules.</summary>
public sealed partial record PolicyPack(
    string Id,
    string Trust,
    PolicyDocument Document,
    IReadOnlyDictionary<string, string> Roles,
    IReadOnlyList<string> OfficialAccounts,
    IReadOnlyList<Clause> Clauses,
    IReadOnlyDictionary<string, IReadOnlyList<PackRule>> Topics,
    IReadOnlyList<PackDuty> Duties,
    Reminder Reminder)
{
    private readonly Dictionary<string, Clause> _clausesById =
        Clauses.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public Clause Clause(string id) => _clausesById[id];

    public IReadOnlyList<PackRule> RulesFor(string topic) =>
        Topics.TryGetValue(topic, out var rules) ? rules : [];

    /// <summary>The role's wording, e.g. "the designated senior leader for Child Protection".</summary>
    public string Role(string key) => Roles.TryGetValue(key, out var wording) ? wording : key;

    /// <summary>Replaces each {roleKey} in pack text with the role's wording.</summary>
    public string Fill(string text) => RolePlaceholder().Replace(text, m => Role(m.Groups[1].Value));

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    internal static partial Regex RolePlaceholder();
}

public sealed record PolicyDocument(string Title, string? Version, string? ReviewDate, string? Link);

/// <summary>Words of the policy the bot may quote; <see cref="Section"/> is exactly as the document prints it.</summary>
public sealed record Clause(string Id, string Section, string Heading, string Quote, int Line);

/// <summary>A fact condition in a rule's <c>when</c>: the fact must have one of the values.</summary>
public sealed record FactCondition(string Fact, IReadOnlyList<string> Values);

/// <summary>One row of a topic's decision table; the first rule whose conditions hold decides.</summary>
public sealed record PackRule(
    IReadOnlyList<FactCondition> When,
    int? AgeUnder,
    int? AgeAtLeast,
    string Verdict,
    bool Report,
    string? ReportTo,
    IReadOnlyList<string> Cite,
    string Answer,
    string Do,
    int Line);

/// <summary>
/// A duty to report that the policy lays on staff whenever a situation's facts meet <see cref="When"/> (and not
/// <see cref="Unless"/>), whatever the question is about: "any communication received from children on personal
/// social media must be reported to the DSL".
/// </summary>
public sealed record PackDuty(
    IReadOnlyList<FactCondition> When,
    int? AgeUnder,
    int? AgeAtLeast,
    IReadOnlyList<FactCondition> Unless,
    string ReportTo,
    IReadOnlyList<string> Cite,
    string Do,
    int Line);

public sealed record Reminder(string Date, int Month, int Day, IReadOnlyList<ReminderPoint> Summary);

public sealed record ReminderPoint(string Point, IReadOnlyList<string> Cite, int Line);
