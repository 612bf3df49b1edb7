using TeamsPolicyBot.Testing;

namespace TeamsPolicyBot.Tests.Guidance;

/// <summary>Paths from the repository root: the packs, their source texts and the eval set, all as committed.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = AzuriteProcess.RepositoryRoot(AppContext.BaseDirectory);

    public static string Policies => Path.Combine(Root, "bot", "policies");

    public static string Sources => Path.Combine(Policies, "sources");

    public static string PublicEval => Path.Combine(Root, "tests", "eval", "guidance-public.jsonl");

    public static string Cases => Path.Combine(Root, "tests", "TeamsPolicyBot.Tests", "Guidance", "Cases");

    /// <summary>The pack ids shipped in bot/policies.</summary>
    public static IEnumerable<string> PackIds() =>
        Directory.EnumerateFiles(Policies, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order();
}
