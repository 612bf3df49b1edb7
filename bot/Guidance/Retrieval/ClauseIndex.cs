using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Guidance.Understanding;

namespace TeamsPolicyBot.Guidance.Retrieval;

/// <summary>
/// Ranks a pack's clauses against a question with BM25 over stemmed words, with the school's
/// synonyms folded together (student → pupil, picture → photo, mum → parent), for questions no rule covers.
/// </summary>
public sealed class ClauseIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with", "from", "as", "it", "its", "this", "that",
        "these", "those", "be", "have", "do", "doe", "did", "i", "me", "my", "we", "our", "you", "your", "they", "them", "their",
        "he", "she", "him", "her", "his", "can", "could", "should", "would", "will", "may", "might", "must", "shall", "is", "are",
        "not", "no", "any", "all", "if", "so", "but", "about", "what", "which", "who", "whom", "how", "when", "where", "why",
        "okay", "allow", "there", "than", "then", "such", "also", "just", "into", "up", "out", "s", "am", "get", "some", "want",
    ];

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["student"] = "pupil", ["child"] = "pupil", ["kid"] = "pupil", ["learner"] = "pupil", ["youngster"] = "pupil",
        ["pictur"] = "photo", ["image"] = "photo", ["photograph"] = "photo", ["video"] = "photo", ["selfie"] = "photo", ["film"] = "photo",
        ["mum"] = "parent", ["dad"] = "parent", ["mother"] = "parent", ["father"] = "parent", ["carer"] = "parent", ["family"] = "parent",
        ["follower"] = "friend", ["connection"] = "friend", ["befriend"] = "friend", ["follow"] = "friend",
        ["headteacher"] = "head", ["principal"] = "head", ["principle"] = "head",
        ["messag"] = "contact", ["communication"] = "contact", ["communicat"] = "contact", ["dm"] = "contact", ["text"] = "contact",
        ["publish"] = "post", ["upload"] = "post", ["tweet"] = "post",
        ["site"] = "account", ["platform"] = "account", ["page"] = "account", ["profil"] = "account",
        ["facebook"] = "social", ["instagram"] = "social", ["twitter"] = "social", ["tiktok"] = "social", ["snapchat"] = "social",
        ["whatsapp"] = "social", ["network"] = "social", ["media"] = "social", ["x"] = "social", ["youtube"] = "social",
        ["colleague"] = "staff", ["coworker"] = "staff", ["employe"] = "staff", ["employee"] = "staff",
        ["academy"] = "school", ["trust"] = "school",
        ["criticis"] = "derogatory", ["negativ"] = "derogatory", ["defamatory"] = "derogatory",
        ["bully"] = "harass", ["abus"] = "harass", ["threat"] = "harass",
    };

    private readonly List<(Clause Clause, Dictionary<string, int> Terms, int Length)> _documents = [];
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    internal ClauseIndex(PolicyPack pack, Lexicon lexicon)
    {
        foreach (var clause in pack.Clauses)
        {
            var terms = Terms(new Message(clause.Heading + " " + clause.Quote, lexicon));
            var counts = terms.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            _documents.Add((clause, counts, terms.Count));
            foreach (var term in counts.Keys)
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }
        _averageLength = _documents.Count == 0 ? 1 : _documents.Average(d => (double)d.Length);
    }

    /// <summary>The best-matching clauses, best first; only clauses sharing at least one word with the question.</summary>
    internal IReadOnlyList<Clause> Search(Message question, int count)
    {
        var query = Terms(question).Distinct().ToList();
        var n = _documents.Count;
        return _documents
            .Select(d => (d.Clause, Score: query.Sum(term =>
            {
                if (!d.Terms.TryGetValue(term, out var tf)) return 0.0;
                var df = _documentFrequency[term];
                var idf = Math.Log(1 + (n - df + 0.5) / (df + 0.5));
                return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * d.Length / _averageLength));
            })))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .Take(count)
            .Select(x => x.Clause)
            .ToList();
    }

    private static List<string> Terms(Message message) =>
        message.Words
            .Select(w => w.Stem)
            .Where(s => !StopWords.Contains(s) && s.Length > 1 && !s.All(char.IsAsciiDigit))
            .Select(s => Synonyms.GetValueOrDefault(s, s))
            .ToList();
}
