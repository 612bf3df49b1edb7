using System.Text.RegularExpressions;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Tests.Guidance;

/// <summary>Every shipped pack quotes its trust's document word for word, under sections the document prints.</summary>
public partial class PackSourceTests
{
    public static TheoryData<string> Packs() => new(RepositoryPaths.PackIds());

    [Theory]
    [MemberData(nameof(Packs))]
    public void Load_ShippedPack_IsValid(string pack)
    {
        var result = PolicyPackLoader.Load(RepositoryPaths.Policies, pack);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Clauses_QuoteText_AppearsInSource(string pack)
    {
        var source = Normalise(File.ReadAllText(Path.Combine(RepositoryPaths.Sources, pack + ".txt")));
        var clauses = PolicyPackLoader.Load(RepositoryPaths.Policies, pack).Pack!.Clauses;

        var missing = clauses
            .Where(c => !AppearsInOrder(source, c.Quote.Split(" … ").Select(Normalise)))
            .Select(c => $"{c.Id} (line {c.Line})")
            .ToList();

        Assert.True(missing.Count == 0, "quotes not in the source: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Clauses_Section_IsPrintedInSource(string pack)
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Sources, pack + ".txt"));
        var clauses = PolicyPackLoader.Load(RepositoryPaths.Policies, pack).Pack!.Clauses;

        var missing = clauses.Where(c => !SectionIsPrinted(source, c.Section)).Select(c => $"{c.Id}: \"{c.Section}\"").Distinct().ToList();

        Assert.True(missing.Count == 0, "sections not printed in the source: " + string.Join(", ", missing));
    }

    [Fact]
    public void SectionIsPrinted_RomanSubItemUnderItsNumber_IsFound()
    {
        const string source = "1. Pupils\n2. Staff\n3. Accounts\n\n2. Staff\n- i. Never add pupils.\n- ii. Ask first.\n3. Accounts\n- iv. Other.\n";

        Assert.True(SectionIsPrinted(source, "2.ii"));
        Assert.False(SectionIsPrinted(source, "2.iv"));
        Assert.False(SectionIsPrinted(source, "4"));
    }

    /// <summary>"3.1", "Appendix 1", "Use of images" start a line of the source; "2.iii" is item "iii." under "2.".</summary>
    private static bool SectionIsPrinted(string source, string section)
    {
        var sub = RomanSubItem().Match(section);
        if (!sub.Success)
            return Regex.IsMatch(source, $@"^[\s\-•]*{Regex.Escape(section)}(?![A-Za-z0-9])", RegexOptions.Multiline);

        // The number may be printed more than once (a contents list, then the section itself).
        var number = int.Parse(sub.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (Match start in Regex.Matches(source, $@"^\s*{number}\.\s", RegexOptions.Multiline))
        {
            var next = Regex.Match(source[start.Index..], $@"^\s*{number + 1}\.\s", RegexOptions.Multiline);
            var body = next.Success ? source.Substring(start.Index, next.Index) : source[start.Index..];
            if (Regex.IsMatch(body, $@"^[\s\-•]*{sub.Groups[2].Value}\.\s", RegexOptions.Multiline)) return true;
        }
        return false;
    }

    private static bool AppearsInOrder(string source, IEnumerable<string> parts)
    {
        var from = 0;
        foreach (var part in parts)
        {
            var at = source.IndexOf(part, from, StringComparison.Ordinal);
            if (at < 0) return false;
            from = at + part.Length;
        }
        return true;
    }

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(\d+)\.([ivx]+)$")]
    private static partial Regex RomanSubItem();
}
