using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace TeamsPolicyBot.Guidance.Understanding.Words;

/// <summary>
/// Reads one of the engine's word lists (a YAML file in this folder, built into the assembly): named sections,
/// each mapping a key to a text or a list of texts. A malformed list is a build mistake, so it throws rather than
/// reporting lines.
/// </summary>
internal static class WordFile
{
    /// <returns>Section name → (key → its texts), in file order.</returns>
    public static IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>>> Read(string fileName)
    {
        var name = $"TeamsPolicyBot.Guidance.Words.{fileName}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"word list {fileName} is not built into the assembly");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);

        var sections = new Dictionary<string, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>>>(StringComparer.Ordinal);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        foreach (var (sectionKey, sectionNode) in root.Children)
        {
            var entries = new List<KeyValuePair<string, IReadOnlyList<string>>>();
            foreach (var (key, value) in ((YamlMappingNode)sectionNode).Children)
                entries.Add(new(Text(key), value is YamlSequenceNode list ? list.Children.Select(Text).ToList() : [Text(value)]));
            sections[Text(sectionKey)] = entries;
        }
        return sections;
    }

    private static string Text(YamlNode node) =>
        node is YamlScalarNode scalar ? scalar.Value ?? "" : throw new InvalidOperationException($"word list entry at line {node.Start.Line} must be text");
}
