namespace TeamsPolicyBot.Guidance.Packs;

/// <summary>The four answers a pack can give. Strings, as they appear in packs, JSON and the eval set.</summary>
public static class Verdicts
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string AskFirst = "ask_first";
    public const string Caution = "caution";

    public static readonly IReadOnlyList<string> All = [Yes, No, AskFirst, Caution];

    /// <summary>Higher is stricter; used when several people in one question get different answers.</summary>
    public static int Strictness(string verdict) => verdict switch
    {
        No => 3,
        AskFirst => 2,
        Caution => 1,
        _ => 0,
    };
}
