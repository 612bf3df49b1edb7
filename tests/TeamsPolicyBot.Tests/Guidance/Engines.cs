using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Tests.Guidance;

/// <summary>Engines over the committed packs, loaded once per pack for the whole test run.</summary>
internal static class Engines
{
    private static readonly Dictionary<string, GuidanceEngine> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static GuidanceEngine For(string packId)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(packId, out var engine)) return engine;
            var result = PolicyPackLoader.Load(RepositoryPaths.Policies, packId);
            Assert.True(result.IsValid, $"pack {packId}: " + string.Join("; ", result.Errors));
            engine = new GuidanceEngine(result.Pack!, FixedClock.Autumn2025);
            Loaded[packId] = engine;
            return engine;
        }
    }

    /// <summary>An engine over pack YAML written in the test.</summary>
    public static GuidanceEngine FromYaml(string yaml)
    {
        var result = PolicyPackLoader.Parse(yaml);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return new GuidanceEngine(result.Pack!, FixedClock.Autumn2025);
    }
}
