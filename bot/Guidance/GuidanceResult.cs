namespace TeamsPolicyBot.Guidance;

/// <summary>
/// The engine's answer to one question. Either a verdict (<see cref="Verdict"/> set, <see cref="Ask"/> null)
/// or a question back (<see cref="Ask"/> set, <see cref="Verdict"/> null) when a fact that changes the
/// answer is missing: pass the chosen <see cref="GuidanceChoice"/> back to <see cref="GuidanceEngine.Answer"/>.
/// </summary>
public sealed record GuidanceResult(
    string Pack,
    string? Topic,
    string? Verdict,
    bool Report,
    string? ReportTo,
    IReadOnlyList<Citation> Citations,
    string Answer,
    string WhatToDoNow,
    GuidanceQuestion? Ask);

/// <summary>A clause quoted in an answer: <see cref="Section"/> exactly as the trust's document prints it.</summary>
public sealed record Citation(string Section, string Heading, string Quote);

/// <summary>A question back to the member of staff: answer it by passing
/// <c>{ [Fact] = choice.Value }</c> with the original question.</summary>
public sealed record GuidanceQuestion(string Fact, string Question, IReadOnlyList<GuidanceChoice> Choices);

public sealed record GuidanceChoice(string Label, string Value);
