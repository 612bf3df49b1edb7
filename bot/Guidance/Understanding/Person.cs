namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>Someone the question is about: their role (a <see cref="Packs.Facts.People"/> value, or null
/// when the message does not say), their age now, and whether they are the member of staff's relative.</summary>
public sealed record Person(string? Role, AgeRange Age, bool? Relative, int Position);
