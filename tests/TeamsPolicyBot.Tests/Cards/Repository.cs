namespace TeamsPolicyBot.Tests.Cards;

/// <summary>Paths in the source tree, found from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string CardsDirectory => Path.Combine(Root, "cards");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TeamsPolicyBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TeamsPolicyBot.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
