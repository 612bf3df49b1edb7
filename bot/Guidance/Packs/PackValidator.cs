using System.Text.RegularExpressions;

namespace TeamsPolicyBot.Guidance.Packs;

/// <summary>Checks that a read pack refers to itself correctly: clause ids, citations, roles, placeholders.</summary>
internal static partial class PackValidator
{
    public static readonly IReadOnlyList<string> RequiredRoles = ["safeguardingLead", "headteacher", "postApprover", "guidanceContact"];

    public static IEnumerable<PackError> Validate(PolicyPack pack, string? expectedId)
    {
        if (expectedId is not null && pack.Id.Length > 0 && pack.Id != expectedId)
            yield return new PackError(1, $"pack id '{pack.Id}' must match the file name '{expectedId}'");

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var clause in pack.Clauses.Where(c => c.Id.Length > 0))
        {
            if (!ClauseId().IsMatch(clause.Id))
                yield return new PackError(clause.Line, $"clause id '{clause.Id}' may use only lowercase letters, digits and hyphens");
            if (seen.TryGetValue(clause.Id, out var first))
                yield return new PackError(clause.Line, $"duplicate clause id '{clause.Id}' (first used on line {first})");
            else
                seen[clause.Id] = clause.Line;
        }

        foreach (var (topic, rules) in pack.Topics)
        {
            foreach (var rule in rules)
            {
                foreach (var id in rule.Cite.Where(id => !seen.ContainsKey(id)))
                    yield return new PackError(rule.Line, $"rule in '{topic}' cites unknown clause id '{id}'");
                if (rule.Report && rule.ReportTo is null)
                    yield return new PackError(rule.Line, $"rule in '{topic}' says report: true but not reportTo (a role key)");
                if (rule.ReportTo is { } role && !pack.Roles.ContainsKey(role))
                    yield return new PackError(rule.Line, $"rule in '{topic}' reports to unknown role '{role}'");
                if (rule.AgeUnder is { } under && rule.AgeAtLeast is { } atLeast && atLeast >= under)
                    yield return new PackError(rule.Line, $"rule in '{topic}' can never match: ageAtLeast {atLeast} and ageUnder {under}");
                foreach (var error in Placeholders(pack, rule.Answer + " " + rule.Do, rule.Line))
                    yield return error;
            }
        }

        foreach (var duty in pack.Duties)
        {
            foreach (var id in duty.Cite.Where(id => !seen.ContainsKey(id)))
                yield return new PackError(duty.Line, $"duty cites unknown clause id '{id}'");
            if (duty.ReportTo.Length > 0 && !pack.Roles.ContainsKey(duty.ReportTo))
                yield return new PackError(duty.Line, $"duty reports to unknown role '{duty.ReportTo}'");
            if (duty.AgeUnder is { } under && duty.AgeAtLeast is { } atLeast && atLeast >= under)
                yield return new PackError(duty.Line, $"duty can never apply: ageAtLeast {atLeast} and ageUnder {under}");
            foreach (var error in Placeholders(pack, duty.Do, duty.Line))
                yield return error;
        }

        foreach (var point in pack.Reminder.Summary)
        {
            foreach (var id in point.Cite.Where(id => !seen.ContainsKey(id)))
                yield return new PackError(point.Line, $"reminder point cites unknown clause id '{id}'");
            foreach (var error in Placeholders(pack, point.Point, point.Line))
                yield return error;
        }
    }

    private static IEnumerable<PackError> Placeholders(PolicyPack pack, string text, int line) =>
        PolicyPack.RolePlaceholder().Matches(text)
            .Select(m => m.Groups[1].Value)
            .Where(key => !pack.Roles.ContainsKey(key))
            .Distinct()
            .Select(key => new PackError(line, $"{{{key}}} is not a role of this pack"));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ClauseId();
}
