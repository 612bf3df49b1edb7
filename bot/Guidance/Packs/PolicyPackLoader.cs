namespace TeamsPolicyBot.Guidance.Packs;

/// <summary>Loads and validates policy packs: <c>policies/&lt;pack id&gt;.yaml</c>.</summary>
public static class PolicyPackLoader
{
    /// <summary>Where the shipped packs are copied beside the bot.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "policies");

    public static PackLoadResult LoadFile(string path)
    {
        if (!File.Exists(path))
            return new PackLoadResult(null, [new PackError(0, $"no pack file at {path}")]);
        return Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));
    }

    public static PackLoadResult Load(string directory, string packId) =>
        LoadFile(Path.Combine(directory, packId + ".yaml"));

    /// <summary>Reads pack YAML; <paramref name="expectedId"/> (the file name) must match its 'pack:' id when given.</summary>
    public static PackLoadResult Parse(string yaml, string? expectedId = null)
    {
        var reader = new PackReader();
        var pack = reader.Read(yaml);
        var errors = reader.Errors.ToList();
        if (pack is not null)
            errors.AddRange(PackValidator.Validate(pack, expectedId));
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new PackLoadResult(errors.Count == 0 ? pack : null, errors);
    }
}
