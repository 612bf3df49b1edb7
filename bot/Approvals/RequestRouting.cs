using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Approvals;

/// <summary>Which academy a request is for, and so whose approvers decide it.</summary>
public sealed class RequestRouting(TrustAcademies trust, AcademyDirectory directory, AcademyPicker picker)
{
    /// <summary>
    /// The first card of a request: the form for the sender's academy; the academy picker when the bot does not know
    /// it yet (the answer is remembered), or when the sender works at several (asked each time).
    /// </summary>
    public async Task<Attachment> FirstCardAsync(TurnContext turn, string then, Func<Academy?, Attachment> form, CancellationToken cancellationToken)
    {
        if (!trust.Configured || turn.Sender() is not { } sender)
            return form(null);
        var mine = await directory.ForAsync(sender.Id, cancellationToken);
        return mine.Academies.Count switch
        {
            1 => form(mine.Academies[0]),
            0 => picker.AskOnce(trust.All, then),
            _ => picker.AskForRequest(mine, then),
        };
    }

    /// <summary>
    /// The academy a submitted form is for: the one the form names if the requester works there (the card's data is
    /// never trusted alone), else their only academy.
    /// </summary>
    /// <returns>Known false when it cannot be told; Academy null for a trust run as one academy.</returns>
    public async Task<(bool Known, Academy? Academy)> AcademyOfAsync(StaffMember requester, string named, CancellationToken cancellationToken)
    {
        if (!trust.Configured)
            return (true, null);
        var mine = await directory.ForAsync(requester.Id, cancellationToken);
        if (mine.Academies.FirstOrDefault(a => string.Equals(a.Id, named, StringComparison.OrdinalIgnoreCase)) is { } academy)
            return (true, academy);
        return mine.Academies.Count == 1 ? (true, mine.Academies[0]) : (false, null);
    }

    /// <summary>
    /// The academy's approvers decide its requests, except a post on a trust-wide account of an academy that has
    /// accounts of its own: the trust's approvers decide those.
    /// </summary>
    public ApprovalScope ScopeOf(Academy? academy, string kind, string account) =>
        academy is null ? trust.Trust
        : kind == RequestKinds.Post && academy.OwnAccounts.Count > 0 && !academy.OwnAccounts.Contains(account) ? trust.Trust
        : academy.Approvals;
}
