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

        var ours = await MeasureAsync(options, bed, bed.Ours, questions);
        BotFigures? peer = null;
        if (options.Peer)
        {
            using var echo = await BotProcess.StartPeerAsync(bed.RepositoryRoot);
            peer = await MeasureAsync(options, bed, echo, questions);
        }
        Print(options, ours, peer);
    }

    private static async Task<BotFigures> MeasureAsync(LoadOptions options, TestBed bed, BotProcess bot, IReadOnlyList<string> questions)
    {
        using var driver = bed.Driver(bot, questions);
        await WarmUpAsync(bot, bed, driver, options);
        Console.WriteLine($"[{bot.Name}] closed loop: {options.Conversations} conversations x {options.Questions} questions, {ClosedLoopRounds} rounds");
        var rounds = new List<RunResult>();
        for (var round = 1; round <= ClosedLoopRounds; round++)
        {
            var (run, botCpu, storageCpu) = await ClosedLoopRoundAsync(bot, bed, driver, options);
            Console.WriteLine($"[{bot.Name}]   {run.TurnsPerSecond:0} turns/s, {run.Unanswered} unanswered, {run.ServerErrors} 5xx; "
                + $"CPU per turn: bot {botCpu:0.00} ms, Azurite {storageCpu:0.00} ms");
            rounds.Add(run);
        }
        // The median round: one round is two seconds on a shared machine, where a neighbour's burst moves it by a third.
        var closedTurnsPerSecond = rounds.Select(run => run.TurnsPerSecond).Order().ElementAt(ClosedLoopRounds / 2);
        Console.WriteLine($"[{bot.Name}] open loop: {options.Rate} turns/s for {options.DurationSeconds} s");
        var open = await driver.OpenLoopAsync(options.Conversations, options.Rate, TimeSpan.FromSeconds(options.DurationSeconds));
        Console.WriteLine($"[{bot.Name}]   p50 {open.Percentile(50):0.0} ms, p95 {open.Percentile(95):0.0} ms, p99 {open.Percentile(99):0.0} ms, {open.Unanswered} unanswered, {open.ServerErrors} 5xx");
        return new BotFigures(
            closedTurnsPerSecond,
            rounds.Sum(run => run.Unanswered) + open.Unanswered,
            rounds.Sum(run => run.ServerErrors) + open.ServerErrors,
            open,
            bot.PeakWorkingSetMiB());
    }

    /// <summary>
    /// Closed-loop rounds for at least <see cref="MinimumWarmUp"/>, then until the bot's CPU per turn settles (two rounds
    /// in a row within 5 %): .NET recompiles hot code with profile data for tens of thousands of turns after start,
    /// and a bot that has served for minutes is what Teams sees. Both bots warm up the same way.
    /// </summary>
    private static async Task WarmUpAsync(BotProcess bot, TestBed bed, LoadDriver driver, LoadOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        var round = 0;
        var previous = double.NaN;
        while (Stopwatch.GetElapsedTime(started) < MaximumWarmUp)
        {
            var (run, cpuPerTurn, _) = await ClosedLoopRoundAsync(bot, bed, driver, options);
            Console.WriteLine($"[{bot.Name}] warming up, round {++round}: {run.TurnsPerSecond:0} turns/s, bot CPU per turn {cpuPerTurn:0.00} ms");
            if (Stopwatch.GetElapsedTime(started) >= MinimumWarmUp && Math.Abs(cpuPerTurn - previous) <= 0.05 * previous)
                return;
            previous = cpuPerTurn;
        }
    }

    /// <summary>One closed-loop round and the milliseconds of CPU per turn the bot and Azurite spent on it.</summary>
    private static async Task<(RunResult Run, double BotCpu, double StorageCpu)> ClosedLoopRoundAsync(
        BotProcess bot, TestBed bed, LoadDriver driver, LoadOptions options)
    {
        var (botCpu, storageCpu) = (bot.ProcessorTime, bed.Azurite.ProcessorTime);
        var run = await driver.ClosedLoopAsync(options.Conversations, options.Questions);
        double PerTurn(TimeSpan cpu) => cpu.TotalMilliseconds / run.Turns.Count;
        return (run, PerTurn(bot.ProcessorTime - botCpu), PerTurn(bed.Azurite.ProcessorTime - storageCpu));
    }

    private static void Print(LoadOptions options, BotFigures ours, BotFigures? peer)
    {
        string Ratio(double a, double? b) => b is { } value && value > 0 ? (a / value).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";
        string Cell(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
        Console.WriteLine();
        Console.WriteLine($"| {Environment.ProcessorCount}-core machine, loopback | TeamsPolicyBot | botbuilder-js 4.23.3 echo bot | ours / peer |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| Closed loop, {options.Conversations} conversations × {options.Questions} questions (turns/s, median of {ClosedLoopRounds} rounds) | {ours.ClosedTurnsPerSecond:0} | {Cell(peer?.ClosedTurnsPerSecond, "0")} | {Ratio(ours.ClosedTurnsPerSecond, peer?.ClosedTurnsPerSecond)} |");
        foreach (var percent in new[] { 50, 95, 99 })
            Console.WriteLine($"| Open loop {options.Rate} turns/s for {options.DurationSeconds} s, p{percent} (ms) | {ours.Open.Percentile(percent):0.0} | {Cell(peer?.Open.Percentile(percent), "0.0")} | {Ratio(ours.Open.Percentile(percent), peer?.Open.Percentile(percent))} |");
        Console.WriteLine($"| Unanswered turns / 5xx | {ours.Unanswered} / {ours.ServerErrors} | {(peer is null ? "–" : $"{peer.Unanswered} / {peer.ServerErrors}")} | |");
        Console.WriteLine($"| Peak working set (MiB) | {ours.PeakMiB:0} | {Cell(peer?.PeakMiB, "0")} | {Ratio(ours.PeakMiB, peer?.PeakMiB)} |");
    }

    /// <summary>A bot's figures: the median closed-loop round, every turn that went unanswered or got a 5xx, the open loop.</summary>
    private sealed record BotFigures(double ClosedTurnsPerSecond, int Unanswered, int ServerErrors, RunResult Open, double PeakMiB);
}
