namespace TeamsPolicyBot.Guidance.Packs;

/// <summary>A mistake in a pack file, at a 1-based line, worded for the trust's policy lead.</summary>
public sealed record PackError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

public sealed record PackLoadResult(PolicyPack? Pack, IReadOnlyList<PackError> Errors)
{
    public bool IsValid => Pack is not null && Errors.Count == 0;
}
