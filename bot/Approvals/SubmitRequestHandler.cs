using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Approvals.Photos;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Approvals;

/// <summary>
/// "Send for approval" on a post or new-account form. The pre-check runs here on every submission; a request with a
/// problem goes back to the requester as the filled-in form with the policy's clause, and is never stored. A request
/// that passes is stored, sent to the approvers of its academy (or the trust's), and the form becomes the requester's
/// view of the request.
/// </summary>
public sealed partial class SubmitRequestHandler(
    ApprovalCards cards,
    PostPreCheck preCheck,
    ApprovalRequestStore requests,
    ApprovalAuditLog audit,
    ApprovalCardStore copies,
    ApproverDirectory approverDirectory,
    RequestRouting routing,
    ApprovalMessenger messenger,
    PhotoStore photos,
    ApprovalMetrics metrics,
    TimeProvider time,
    ILogger<SubmitRequestHandler> logger) : ICardActionHandler
{
    public async Task<AdaptiveCardInvokeResponse> HandleAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Sender() is not { } requester)
            return StaffTurn.Unidentified;

        var (known, academy) = await routing.AcademyOfAsync(requester, new FormData(action.Data).Text("academy", 40), cancellationToken);
        if (action.Verb == ApprovalVerbs.SubmitAccount)
        {
            var account = AccountForm.Read(action.Data);
            if (!known)
                return Card(cards.AccountForm(account, [UnknownAcademy]));
            var incomplete = account.Problems().ToList();
            if (incomplete.Count > 0)
                return Card(cards.AccountForm(account, incomplete, academy));
            return await SubmitAsync(RequestKinds.NewAccount, account.Title, WithAcademy(academy, account.Fields()), [], [], requester, turn,
                routing.ScopeOf(academy, RequestKinds.NewAccount, ""), problems => cards.AccountForm(account, problems, academy), cancellationToken);
        }

        var post = PostForm.Read(action.Data);
        var staged = await photos.StagedAsync(requester.Id, cancellationToken);
        var photoNames = staged.Select(p => p.Name).ToList();
        if (!known)
            return Card(cards.PostForm(post, [UnknownAcademy], photoNames: photoNames));
        var missing = post.Missing(cards.AccountsFor(academy)).ToList();
        if (missing.Count > 0)
            return Card(cards.PostForm(post, missing, academy, photoNames));
        var check = preCheck.Check(post, staged.Count);
        if (!check.Passed)
            return Card(cards.PostForm(post, check.Problems, academy, photoNames));
        return await SubmitAsync(RequestKinds.Post, post.Title, WithAcademy(academy, post.Fields()), check.Warnings, staged, requester, turn,
            routing.ScopeOf(academy, RequestKinds.Post, post.Account), problems => cards.PostForm(post, problems, academy, photoNames), cancellationToken);
    }

    private static readonly PolicyNote UnknownAcademy =
        new("I couldn't tell which academy this is for. Type \"my academy\" to tell me, then \"request a post\" again.");

    private static IReadOnlyList<RequestField> WithAcademy(Academy? academy, IReadOnlyList<RequestField> fields) =>
        academy is null ? fields : [new RequestField("Academy", academy.Name), .. fields];

    private async Task<AdaptiveCardInvokeResponse> SubmitAsync(
        string kind, string title, IReadOnlyList<RequestField> fields, IReadOnlyList<PolicyNote> warnings, IReadOnlyList<StoredPhoto> staged, StaffMember requester,
        TurnContext turn, ApprovalScope scope, Func<IReadOnlyList<PolicyNote>, Attachment> formWith, CancellationToken cancellationToken)
    {
        var approvers = await approverDirectory.ApproversOfAsync(scope, cancellationToken);
        if (approvers.Count == 0)
            return Card(formWith([new PolicyNote("No approvers are set up yet, so I can't send this. Please tell whoever looks after this bot.")]));

        var activity = turn.Activity;
        var conversationId = activity.Conversation!.Id!;
        var now = time.GetUtcNow();
        var request = new ApprovalRequest(
            ApprovalIds.New(now, conversationId, activity.ReplyToId), kind, title, fields, warnings, requester, now,
            new RequestOrigin(activity.ServiceUrl!, activity.TenantId ?? "", activity.Recipient?.Id ?? "", activity.Recipient?.Name, conversationId))
        {
            AcademyId = scope.AcademyId,
            Photos = [.. staged.Select(p => p.ForRequest())],
        };

        if (await requests.TryAddAsync(request, cancellationToken))
        {
            await photos.ClaimAsync(staged, request.Id, cancellationToken);
            await audit.AppendAsync(new AuditEntry(request.Id, AuditActions.Requested, requester.Id, requester.Name, now, conversationId, kind), cancellationToken);
            if (activity.ReplyToId is { Length: > 0 } formMessageId)
                await copies.AddAsync(request.Id, new CardCopy(conversationId, formMessageId), cancellationToken);
            var posted = await messenger.SendToApproversAsync(request, approvers, cancellationToken);
            LogSubmitted(logger, request.Id, kind, posted);
            metrics.Submitted(request);
        }
        else if (await requests.GetAsync(request.Id, cancellationToken) is { } earlier)
        {
            request = earlier.Request;
        }
        return AdaptiveCardInvokeResponse.Card(cards.RequestCard(request, approvers,
            new RequestView(CanWithdraw: true, Headline: "Sent for approval. I'll message you when it's decided.")));
    }

    private static AdaptiveCardInvokeResponse Card(Attachment form) => AdaptiveCardInvokeResponse.Card(form.Content!.Value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} ({Kind}) passed the pre-check and was queued for {Copies} approver conversation(s)")]
    private static partial void LogSubmitted(ILogger logger, string requestId, string kind, int copies);
}
