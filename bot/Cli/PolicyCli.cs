using System.Diagnostics;
using TeamsPolicyBot.Cli.Behaviour;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Cli;

/// <summary>
/// Command-line verbs, run before the web host starts:
/// <c>validate-pack &lt;file&gt;…</c>, <c>ask</c>, <c>eval &lt;file&gt;</c>, <c>bench &lt;file&gt;</c>.
/// Call first thing in Program.cs: <c>if (await PolicyCli.TryRunAsync(args) is int exitCode) return exitCode;</c>
/// </summary>
public static class PolicyCli
{
    private const string Usage = """
        usage:
          validate-pack <file.yaml>...                      check packs; errors name the line
          ask --pack <id> "<question>"                      answer one question as JSON
          ask [--pack <id>] --jsonl <file>                  answer {"id","trust"?,"question"} lines, one JSON line each
          eval <file.jsonl> [--details]                     score an evaluation set (tests/eval/README.md)
          eval <file.jsonl> --behaviour [--details]         behavioural tests made from its cases: pass rate by type;
                                                            exits 1 below 98% invariance, 100% directional or on a false permission
          bench <file.jsonl> [--pack <id>] [--seconds <n>]  answers per second and p99 latency, in-process
        options: --packs <dir> reads packs from <dir> instead of the shipped policies/
        """;

    /// <returns>The exit code when <paramref name="args"/> name a CLI verb; null to let the bot start.</returns>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] is not ("validate-pack" or "ask" or "eval" or "bench")) return null;
        output ??= Console.Out;
        error ??= Console.Error;
        try
        {
            var arguments = new CliArguments(args.Skip(1));
            return args[0] switch
            {
                "validate-pack" => ValidatePacks(arguments, output, error),
                "ask" => await AskAsync(arguments, output, cancellationToken),
                "eval" => await EvalAsync(arguments, output, cancellationToken),
                _ => await BenchAsync(arguments, output, cancellationToken),
            };
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync(Usage);
            return 2;
        }
    }

    private static int ValidatePacks(CliArguments arguments, TextWriter output, TextWriter error)
    {
        if (arguments.Positional.Count == 0) throw new CliUsageException("validate-pack needs at least one pack file");
        var failed = false;
        foreach (var file in arguments.Positional)
        {
            var result = PolicyPackLoader.LoadFile(file);
            if (result.IsValid)
            {
                var pack = result.Pack!;
                output.WriteLine($"{file}: valid ({pack.Clauses.Count} clauses, {pack.Topics.Values.Sum(r => r.Count)} rules in {pack.Topics.Count} topics, {pack.Duties.Count} duties)");
                continue;
            }
            failed = true;
            foreach (var problem in result.Errors)
                error.WriteLine($"{file}:{problem.Line}: {problem.Message}");
        }
        return failed ? 1 : 0;
    }

    private static async Task<int> AskAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var engines = new PackEngines(arguments.Option("packs"));
        var packId = arguments.Option("pack");
        if (arguments.Option("jsonl") is { } file)
        {
            foreach (var line in await QuestionLine.ReadAllAsync(file, cancellationToken))
                await output.WriteLineAsync(AnswerJson.From(engines.For(line, packId).Answer(line.Question), line.Id).ToJson());
            return 0;
        }
        if (packId is null) throw new CliUsageException("ask needs --pack <id>");
        if (arguments.Positional.Count != 1) throw new CliUsageException("ask needs exactly one question, in quotes");
        await output.WriteLineAsync(AnswerJson.From(engines.For(packId).Answer(arguments.Positional[0])).ToJson());
        return 0;
    }

    private static async Task<int> EvalAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count != 1) throw new CliUsageException("eval needs one evaluation file");
        var engines = new PackEngines(arguments.Option("packs"));
        var cases = await QuestionLine.ReadAllAsync(arguments.Positional[0], cancellationToken);
        if (arguments.Flag("behaviour"))
            return await BehaviourAsync(cases, engines, arguments, output);

        var outcomes = new List<EvalOutcome>();
        foreach (var line in cases)
            outcomes.Add(GuidanceEval.Score(line, engines.For(line, arguments.Option("pack")).Answer(line.Question)));

        if (arguments.Flag("details"))
        {
            foreach (var miss in outcomes.Where(o => !o.VerdictRight || o.ReportRight == false || !o.CitationRight))
            {
                var r = miss.Result;
                await output.WriteLineAsync(
                    $"{miss.Case.Id} [{miss.Case.Trust}] {miss.Case.Question}\n" +
                    $"   got {r.Verdict ?? "ask: " + r.Ask?.Question} report={r.Report} topic={r.Topic} cites={string.Join(",", r.Citations.Select(c => c.Section))}; " +
                    $"want {string.Join("|", miss.Case.Verdict ?? [])} report={miss.Case.Report?.ToString() ?? "any"} sections={string.Join("|", miss.Case.Sections ?? [])}");
            }
        }
        var figures = GuidanceEval.Figures(outcomes);
        await output.WriteLineAsync($"cases: {figures.Cases}");
        await output.WriteLineAsync($"verdict accuracy: {figures.VerdictAccuracy:P1} ({figures.VerdictsRight}/{figures.Cases})");
        await output.WriteLineAsync($"false permissions: {figures.FalsePermissions}");
        await output.WriteLineAsync($"report accuracy: {figures.ReportAccuracy:P1} ({figures.ReportsRight}/{figures.ReportCases})");
        await output.WriteLineAsync($"report duty caught where due: {figures.ReportsCaught}/{figures.ReportsDue}");
        await output.WriteLineAsync($"citation accuracy: {figures.CitationAccuracy:P1} ({figures.CitationsRight}/{figures.Cases})");
        return 0;
    }

    private static async Task<int> BehaviourAsync(IReadOnlyList<QuestionLine> cases, PackEngines engines, CliArguments arguments, TextWriter output)
    {
        var outcomes = BehaviourSuite.Run(cases, line => engines.For(line, arguments.Option("pack"))).ToList();
        if (arguments.Flag("details"))
        {
            foreach (var miss in outcomes.Where(o => !o.Passed || o.FalsePermission))
                await output.WriteLineAsync(
                    $"{miss.Case.Id} [{miss.Case.Trust}] {miss.Type}: {miss.Question}\n" +
                    $"   got {miss.Actual.Verdict ?? "a question"} report={miss.Actual.Report}; want {miss.Expected.Verdict} report={miss.Expected.Report}");
        }
        await output.WriteLineAsync($"cases: {cases.Count}");
        foreach (var (kind, type, passed, total) in BehaviourSuite.Rates(outcomes))
            await output.WriteLineAsync($"{kind} / {type}: {Share(passed, total):P1} ({passed}/{total})");
        foreach (var kind in new[] { BehaviourSuite.Invariance, BehaviourSuite.Directional })
            await output.WriteLineAsync($"{kind}: {BehaviourSuite.Rate(outcomes, kind):P1} ({outcomes.Count(o => o.Kind == kind && o.Passed)}/{outcomes.Count(o => o.Kind == kind)})");
        await output.WriteLineAsync($"false permissions: {outcomes.Count(o => o.FalsePermission)}");
        var met = BehaviourSuite.MeetsTargets(outcomes);
        await output.WriteLineAsync($"targets (invariance >= {BehaviourSuite.InvarianceTarget:P0}, directional {BehaviourSuite.DirectionalTarget:P0}, no false permission): {(met ? "met" : "not met")}");
        return met ? 0 : 1;
    }

    private static double Share(int part, int whole) => whole == 0 ? 1 : (double)part / whole;

    private static async Task<int> BenchAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count != 1) throw new CliUsageException("bench needs one question file");
        var engines = new PackEngines(arguments.Option("packs"));
        var questions = (await QuestionLine.ReadAllAsync(arguments.Positional[0], cancellationToken))
            .Select(l => (Engine: engines.For(l, arguments.Option("pack")), l.Question))
            .ToList();
        var duration = TimeSpan.FromSeconds(arguments.IntOption("seconds", 3));

        foreach (var (engine, question) in questions) engine.Answer(question);

        var latencies = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed < duration)
        {
            foreach (var (engine, question) in questions)
            {
                var start = Stopwatch.GetTimestamp();
                engine.Answer(question);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        total.Stop();
        latencies.Sort();
        var p99 = latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1];
        await output.WriteLineAsync($"answers: {latencies.Count} in {total.Elapsed.TotalSeconds:F1} s");
        await output.WriteLineAsync($"answers per second: {latencies.Count / total.Elapsed.TotalSeconds:F0}");
        await output.WriteLineAsync($"p50 latency: {latencies[latencies.Count / 2]:F3} ms");
        await output.WriteLineAsync($"p99 latency: {p99:F3} ms");
        return 0;
    }
}
