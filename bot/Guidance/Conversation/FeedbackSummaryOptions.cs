namespace TeamsPolicyBot.Guidance.Conversation;

/// <summary>Configuration section <c>GuidanceFeedback</c>: who may read the "Was this right?" counts.</summary>
public sealed class FeedbackSummaryOptions
{
    public const string Section = "GuidanceFeedback";

    /// <summary>The policy lead(s): Entra object ids, comma-separated. Empty: nobody can read the summary in Teams.</summary>
    public string Readers { get; set; } = "";

    public IReadOnlyList<string> ReaderIds =>
        Readers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<string> Problems() =>
        ReaderIds.Where(id => !Guid.TryParse(id, out _))
            .Select(id => $"GuidanceFeedback:Readers must list Entra object ids (GUIDs) separated by commas; '{id}' is not one.");
}
