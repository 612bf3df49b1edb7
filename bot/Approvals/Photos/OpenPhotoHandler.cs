using Microsoft.Extensions.Options;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>
/// A thumbnail selected on a request card. Only the request's approvers and its requester get the photo: Teams
/// vouches for who clicked, so this is where access is decided. They get the card back (their own view of it)
/// with an "Open full size" link that works for <see cref="PhotoOptions.PhotoLinkLifetime"/>.
/// </summary>
public sealed class OpenPhotoHandler(
    ApprovalRequestStore requests, ApproverDirectory approverDirectory, ApprovalCards cards, PhotoLinks links, IOptions<PhotoOptions> options)
    : ICardActionHandler
{
    public async Task<AdaptiveCardInvokeResponse> HandleAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Sender() is not { } sender)
            return StaffTurn.Unidentified;
        var data = new FormData(action.Data);
        var stored = await requests.GetAsync(data.Text("requestId", 100), cancellationToken);
        if (stored is null)
            return AdaptiveCardInvokeResponse.Message("I can't find that request.");
        var request = stored.Request;
        var approvers = await approverDirectory.ApproversOfAsync(request.AcademyId, cancellationToken);
        var isRequester = string.Equals(sender.Id, request.Requester.Id, StringComparison.OrdinalIgnoreCase);
        if (!isRequester && !approvers.Contains(sender.Id))
            return AdaptiveCardInvokeResponse.Message("Only the approvers of this request and the person who made it can open its photos.");

        var photoId = data.Text("photoId", 40);
        var index = request.Photos.ToList().FindIndex(p => p.Id == photoId);
        if (index < 0)
            return AdaptiveCardInvokeResponse.Message("That photo has been deleted.");

        var minutes = Math.Max(1, (int)Math.Round(options.Value.PhotoLinkLifetime.TotalMinutes));
        var link = new PhotoLink(await links.CreateAsync(request.Id, photoId, cancellationToken),
            $"Photo {index + 1} of {request.Photos.Count}: {request.Photos[index].Name}. The link works for {minutes} minute{(minutes == 1 ? "" : "s")}.");
        var view = new RequestView(CanDecide: !isRequester && approvers.Contains(sender.Id), CanWithdraw: isRequester, Photo: link);
        return AdaptiveCardInvokeResponse.Card(cards.RequestCard(request, approvers, view));
    }
}
