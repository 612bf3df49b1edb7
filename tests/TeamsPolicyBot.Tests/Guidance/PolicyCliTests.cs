using System.Text.Json;
using TeamsPolicyBot.Cli;

namespace TeamsPolicyBot.Tests.Guidance;

public sealed class PolicyCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policy-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int? Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PolicyCli.TryRunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:0")]
    [InlineData("serve")]
    public async Task TryRunAsync_NotAVerb_LetsTheBotStart(params string[] args) =>
        Assert.Null((await RunAsync(args)).Exit);

    [Fact]
    public async Task Ask_OneQuestion_PrintsTheAnswerShape()
    {
        var (exit, output, _) = await RunAsync("ask", "--packs", RepositoryPaths.Policies, "--pack", "fierte",
            "A pupil messaged me privately on Snapchat asking about homework. What should I do?");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["pack", "verdict", "report", "reportTo", "citations", "answer", "ask"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("fierte", root.GetProperty("pack").GetString());
        Assert.Equal("no", root.GetProperty("verdict").GetString());
        Assert.True(root.GetProperty("report").GetBoolean());
        Assert.Equal("the designated senior leader for Child Protection", root.GetProperty("reportTo").GetString());
        var citation = root.GetProperty("citations")[0];
        Assert.Equal(["section", "quote"], citation.EnumerateObject().Select(p => p.Name));
        Assert.Contains("What to do now:", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ask").ValueKind);
    }

    [Fact]
    public async Task Ask_FactMissing_PrintsTheQuestionAndNoVerdict()
    {
        var (_, output, _) = await RunAsync("ask", "--packs", RepositoryPaths.Policies, "--pack", "fierte", "Someone sent me a friend request");

        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("verdict").ValueKind);
        var ask = json.RootElement.GetProperty("ask");
        Assert.False(string.IsNullOrEmpty(ask.GetProperty("question").GetString()));
        Assert.True(ask.GetProperty("choices").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task Ask_Jsonl_WritesOneAnswerPerLineWithItsId()
    {
        var file = WriteFile("questions.jsonl", """
            {"id": "q1", "trust": "fierte", "question": "Can I post photos from sports day on my personal Instagram?"}
            {"id": "q2", "question": "Can I set up a Twitter account for the history department?"}
            """);

        var (exit, output, _) = await RunAsync("ask", "--packs", RepositoryPaths.Policies, "--pack", "fierte", "--jsonl", file);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["q1", "q2"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(["no", "ask_first"], lines.Select(l => l.GetProperty("verdict").GetString()));
    }

    [Fact]
    public async Task Ask_UnknownPack_ExitsWithUsage()
    {
        var (exit, _, error) = await RunAsync("ask", "--packs", RepositoryPaths.Policies, "--pack", "nowhere", "Can I?");

        Assert.Equal(2, exit);
        Assert.Contains("pack 'nowhere' cannot be used", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidatePack_ShippedPack_ExitsZero()
    {
        var (exit, output, _) = await RunAsync("validate-pack", Path.Combine(RepositoryPaths.Policies, "fierte.yaml"));

        Assert.Equal(0, exit);
        Assert.Contains("valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidatePack_Mistakes_ExitsNonZeroNamingFileAndLine()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "fierte.yaml"))
            .Replace("cite: [accounts-set-up-by-slt]", "cite: [accounts-set-up-by-the-head]", StringComparison.Ordinal);
        var file = WriteFile("fierte.yaml", yaml);
        var citeLine = yaml.Split('\n').ToList().FindIndex(l => l.Contains("accounts-set-up-by-the-head", StringComparison.Ordinal)) + 1;
        var ruleLine = citeLine - 1;

        var (exit, _, error) = await RunAsync("validate-pack", file);

        Assert.Equal(1, exit);
        Assert.Contains($"{file}:{ruleLine}: rule in 'new-account' cites unknown clause id 'accounts-set-up-by-the-head'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_Set_PrintsTheFourFigures()
    {
        var file = WriteFile("eval.jsonl", """
            {"id": "e1", "trust": "fierte", "question": "A Year 10 pupil has sent me a friend request on Facebook. Can I accept it?", "verdict": ["no"], "report": true, "sections": ["3.1"]}
            {"id": "e2", "trust": "fierte", "question": "Can I set up a Twitter account for the history department?", "verdict": ["yes"], "report": null, "sections": ["9.9"]}
            """);

        var (exit, output, _) = await RunAsync("eval", file, "--packs", RepositoryPaths.Policies);

        Assert.Equal(0, exit);
        Assert.Contains("verdict accuracy: 50.0 % (1/2)", output, StringComparison.Ordinal);
        Assert.Contains("false permissions: 0", output, StringComparison.Ordinal);
        Assert.Contains("report accuracy: 100.0 % (1/1)", output, StringComparison.Ordinal);
        Assert.Contains("citation accuracy: 50.0 % (1/2)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_Set_PrintsReportDutiesCaught()
    {
        var file = WriteFile("eval.jsonl", """
            {"id": "e1", "trust": "fierte", "question": "A Year 10 pupil has sent me a friend request on Facebook. Can I accept it?", "verdict": ["no"], "report": true, "sections": ["3.1"]}
            """);

        var (_, output, _) = await RunAsync("eval", file, "--packs", RepositoryPaths.Policies);

        Assert.Contains("report duty caught where due: 1/1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_Behaviour_PrintsEachTypesPassRateAndMeetsTheTargets()
    {
        var file = WriteFile("eval.jsonl", """
            {"id": "e1", "trust": "fierte", "question": "A former pupil who is now 19 sent me a friend request on Facebook. Can I accept it?", "verdict": ["no"], "report": false, "sections": ["3.1"]}
            {"id": "e2", "trust": "societas", "question": "A pupil's mum sent me a friend request on Facebook. Can I accept?", "verdict": ["no", "ask_first"], "report": true, "sections": ["5.1"]}
            """);

        var (exit, output, _) = await RunAsync("eval", file, "--behaviour", "--packs", RepositoryPaths.Policies);

        Assert.Equal(0, exit);
        Assert.Matches(@"invariance / two adjacent-letter typos: [\d.]+ % \(\d+/2\)", output);
        Assert.Matches(@"directional / age across the threshold: 100\.0 % \(4/4\)", output);
        Assert.Contains("false permissions: 0", output, StringComparison.Ordinal);
        Assert.Contains("targets", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_Questions_PrintsThroughputAndP99()
    {
        var file = WriteFile("bench.jsonl", """{"id": "b1", "trust": "fierte", "question": "Can I accept a friend request from a Year 9 pupil?"}""");

        var (exit, output, _) = await RunAsync("bench", file, "--packs", RepositoryPaths.Policies, "--seconds", "1");

        Assert.Equal(0, exit);
        Assert.Matches(@"answers per second: \d+", output);
        Assert.Matches(@"p99 latency: [\d.]+ ms", output);
    }

    [Theory]
    [InlineData("2.i", "2", true)]
    [InlineData("Appendix A: Personal Social Networking Standards", "Appendix A", true)]
    [InlineData("Use of Images", "Use of images", true)]
    [InlineData("3.10", "3.1", false)]
    [InlineData("Appendix 10", "Appendix 1", false)]
    [InlineData("3", "3.1", false)]
    public void SectionMatches_SubItemOrFullerHeading_Counts(string cited, string accepted, bool matches) =>
        Assert.Equal(matches, GuidanceEval.SectionMatches(cited, accepted));
}
