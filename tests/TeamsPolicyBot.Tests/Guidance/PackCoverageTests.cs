using System.Text.RegularExpressions;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Tests.Guidance;

/// <summary>
/// Every clause of a shipped pack decides something: it is the first citation of a rule or duty, or
/// bot/policies/README.md lists it under "Clauses without a rule" with the reason; and a clause that
/// plainly forbids something has a rule that says no, or is listed under "Prohibitions answered caution".
/// </summary>
public partial class PackCoverageTests
{
    public static TheoryData<string> Packs() => new(RepositoryPaths.PackIds());

    [Theory]
    [MemberData(nameof(Packs))]
    public void Clauses_EachIsARulesFirstCitationOrListedWithoutOne(string pack)
    {
        var loaded = Load(pack);
        var ruled = FirstCitations(loaded);
        var listed = ListedWithoutARule().Where(x => x.Pack == pack).Select(x => x.Clause).ToHashSet();
        var ids = loaded.Clauses.Select(c => c.Id).ToHashSet();

        Assert.True(ids.All(id => ruled.Contains(id) || listed.Contains(id)),
            "clauses with no rule and not listed in README.md: " + string.Join(", ", ids.Where(id => !ruled.Contains(id) && !listed.Contains(id))));
        Assert.True(listed.All(ids.Contains), "README.md lists clauses the pack does not have: " + string.Join(", ", listed.Where(id => !ids.Contains(id))));
        Assert.True(!listed.Any(ruled.Contains), "README.md lists clauses that have a rule: " + string.Join(", ", listed.Where(ruled.Contains)));
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Prohibitions_EachHasARuleThatSaysNo(string pack)
    {
        var loaded = Load(pack);
        var listed = ListedWithoutARule().Concat(Listed("### Prohibitions answered `caution`"))
            .Where(x => x.Pack == pack).Select(x => x.Clause).ToHashSet();
        var forbidding = loaded.Topics.Values.SelectMany(rules => rules)
            .Where(r => r.Verdict is Verdicts.No or Verdicts.AskFirst)
            .Select(r => r.Cite[0])
            .Concat(loaded.Duties.Select(d => d.Cite[0]))
            .ToHashSet();

        var withoutNo = loaded.Clauses
            .Where(c => IsPlainProhibition(c.Quote) && !listed.Contains(c.Id) && !forbidding.Contains(c.Id))
            .Select(c => c.Id)
            .ToList();

        Assert.True(withoutNo.Count == 0, "clauses that forbid something with no rule saying no: " + string.Join(", ", withoutNo));
    }

    [Fact]
    public void ListedWithoutARule_ReadmeTable_IsRead() =>
        Assert.Contains(ListedWithoutARule(), x => x is { Pack: "fierte", Clause: "breach-disciplinary" });

    private static PolicyPack Load(string pack)
    {
        var result = PolicyPackLoader.Load(RepositoryPaths.Policies, pack);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Pack!;
    }

    private static HashSet<string> FirstCitations(PolicyPack pack) =>
        pack.Topics.Values.SelectMany(rules => rules).Select(r => r.Cite[0]).Concat(pack.Duties.Select(d => d.Cite[0])).ToHashSet();

    /// <summary>"Staff must not post…", "Never 'friend' a student": forbids an act outright; not advice ("it is
    /// recommended that employees do not…"), a state ("should not be regarded as private") or a condition
    /// ("even if you do not identify your profession").</summary>
    private static bool IsPlainProhibition(string quote) =>
        !Advice().IsMatch(quote) && Prohibition().Matches(quote).Any(m => !Conditional().IsMatch(SentenceBefore(quote, m.Index)));

    private static string SentenceBefore(string quote, int index) =>
        quote[(quote[..index].LastIndexOfAny(['.', ';']) + 1)..index].Trim();

    private static IReadOnlyList<(string Pack, string Clause)> ListedWithoutARule() => Listed("## Clauses without a rule");

    /// <summary>The rows of one of the README's tables, from its heading to the next heading.</summary>
    private static IReadOnlyList<(string Pack, string Clause)> Listed(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "README.md"));
        var start = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no '{heading}' section");
        var end = readme.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        return TableRow().Matches(section).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
    }

    [GeneratedRegex(@"^\| ([a-z-]+) \| ([a-z0-9-]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"\b(must not|should not|must never|should never|never|do not|don['’]t|not permitted|prohibited|will not)\s+['‘’]?(?!be\b)\w+", RegexOptions.IgnoreCase)]
    private static partial Regex Prohibition();

    [GeneratedRegex(@"\b(recommend\w*|advis\w*|encourag\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Advice();

    /// <summary>A sentence that starts with "if", or an "if" just before the prohibition: a condition, not the rule.</summary>
    [GeneratedRegex(@"^(even\s+)?if\b|\bif\s+(\w+\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex Conditional();
}
