using System.Diagnostics;
using System.Globalization;

namespace TeamsPolicyBot.LoadTests;

/// <summary>
/// The load benchmark: the same closed-loop and open-loop load against our bot (guidance questions answered by the
/// engine, conversation state in Azurite) and against the botbuilder-js echo bot, printed as a Markdown table.
/// </summary>
public static class LoadRun
{
    private const int ClosedLoopRounds = 5;
    private static readonly TimeSpan MinimumWarmUp = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaximumWarmUp = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(LoadOptions options, TestBed bed)
    {
        var questions = await bed.FullInformationQuestionsAsync(options.Pack);
        Console.WriteLine($"{questions.Count} full-information {options.Pack} questions from tests/eval/guidance-public.jsonl");

        using var peerBot = options.AgainstDll is { } other ? await bed.StartOtherBuildAsync(other)
            : options.Peer ? await BotProcess.StartPeerAsync(bed.RepositoryRoot)
            : null;
        using var oursDriver = bed.Driver(bed.Ours, questions);
        using var peerDriver = peerBot is null ? null : bed.Driver(peerBot, questions);
        var ours = new Contender(bed.Ours, oursDriver);
        var peer = peerBot is null ? null : new Contender(peerBot, peerDriver!);

        await WarmUpAsync(peer is null ? [ours] : [ours, peer], bed, options);

        // Round by round, ours and the peer in turn (ABBA), so a neighbour's burst on this shared machine falls on both
        // alike; the ratio is the median of each round's ratio rather than a ratio of runs minutes apart.
        Console.WriteLine($"Closed loop: {options.Conversations} conversations x {options.Questions} questions, {ClosedLoopRounds} rounds");
        var oursRounds = new List<RunResult>();
        var peerRounds = new List<RunResult>();
        for (var round = 1; round <= ClosedLoopRounds; round++)
        {
            if (peer is not null && round % 2 == 0)
                peerRounds.Add(await ClosedLoopRoundAsync(peer, bed, options));
            oursRounds.Add(await ClosedLoopRoundAsync(ours, bed, options));
            if (peer is not null && round % 2 == 1)
                peerRounds.Add(await ClosedLoopRoundAsync(peer, bed, options));
        }

        var oursFigures = new BotFigures(oursRounds, await OpenLoopAsync(ours, options), ours.Bot.PeakWorkingSetMiB());
        var peerFigures = peer is null ? null : new BotFigures(peerRounds, await OpenLoopAsync(peer, options), peer.Bot.PeakWorkingSetMiB());
        Print(options, oursFigures, peerFigures);
    }

    private static async Task<RunResult> OpenLoopAsync(Contender contender, LoadOptions options)
    {
        Console.WriteLine($"[{contender.Bot.Name}] open loop: {options.Rate} turns/s for {options.DurationSeconds} s");
        var open = await contender.Driver.OpenLoopAsync(options.Conversations, options.Rate, TimeSpan.FromSeconds(options.DurationSeconds));
        Console.WriteLine($"[{contender.Bot.Name}]   p50 {open.Percentile(50):0.0} ms, p95 {open.Percentile(95):0.0} ms, "
            + $"p99 {open.Percentile(99):0.0} ms, {open.Unanswered} unanswered, {open.ServerErrors} 5xx");
        return open;
    }

    /// <summary>
    /// Closed-loop rounds for at least <see cref="MinimumWarmUp"/>, then until every bot's CPU per turn settles (two of its
    /// rounds in a row within 5 %): .NET recompiles hot code with profile data for tens of thousands of turns after
    /// start, and a bot that has served for minutes is what Teams sees. The bots take their rounds in turn: a bot warmed
    /// up first would otherwise finish its background recompiling while the other warms up, and be measured against a
    /// bot still recompiling (two copies of one build measured 1.17× apart that way).
    /// </summary>
    private static async Task WarmUpAsync(IReadOnlyList<Contender> contenders, TestBed bed, LoadOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        var previous = contenders.Select(_ => double.NaN).ToArray();
        for (var round = 1; Stopwatch.GetElapsedTime(started) < MaximumWarmUp * contenders.Count; round++)
        {
            var settled = true;
            for (var i = 0; i < contenders.Count; i++)
            {
                var (run, cpu) = await MeasureRoundAsync(contenders[i], bed, options);
                Console.WriteLine($"[{contenders[i].Bot.Name}] warming up, round {round}: {run.TurnsPerSecond:0} turns/s, bot CPU per turn {cpu.Bot:0.00} ms");
                settled &= Math.Abs(cpu.Bot - previous[i]) <= 0.05 * previous[i];
                previous[i] = cpu.Bot;
            }
            if (settled && Stopwatch.GetElapsedTime(started) >= MinimumWarmUp * contenders.Count)
                return;
        }
    }

    private static async Task<RunResult> ClosedLoopRoundAsync(Contender contender, TestBed bed, LoadOptions options)
    {
        var (run, cpu) = await MeasureRoundAsync(contender, bed, options);
        Console.WriteLine($"[{contender.Bot.Name}]   {run.TurnsPerSecond:0} turns/s, {run.Unanswered} unanswered, {run.ServerErrors} 5xx; "
            + $"CPU per turn: bot {cpu.Bot:0.00} ms, Azurite {cpu.Storage:0.00} ms, load driver and connector {cpu.Driver:0.00} ms");
        return run;
    }

    /// <summary>One closed-loop round and the milliseconds of CPU per turn each process spent on it.</summary>
    private static async Task<(RunResult Run, CpuPerTurn Cpu)> MeasureRoundAsync(Contender contender, TestBed bed, LoadOptions options)
    {
        var bot = contender.Bot;
        var (botCpu, storageCpu, driverCpu) = (bot.ProcessorTime, bed.Azurite.ProcessorTime, DriverProcessorTime());
        var run = await contender.Driver.ClosedLoopAsync(options.Conversations, options.Questions);
        double PerTurn(TimeSpan cpu) => cpu.TotalMilliseconds / run.Turns.Count;
        return (run, new CpuPerTurn(
            PerTurn(bot.ProcessorTime - botCpu), PerTurn(bed.Azurite.ProcessorTime - storageCpu), PerTurn(DriverProcessorTime() - driverCpu)));
    }

    // This process: the load driver and the recording connector, which cost the same whichever bot is measured.
    private static TimeSpan DriverProcessorTime() => Process.GetCurrentProcess().TotalProcessorTime;

    private static void Print(LoadOptions options, BotFigures ours, BotFigures? peer)
    {
        string Ratio(double a, double? b) => b is { } value && value > 0 ? Times(a / value) : "–";
        string Times(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";
        string Cell(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
        var peerName = options.AgainstDll is null ? "botbuilder-js 4.23.3 echo bot" : "other build";
        var roundRatios = peer is null ? [] : ours.Rounds.Zip(peer.Rounds, (a, b) => a.TurnsPerSecond / b.TurnsPerSecond).Order().ToList();
        var closedRatio = roundRatios.Count == 0 ? "–" : $"{Times(roundRatios[roundRatios.Count / 2])} (lowest round {Times(roundRatios[0])})";
        Console.WriteLine();
        if (options.AgainstDll is { } other)
            Console.WriteLine($"Other build: {other}");
        Console.WriteLine($"| {Environment.ProcessorCount}-core machine, loopback | TeamsPolicyBot | {peerName} | ours / peer |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| Closed loop, {options.Conversations} conversations × {options.Questions} questions (turns/s, median of {ClosedLoopRounds} rounds; ratio: median of the rounds' ratios) | {ours.ClosedTurnsPerSecond:0} | {Cell(peer?.ClosedTurnsPerSecond, "0")} | {closedRatio} |");
        foreach (var percent in new[] { 50, 95, 99 })
            Console.WriteLine($"| Open loop {options.Rate} turns/s for {options.DurationSeconds} s, p{percent} (ms) | {ours.Open.Percentile(percent):0.0} | {Cell(peer?.Open.Percentile(percent), "0.0")} | {Ratio(ours.Open.Percentile(percent), peer?.Open.Percentile(percent))} |");
        Console.WriteLine($"| Unanswered turns / 5xx | {ours.Unanswered} / {ours.ServerErrors} | {(peer is null ? "–" : $"{peer.Unanswered} / {peer.ServerErrors}")} | |");
        Console.WriteLine($"| Peak working set (MiB) | {ours.PeakMiB:0} | {Cell(peer?.PeakMiB, "0")} | {Ratio(ours.PeakMiB, peer?.PeakMiB)} |");
    }

    /// <summary>Milliseconds of CPU one closed-loop turn cost the bot, Azurite and this process.</summary>
    private sealed record CpuPerTurn(double Bot, double Storage, double Driver);

    /// <summary>A bot under load and the driver that loads it.</summary>
    private sealed record Contender(BotProcess Bot, LoadDriver Driver);

    /// <summary>A bot's figures: its closed-loop rounds (the median counts), the open loop, its peak working set.</summary>
    private sealed record BotFigures(IReadOnlyList<RunResult> Rounds, RunResult Open, double PeakMiB)
    {
        public double ClosedTurnsPerSecond => Rounds.Select(run => run.TurnsPerSecond).Order().ElementAt(Rounds.Count / 2);

        public int Unanswered => Rounds.Sum(run => run.Unanswered) + Open.Unanswered;

        public int ServerErrors => Rounds.Sum(run => run.ServerErrors) + Open.ServerErrors;
    }
}
