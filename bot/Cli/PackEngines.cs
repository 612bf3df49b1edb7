using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Cli;

/// <summary>One engine per pack id, loaded on first use from a packs directory (default: the shipped packs).</summary>
internal sealed class PackEngines(string? directory)
{
    private readonly string _directory = directory ?? PolicyPackLoader.DefaultDirectory;
    private readonly Dictionary<string, GuidanceEngine> _engines = new(StringComparer.Ordinal);

    /// <summary>The engine for a line of a question file: <paramref name="packOption"/> (<c>--pack</c>) when given, else the line's trust.</summary>
    public GuidanceEngine For(QuestionLine line, string? packOption) =>
        For(packOption ?? line.Trust ?? throw new CliUsageException($"question '{line.Id}' has no \"trust\" and no --pack was given"));

    public GuidanceEngine For(string packId)
    {
        if (_engines.TryGetValue(packId, out var engine)) return engine;
        var loaded = PolicyPackLoader.Load(_directory, packId);
        if (!loaded.IsValid)
            throw new CliUsageException($"pack '{packId}' cannot be used: " + string.Join("; ", loaded.Errors));
        engine = new GuidanceEngine(loaded.Pack!, TimeProvider.System);
        _engines[packId] = engine;
        return engine;
    }
}
