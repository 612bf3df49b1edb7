using TeamsPolicyBot.Testing;

namespace TeamsPolicyBot.Tests.Guidance;

/// <summary>Paths from the repository root: the packs as committed, and ../shared (sources, eval sets).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = AzuriteProcess.RepositoryRoot(AppContext.BaseDirectory);

    public static string Policies => Path.Combine(Root, "bot", "policies");

    /// <summary>../shared beside the repository (for a git worktree, beside the folder of worktrees).</summary>
    public static string Shared { get; } = FindShared();

    public static string Sources => Path.Combine(Shared, "policy-sources");

    public static string PublicEval => Path.Combine(Shared, "eval", "guidance-public.jsonl");

    public static string Cases => Path.Combine(Root, "tests", "TeamsPolicyBot.Tests", "Guidance", "Cases");

    /// <summary>The pack ids shipped in bot/policies.</summary>
    public static IEnumerable<string> PackIds() =>
        Directory.EnumerateFiles(Policies, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order();

    private static string FindShared()
    {
        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "policy-sources"))) return Path.Combine(dir.FullName, "shared");
        throw new InvalidOperationException("../shared/policy-sources not found above " + Root);
    }
}
