using System.Globalization;

namespace TeamsPolicyBot.LoadTests;

/// <summary>The benchmark's command line: <c>--mode</c> and the sizes of the runs.</summary>
public sealed record LoadOptions
{
    public const string Usage = """
        dotnet run -c Release --project tests/TeamsPolicyBot.LoadTests -- [options]
          --mode load|storage-outage|connector-storm|kill-mid-approval|faults|two-instances   (default load)
          --conversations K     closed and open loop conversations (default 200)
          --questions M         questions per conversation, closed loop (default 10)
          --rate R              open loop offered turns per second (default 200)
          --duration S          open loop seconds (default 20)
          --pack ID             policy pack; questions are this trust's from tests/eval (default fierte)
          --no-peer             skip the botbuilder-js echo bot
          --bot PATH            measure this TeamsPolicyBot.dll (e.g. an earlier build) instead of bot/bin/<configuration>
          --against PATH        compare with this TeamsPolicyBot.dll, round by round, instead of the echo bot
        """;

    public string Mode { get; init; } = "load";
    public int Conversations { get; init; } = 200;
    public int Questions { get; init; } = 10;
    public int Rate { get; init; } = 200;
    public int DurationSeconds { get; init; } = 20;
    public string Pack { get; init; } = "fierte";
    public bool Peer { get; init; } = true;
    public string? BotDll { get; init; }
    public string? AgainstDll { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 100_000
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a whole number from 1 to 100000.");
            options = args[i] switch
            {
                "--mode" => options with { Mode = Value() },
                "--conversations" => options with { Conversations = Number() },
                "--questions" => options with { Questions = Number() },
                "--rate" => options with { Rate = Number() },
                "--duration" => options with { DurationSeconds = Math.Min(Number(), 300) },
                "--pack" => options with { Pack = Value() },
                "--no-peer" => options with { Peer = false },
                "--bot" => options with { BotDll = Path.GetFullPath(Value()) },
                "--against" => options with { AgainstDll = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return options;
    }
}
