using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Approvals;

/// <summary>A short-lived link to one of the request's photos, for the person who asked for it.</summary>
public sealed record PhotoLink(Uri Url, string Label);

/// <summary>How one person sees a request's card: with Approve / Reject, with Withdraw, or just its state; with a photo's link when they asked for one.</summary>
public sealed record RequestView(bool CanDecide = false, bool CanWithdraw = false, string Headline = "", string Notice = "", PhotoLink? Photo = null)
{
    public static RequestView Everyone { get; } = new();
}

/// <summary>Binds the approval cards (cards/approval-*.json) to requests and forms.</summary>
public sealed class ApprovalCards(CardTemplates templates, PolicyPack pack, IOptions<ApprovalsOptions> options)
{
    /// <summary>Teams identifies users in a card's <c>refresh.userIds</c> by MRI; for Entra users that is <c>8:orgid:&lt;object id&gt;</c>.</summary>
    public static string UserMri(string aadObjectId) => "8:orgid:" + aadObjectId;

    // Teams refreshes a card automatically for at most 60 listed users.
    private const int MaxRefreshUsers = 60;

    /// <summary>The trust's official accounts.</summary>
    public IReadOnlyList<string> TrustAccounts =>
        options.Value.Accounts.Count > 0 ? options.Value.Accounts
        : pack.OfficialAccounts.Count > 0 ? pack.OfficialAccounts
        : ["the school's official account"];

    /// <summary>The official accounts staff of <paramref name="academy"/> may ask to post on: its own, then the trust's.</summary>
    public IReadOnlyList<string> AccountsFor(Academy? academy) =>
        academy is { OwnAccounts.Count: > 0 } ? [.. academy.OwnAccounts, .. TrustAccounts.Except(academy.OwnAccounts)] : TrustAccounts;

    /// <param name="photoNames">The photos waiting to go with the request (sent in the chat).</param>
    public Attachment PostForm(PostForm form, IReadOnlyList<PolicyNote> problems, Academy? academy = null, IReadOnlyList<string>? photoNames = null)
    {
        var accounts = AccountsFor(academy);
        return templates.RenderAttachment("approval-form", new
        {
            approverRole = pack.Role("postApprover"),
            academy = academy?.Id ?? "",
            academyName = academy?.Name ?? "",
            accounts,
            account = form.Account.Length == 0 && accounts.Count == 1 ? accounts[0] : form.Account,
            form.Text,
            form.PlannedDate,
            form.PlannedTime,
            form.Photos,
            form.Identifies,
            form.NoPhotoList,
            form.Links,
            form.Note,
            attachedPhotos = (photoNames ?? []).Select(name => new { name }).ToList(),
            problems = Notes(problems),
        });
    }

    public Attachment AccountForm(AccountForm form, IReadOnlyList<PolicyNote> problems, Academy? academy = null) =>
        templates.RenderAttachment("approval-account-form", new
        {
            approverRole = AccountApproverRole,
            academy = academy?.Id ?? "",
            academyName = academy?.Name ?? "",
            form.AccountName,
            form.Aim,
            form.Audience,
            form.Promotion,
            form.FirstStaff,
            form.SecondStaff,
            form.Visibility,
            form.LogonRecord,
            form.Note,
            problems = Notes(problems),
        });

    public JsonElement RequestCard(ApprovalRequest request, IReadOnlySet<string> approvers, RequestView view) =>
        Request(request, approvers, view).Content!.Value;

    public Attachment Request(ApprovalRequest request, IReadOnlySet<string> approvers, RequestView view) =>
        templates.RenderAttachment("approval-request", new
        {
            requestId = request.Id,
            headline = view.Headline,
            kindLabel = request.Kind == RequestKinds.NewAccount ? "New official account request" : "Post approval request",
            title = request.Title,
            requester = request.Requester.Name,
            requestedAt = When(request.RequestedAt),
            fields = request.Fields,
            warnings = Notes(request.Warnings),
            photos = request.Photos.Select((photo, index) => new
            {
                photoId = photo.Id,
                url = "data:image/jpeg;base64," + photo.Thumbnail,
                altText = $"Photo {index + 1}",
            }).ToList(),
            photoLinkUrl = view.Photo?.Url.ToString() ?? "",
            photoLinkLabel = view.Photo?.Label ?? "",
            status = request.Status,
            statusText = StatusText(request),
            comment = request.Comment ?? "",
            notice = view.Notice,
            canDecide = view.CanDecide && request.IsPending,
            canWithdraw = view.CanWithdraw && request.IsPending,
            refreshUserIds = approvers.Order(StringComparer.Ordinal).Take(MaxRefreshUsers).Select(UserMri).ToList(),
        });

    /// <summary>A list of requests; <paramref name="forApprover"/> adds "Review", otherwise pending ones get "Withdraw".</summary>
    public Attachment List(string heading, string emptyText, IEnumerable<ApprovalRequest> requests, bool forApprover) =>
        templates.RenderAttachment("approval-list", new
        {
            heading,
            emptyText,
            items = requests.Select(r => new
            {
                requestId = r.Id,
                title = r.Title,
                statusText = StatusText(r),
                requester = r.Requester.Name,
                requestedAt = When(r.RequestedAt),
                canWithdraw = !forApprover && r.IsPending,
                canReview = forApprover && r.IsPending,
            }).ToList(),
        });

    public string StatusText(ApprovalRequest request) => request.Status switch
    {
        ApprovalStatus.Approved => $"Approved by {request.DecidedBy?.Name} on {When(request.DecidedAt)}",
        ApprovalStatus.Rejected => $"Rejected by {request.DecidedBy?.Name} on {When(request.DecidedAt)}",
        ApprovalStatus.Withdrawn => $"Withdrawn by {request.DecidedBy?.Name} on {When(request.DecidedAt)}",
        _ => $"Waiting for {(request.Kind == RequestKinds.NewAccount ? AccountApproverRole : pack.Role("postApprover"))} to approve",
    };

    public static string When(DateTimeOffset? at) => at is { } time ? StaffTime.DateAndTime(time) : "";

    private string AccountApproverRole => pack.Roles.ContainsKey("accountApprover") ? pack.Role("accountApprover") : pack.Role("postApprover");

    private static List<object> Notes(IReadOnlyList<PolicyNote> notes) =>
        notes.Select(n => (object)new { text = n.Text, section = n.Section ?? "", quote = n.Quote ?? "" }).ToList();
}
