using TeamsPolicyBot.Guidance;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Approvals;

/// <summary>What the pre-check found: problems send the form back to the requester; warnings go to the approver.</summary>
public sealed record PreCheckResult(IReadOnlyList<PolicyNote> Problems, IReadOnlyList<PolicyNote> Warnings)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>
/// Checks a post request against the trust's pack before any approver sees it. Runs on the server for every
/// submission, whatever the card sent. Each problem quotes the clause of the pack's rule that forbids it.
/// </summary>
public sealed class PostPreCheck(PolicyPack pack, GuidanceEngine guidance)
{
    private static readonly HashSet<string> ControversialTopics = [Topics.Political, Topics.Grievance];

    /// <param name="photoCount">How many photos the requester sent with the request.</param>
    public PreCheckResult Check(PostForm form, int photoCount = 0)
    {
        var problems = new List<PolicyNote>();
        if (photoCount > 0 && form.Photos == PostForm.PhotoAnswers.None)
            problems.Add(PhotoRule(Facts.ParentConsent,
                $"You sent {photoCount} photo{(photoCount == 1 ? "" : "s")} but answered that the post has no photos or video of pupils. "
                + "If they show pupils, say so and confirm written consent; if they shouldn't go with this post, type \"remove photos\"."));
        if (form.HasPhotos)
        {
            if (form.Photos == PostForm.PhotoAnswers.NotSure)
                problems.Add(PhotoRule(Facts.ParentConsent,
                    "You are not sure everyone pictured has written consent. Only pupils whose parents or carers have given written consent may appear."));
            if (form.Identifies == "yes")
                problems.Add(PhotoRule(Facts.Identifies,
                    "The post gives pupils' full names or class with photos or video. Take the names and class out."));
            if (form.NoPhotoList is "yes" or "unsure")
                problems.Add(PhotoRule(Facts.NoPhotoList, form.NoPhotoList == "yes"
                    ? "A pupil pictured is on the no-photo list. Use photos without them."
                    : "You are not sure whether a pupil pictured is on the no-photo list. Check the list first."));
        }
        if (PersonalInformation.Find(form.Text) is { Count: > 0 } found)
            problems.Add(Note($"The post text contains {string.Join(" and ", found)}. Take personal information out.",
                KnownFacts.Decide(pack, Topics.PersonalInfo, new Dictionary<string, string>()), prefer: "personal information"));

        return new PreCheckResult(problems, Warnings(form));
    }

    private List<PolicyNote> Warnings(PostForm form)
    {
        var warnings = new List<PolicyNote>();
        if (form.Links.Length > 0 || PersonalInformation.HasLink(form.Text))
            warnings.Add(new PolicyNote("The post links to other sites: open each link and check where it goes before approving."));

        var reading = guidance.Answer(form.Text);
        if (reading.Topic is { } topic && ControversialTopics.Contains(topic))
        {
            var clause = pack.Clauses.FirstOrDefault(c => c.Quote.Contains("controversial", StringComparison.OrdinalIgnoreCase));
            var citation = reading.Citations.FirstOrDefault();
            warnings.Add(new PolicyNote(
                "The post may be controversial (political, religious, campaigning or critical): read it with the policy in mind.",
                clause?.Section ?? citation?.Section, clause?.Quote ?? citation?.Quote));
        }
        return warnings;
    }

    private PolicyNote PhotoRule(string fact, string text) =>
        Note(text, KnownFacts.Decide(pack, Topics.Photos, new Dictionary<string, string>
        {
            [Facts.Account] = "official",
            [fact] = fact == Facts.ParentConsent ? Facts.No : Facts.Yes,
        }));

    /// <summary>The note with the rule's first clause, or its first clause that mentions <paramref name="prefer"/>.</summary>
    private PolicyNote Note(string text, PackRule? rule, string? prefer = null)
    {
        var cited = rule?.Cite.Select(pack.Clause).ToList() ?? [];
        var clause = cited.FirstOrDefault(c => prefer is not null && c.Quote.Contains(prefer, StringComparison.OrdinalIgnoreCase))
            ?? cited.FirstOrDefault();
        return clause is null ? new PolicyNote(text) : new PolicyNote(text, clause.Section, clause.Quote);
    }
}
