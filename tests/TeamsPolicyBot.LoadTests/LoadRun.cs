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
        Console.WriteLine($"{questions.Count} full-information {options.Pack} questions from shared/eval/guidance-public.jsonl");

        using var peer = options.AgainstDll is { } other ? await bed.StartOtherBuildAsync(other)
            : options.Peer ? await BotProcess.StartPeerAsync(bed.RepositoryRoot)
            : null;
        using var ours = new Contender(bed.Ours, bed.Driver(bed.Ours, questions));
        using var rival = peer is null ? null : new Contender(peer, bed.Driver(peer, questions));

        await WarmUpAsync(ours, bed, options);
        if (rival is not null)
            await WarmUpAsync(rival, bed, options);

        // Round by round, ours and the peer in turn (ABBA), so a neighbour's burst on this shared machine falls on both
        // alike; the ratio is the median of each round's ratio rather than a ratio of runs minutes apart.
        Console.WriteLine($"Closed loop: {options.Conversations} conversations x {options.Questions} questions, {ClosedLoopRounds} rounds");
        for (var round = 1; round <= ClosedLoopRounds; round++)
        {
            var order = rival is null ? [ours] : round % 2 == 1 ? new[] { ours, rival } : [rival, ours];
            foreach (var contender in order)
                contender.Rounds.Add(await ClosedLoopRoundAsync(contender, bed, options));
        }

        foreach (var contender in rival is null ? [ours] : new[] { ours, rival })
        {
            Console.WriteLine($"[{contender.Bot.Name}] open loop: {options.Rate} turns/s for {options.DurationSeconds} s");
            contender.Open = await contender.Driver.OpenLoopAsync(options.Conversations, options.Rate, TimeSpan.FromSeconds(options.DurationSeconds));
            Console.WriteLine($"[{contender.Bot.Name}]   p50 {contender.Open.Percentile(50):0.0} ms, p95 {contender.Open.Percentile(95):0.0} ms, "
                + $"p99 {contender.Open.Percentile(99):0.0} ms, {contender.Open.Unanswered} unanswered, {contender.Open.ServerErrors} 5xx");
        }
        Print(options, ours, rival);
    }

    /// <summary>
    /// Closed-loop rounds for at least <see cref="MinimumWarmUp"/>, then until the bot's CPU per turn settles (two rounds
    /// in a row within 5 %): .NET recompiles hot code with profile data for tens of thousands of turns after start,
    /// and a bot that has served for minutes is what Teams sees. Both bots warm up the same way.
    /// </summary>
    private static async Task WarmUpAsync(Contender contender, TestBed bed, LoadOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        var round = 0;
        var previous = double.NaN;
        while (Stopwatch.GetElapsedTime(started) < MaximumWarmUp)
        {
            var (run, cpu) = await MeasureRoundAsync(contender, bed, options);
            Console.WriteLine($"[{contender.Bot.Name}] warming up, round {++round}: {run.TurnsPerSecond:0} turns/s, bot CPU per turn {cpu.Bot:0.00} ms");
            if (Stopwatch.GetElapsedTime(started) >= MinimumWarmUp && Math.Abs(cpu.Bot - previous) <= 0.05 * previous)
                return;
            previous = cpu.Bot;
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

    private static void Print(LoadOptions options, Contender ours, Contender? peer)
    {
        string Ratio(double a, double? b) => b is { } value && value > 0 ? Times(a / value) : "–";
        string Times(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";
        string Cell(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
        var peerName = options.AgainstDll is null ? "botbuilder-js 4.23.3 echo bot" : Path.GetFileName(Path.GetDirectoryName(options.AgainstDll));
        var roundRatios = peer is null ? "–" : Times(Median(ours.Rounds.Zip(peer.Rounds, (a, b) => a.TurnsPerSecond / b.TurnsPerSecond)));
        Console.WriteLine();
        Console.WriteLine($"| {Environment.ProcessorCount}-core machine, loopback | TeamsPolicyBot | {peerName} | ours / peer |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| Closed loop, {options.Conversations} conversations × {options.Questions} questions (turns/s, median of {ClosedLoopRounds} rounds; ratio: median of the rounds' ratios) | {ours.ClosedTurnsPerSecond:0} | {Cell(peer?.ClosedTurnsPerSecond, "0")} | {roundRatios} |");
        foreach (var percent in new[] { 50, 95, 99 })
            Console.WriteLine($"| Open loop {options.Rate} turns/s for {options.DurationSeconds} s, p{percent} (ms) | {ours.Open!.Percentile(percent):0.0} | {Cell(peer?.Open!.Percentile(percent), "0.0")} | {Ratio(ours.Open.Percentile(percent), peer?.Open!.Percentile(percent))} |");
        Console.WriteLine($"| Unanswered turns / 5xx | {ours.Unanswered} / {ours.ServerErrors} | {(peer is null ? "–" : $"{peer.Unanswered} / {peer.ServerErrors}")} | |");
        Console.WriteLine($"| Peak working set (MiB) | {ours.Bot.PeakWorkingSetMiB():0} | {Cell(peer?.Bot.PeakWorkingSetMiB(), "0")} | {Ratio(ours.Bot.PeakWorkingSetMiB(), peer?.Bot.PeakWorkingSetMiB())} |");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Milliseconds of CPU one closed-loop turn cost the bot, Azurite and this process.</summary>
    private sealed record CpuPerTurn(double Bot, double Storage, double Driver);

    /// <summary>A bot under load, its driver, and its figures so far.</summary>
    private sealed class Contender(BotProcess bot, LoadDriver driver) : IDisposable
    {
        public BotProcess Bot => bot;

        public LoadDriver Driver => driver;

        public List<RunResult> Rounds { get; } = [];

        public RunResult? Open { get; set; }

        public double ClosedTurnsPerSecond => Median(Rounds.Select(run => run.TurnsPerSecond));

        public int Unanswered => Rounds.Sum(run => run.Unanswered) + (Open?.Unanswered ?? 0);

        public int ServerErrors => Rounds.Sum(run => run.ServerErrors) + (Open?.ServerErrors ?? 0);

        public void Dispose() => driver.Dispose();
    }
}
