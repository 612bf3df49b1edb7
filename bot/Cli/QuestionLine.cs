using System.Text.Json;

namespace TeamsPolicyBot.Cli;

/// <summary>One line of a JSONL question file: <c>{"id", "trust"?, "question"}</c>, plus the expected answer
/// fields when the file is an evaluation set (<c>verdict</c>, <c>report</c>, <c>sections</c>).</summary>
internal sealed record QuestionLine(
    string Id,
    string? Trust,
    string Question,
    IReadOnlyList<string>? Verdict,
    bool? Report,
    IReadOnlyList<string>? Sections)
{
    public static async Task<IReadOnlyList<QuestionLine>> ReadAllAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new CliUsageException($"no such file: {path}");
        var lines = new List<QuestionLine>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            QuestionLine? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<QuestionLine>(line, AnswerJson.Options);
            }
            catch (JsonException e)
            {
                throw new CliUsageException($"{path} line {number}: not valid JSON ({e.Message})");
            }
            if (parsed is null || string.IsNullOrWhiteSpace(parsed.Id) || string.IsNullOrWhiteSpace(parsed.Question))
                throw new CliUsageException($"{path} line {number}: needs \"id\" and \"question\"");
            lines.Add(parsed);
        }
        return lines;
    }
}
