using TeamsPolicyBot.Academies;
using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Guidance.Packs;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Welcome;

/// <summary>
/// The card that says what the bot does, with example questions as buttons (cards/welcome.json), and, in a trust
/// with several academies, which academy the bot thinks the reader is in and how to change it.
/// </summary>
public sealed class WelcomeCard(CardTemplates templates, PolicyPack pack, TrustAcademies trust, AcademyDirectory academies)
{
    private static readonly string[] ExampleQuestions =
    [
        "A former pupil who is 19 sent me a friend request. Can I accept?",
        "Can I post sports day photos on my own Instagram?",
        "A pupil messaged me on Instagram. What should I do?",
    ];

    // Without academies the card depends only on the pack, so it is bound once rather than on every "help".
    private readonly Lazy<Attachment> _card = new(() => templates.RenderAttachment("welcome", new { trust = pack.Trust, academyLine = "", examples = ExampleQuestions }));

    /// <summary>
    /// The card for whoever sent <paramref name="turn"/>; in a channel or group chat everyone reads it, so it names
    /// nobody's academy there.
    /// </summary>
    public async Task<Attachment> RenderForAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!trust.Configured)
            return Render();
        if (turn.Activity.Conversation?.ConversationType is { } type && type != ConversationTypes.Personal)
            return Render(SeeMyAcademy);
        return Render(await AcademyLineAsync(turn.Activity.From?.AadObjectId, cancellationToken));
    }

    /// <param name="academyLine">Which academy the reader is in and how to change it; empty leaves the line out.</param>
    public Attachment Render(string academyLine = "") => academyLine.Length == 0
        ? _card.Value
        : templates.RenderAttachment("welcome", new { trust = pack.Trust, academyLine, examples = ExampleQuestions });

    private const string SeeMyAcademy = "Type \"my academy\" to see which academy I think you work at.";

    private async Task<string> AcademyLineAsync(string? aadObjectId, CancellationToken cancellationToken)
    {
        const string Change = "Type \"my academy\" to see or change it.";
        if (aadObjectId is not { Length: > 0 } || !Guid.TryParse(aadObjectId, out _))
            return $"I don't know which academy you work at yet. {Change}";
        try
        {
            var mine = await academies.ForAsync(aadObjectId, cancellationToken);
            return mine.Academies.Count switch
            {
                0 => $"I don't know which academy you work at yet: I'll ask when I need to. {Change}",
                1 => $"I think you work at {mine.Names}. {Change}",
                _ => $"I think you work at {mine.Names}; I'll ask which one each request is for. Type \"my academy\" to see why.",
            };
        }
        catch (StorageUnavailableException)
        {
            // The welcome matters more than the line: it still goes out.
            return SeeMyAcademy;
        }
    }
}
