namespace TeamsPolicyBot.Cli.Behaviour;

/// <summary>
/// A random source seeded from a case and a test type, the same on every run and machine: string.GetHashCode
/// changes between processes, so the seed is an FNV-1a hash of the text.
/// </summary>
internal static class CaseRandom
{
    public static Random For(string caseId, string testType)
    {
        var hash = 2166136261u;
        foreach (var c in caseId + "/" + testType)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return new Random(unchecked((int)hash));
    }
}
