namespace TeamsPolicyBot.Cli;

/// <summary>A verb's arguments: <c>--name value</c> options and the remaining positional values.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    public CliArguments(IEnumerable<string> args)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                _options[name] = Flags.Contains(name) ? "true" : e.MoveNext() ? e.Current : throw new CliUsageException($"--{name} needs a value");
            }
            else
            {
                _positional.Add(arg);
            }
        }
    }

    private static readonly HashSet<string> Flags = ["details", "behaviour"];

    public IReadOnlyList<string> Positional => _positional;

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _options.ContainsKey(name);

    public int IntOption(string name, int fallback) =>
        Option(name) is { } text ? int.TryParse(text, out var value) && value > 0 ? value : throw new CliUsageException($"--{name} must be a positive whole number") : fallback;
}

/// <summary>The command line was wrong: the message says how.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
