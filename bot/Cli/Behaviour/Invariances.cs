using System.Text;
using System.Text.RegularExpressions;

namespace TeamsPolicyBot.Cli.Behaviour;

/// <summary>
/// Rewordings that must not change an answer's verdict or report (CheckList's invariance tests): each returns
/// the question reworded, or null when the rewording does not apply to it. Deterministic: the choices are
/// seeded by the case id.
/// </summary>
internal static partial class Invariances
{
    public const string LowerCase = "lower case, no punctuation";
    public const string Greeting = "greeting and thanks";
    public const string TextSpeak = "text-speak";
    public const string Typos = "two adjacent-letter typos";
    public const string Platform = "platform swapped";
    public const string Irrelevant = "irrelevant sentence";

    public static readonly IReadOnlyList<(string Type, Func<string, Random, string?> Reword)> All =
    [
        (LowerCase, (q, _) => LowerCaseWithoutPunctuation(q)),
        (Greeting, WithGreeting),
        (TextSpeak, InTextSpeak),
        (Typos, WithTypos),
        (Platform, SwapPlatform),
        (Irrelevant, WithIrrelevantSentence),
    ];

    private static readonly string[] Greetings = ["Hi,", "Hello!", "Morning all -", "Hiya, quick question:", "Hi there."];
    private static readonly string[] Thanks = ["Thanks!", "Thanks in advance.", "Cheers.", "Many thanks", "Thank you :)"];
    private static readonly string[] Asides =
        ["It's been a long week.", "Sorry if this is a silly question.", "I couldn't find the answer anywhere.", "I want to get this right.", "Hope you're well."];

    /// <summary>
    /// How staff shorten words in a hurry, written for this test from what people type, apart from the engine's own
    /// shorthand list (Guidance/Understanding/Words/shorthand.yaml), so that a form the engine does not know fails.
    /// </summary>
    private static readonly Dictionary<string, string[]> Shortened = new(StringComparer.OrdinalIgnoreCase)
    {
        ["you"] = ["u", "u", "yu"], ["your"] = ["ur", "yr"], ["are"] = ["r"], ["please"] = ["pls", "plz", "plse"],
        ["because"] = ["cos", "coz", "bc", "cuz"], ["friend"] = ["frnd", "fren", "frend"], ["friends"] = ["frnds", "frens"],
        ["request"] = ["req", "rqst", "reqst"], ["requests"] = ["reqs"], ["message"] = ["msg", "mssg"], ["messaged"] = ["msgd", "msged"],
        ["photo"] = ["pic", "foto"], ["photos"] = ["pics", "fotos"], ["picture"] = ["pic", "piccy"], ["pictures"] = ["pics", "pix"],
        ["thanks"] = ["thx", "thnx", "tnx"], ["Instagram"] = ["insta", "ig", "insta"], ["Facebook"] = ["fb", "FB", "facebk"],
        ["Snapchat"] = ["snap", "snapchat"], ["can"] = ["cn", "can"], ["should"] = ["shud", "shld", "shd"], ["would"] = ["wud", "wld"],
        ["could"] = ["cud", "cld"], ["with"] = ["wiv", "w/"], ["about"] = ["abt", "bout"], ["before"] = ["b4", "bfore"],
        ["people"] = ["ppl"], ["what"] = ["wat", "wot"], ["okay"] = ["k", "ok", "kk"], ["OK"] = ["ok", "k"], ["year"] = ["yr"],
        ["from"] = ["frm", "fm"], ["account"] = ["acc", "acct"], ["department"] = ["dept"], ["information"] = ["info"],
        ["tomorrow"] = ["tmrw", "2moro"], ["today"] = ["2day"], ["someone"] = ["sum1", "some1"], ["and"] = ["n", "&", "and"],
        ["going to"] = ["gonna"], ["want to"] = ["wanna"], ["don't know"] = ["dunno"], ["I'm"] = ["im"], ["I've"] = ["ive"],
        ["don't"] = ["dont"], ["can't"] = ["cant"], ["isn't"] = ["isnt"], ["doesn't"] = ["doesnt"], ["haven't"] = ["havent"],
        ["they're"] = ["theyre"], ["she's"] = ["shes"], ["he's"] = ["hes"], ["that's"] = ["thats"], ["what's"] = ["whats"],
    };

    private static readonly string[] Platforms = ["Facebook", "Instagram", "TikTok", "Snapchat", "Twitter"];

    public static string LowerCaseWithoutPunctuation(string question)
    {
        var text = question.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal);
        return Spaces().Replace(Punctuation().Replace(text, " "), " ").Trim();
    }

    private static string WithGreeting(string question, Random random) =>
        $"{Greetings[random.Next(Greetings.Length)]} {question} {Thanks[random.Next(Thanks.Length)]}";

    private static string? InTextSpeak(string question, Random random)
    {
        var changed = false;
        var text = ShortenedWord().Replace(question, m =>
        {
            if (!Shortened.TryGetValue(m.Value, out var forms)) return m.Value;
            changed = true;
            return forms[random.Next(forms.Length)];
        });
        return changed ? text : null;
    }

    /// <summary>Two different words of four letters or more, each with two neighbouring letters swapped.</summary>
    private static string? WithTypos(string question, Random random)
    {
        var words = LongWord().Matches(question).Where(m => m.Value.Distinct().Count() > 1).ToList();
        if (words.Count < 2) return null;
        var picked = words.OrderBy(_ => random.Next()).Take(2).OrderBy(m => m.Index).ToList();
        var text = new StringBuilder(question);
        foreach (var word in picked)
        {
            var swaps = Enumerable.Range(0, word.Length - 1).Where(i => word.Value[i] != word.Value[i + 1]).ToList();
            var at = word.Index + swaps[random.Next(swaps.Count)];
            (text[at], text[at + 1]) = (text[at + 1], text[at]);
        }
        return text.ToString();
    }

    private static string? SwapPlatform(string question, Random random)
    {
        var match = PlatformName().Match(question);
        if (!match.Success) return null;
        var others = Platforms.Where(p => !p.StartsWith(match.Value, StringComparison.OrdinalIgnoreCase) && !(match.Value == "X" && p == "Twitter")).ToList();
        return question[..match.Index] + others[random.Next(others.Count)] + question[(match.Index + match.Length)..];
    }

    private static string WithIrrelevantSentence(string question, Random random)
    {
        var aside = Asides[random.Next(Asides.Length)];
        return random.Next(2) == 0 ? $"{aside} {question}" : $"{question} {aside}";
    }

    [GeneratedRegex(@"[^\w\s]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(going to|want to|don't know|[A-Za-z]+'[a-z]+|[A-Za-z]+)\b")]
    private static partial Regex ShortenedWord();

    [GeneratedRegex(@"\b[A-Za-z]{4,}\b")]
    private static partial Regex LongWord();

    [GeneratedRegex(@"\b(Facebook|Instagram|TikTok|Snapchat|Twitter|X)\b")]
    private static partial Regex PlatformName();
}
