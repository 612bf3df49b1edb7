using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using TeamsPolicyBot.Guidance;

namespace TeamsPolicyBot.Cli;

/// <summary>The CLI's answer shape: <c>{"id"?, "pack", "verdict", "report", "reportTo", "citations", "answer", "ask"}</c>.</summary>
internal sealed record AnswerJson(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    string Pack,
    string? Verdict,
    bool Report,
    string? ReportTo,
    IReadOnlyList<CitationJson> Citations,
    string Answer,
    AskJson? Ask)
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static AnswerJson From(GuidanceResult result, string? id = null) => new(
        id,
        result.Pack,
        result.Verdict,
        result.Report,
        result.ReportTo,
        result.Citations.Select(c => new CitationJson(c.Section, c.Quote)).ToList(),
        result.WhatToDoNow.Length == 0 ? result.Answer : $"{result.Answer} What to do now: {result.WhatToDoNow}",
        result.Ask is null ? null : new AskJson(result.Ask.Question, result.Ask.Fact, result.Ask.Choices.Select(c => new ChoiceJson(c.Label, c.Value)).ToList()));

    public string ToJson() => JsonSerializer.Serialize(this, Options);
}

internal sealed record CitationJson(string Section, string Quote);

internal sealed record AskJson(string Question, string Fact, IReadOnlyList<ChoiceJson> Choices);

internal sealed record ChoiceJson(string Label, string Value);
