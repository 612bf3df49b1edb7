using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Approvals;

namespace TeamsPolicyBot.PolicyLeads;

/// <summary>Which academy a question for the policy leads is from: known, or the academies the asker must choose from.</summary>
/// <param name="Academy">Null for a trust run as one academy, or while the asker must choose.</param>
public sealed record QuestionAcademy(bool Known, Academy? Academy, IReadOnlyList<Academy> Choices, string Prompt)
{
    public static QuestionAcademy Of(Academy? academy) => new(true, academy, [], "");
}

/// <summary>
/// Which academy a question is from, and so whose policy leads answer it, as for a post request: the asker's academy;
/// someone in several chooses each time; someone the records say nothing about chooses once and it is remembered.
/// A choice sent back in the card is never trusted alone: it must be one of the asker's academies.
/// </summary>
public sealed class QuestionRouting(TrustAcademies trust, AcademyDirectory directory)
{
    public async Task<QuestionAcademy> AcademyOfAsync(StaffMember asker, string? chosen, CancellationToken cancellationToken)
    {
        if (!trust.Configured)
            return QuestionAcademy.Of(null);
        var mine = await directory.ForAsync(asker.Id, cancellationToken);
        if (chosen is { Length: > 0 })
        {
            if (mine.Academies.FirstOrDefault(a => string.Equals(a.Id, chosen, StringComparison.OrdinalIgnoreCase)) is { } academy)
                return QuestionAcademy.Of(academy);
            if (!mine.FromRecords && await directory.ChooseAsync(asker.Id, chosen, cancellationToken))
                return QuestionAcademy.Of(trust.Find(chosen));
        }
        return mine.Academies.Count switch
        {
            1 => QuestionAcademy.Of(mine.Academies[0]),
            0 => new(false, null, trust.All, "Which academy do you work at? I'll remember it. Type \"my academy\" to see or change it."),
            _ => new(false, null, mine.Academies, $"Which academy is this question for? You work at {mine.Names}, so I ask each time."),
        };
    }
}
