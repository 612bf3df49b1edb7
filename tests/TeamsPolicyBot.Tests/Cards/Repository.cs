using TeamsPolicyBot.Testing;

namespace TeamsPolicyBot.Tests.Cards;

/// <summary>Paths in the source tree, found from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = AzuriteProcess.RepositoryRoot(AppContext.BaseDirectory);

    public static string CardsDirectory => Path.Combine(Root, "cards");

    public static string ManifestDirectory => Path.Combine(Root, "manifest");

    public static string NodeModules => Path.Combine(Root, "tools", "node_modules");
}
