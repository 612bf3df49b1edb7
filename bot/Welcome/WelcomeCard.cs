using TeamsPolicyBot.Cards;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Guidance.Packs;

namespace TeamsPolicyBot.Welcome;

/// <summary>The card that says what the bot does, with example questions as buttons (cards/welcome.json).</summary>
public sealed class WelcomeCard(CardTemplates templates, PolicyPack pack)
{
    private static readonly string[] ExampleQuestions =
    [
        "A former pupil who is 19 sent me a friend request. Can I accept?",
        "Can I post sports day photos on my own Instagram?",
        "A pupil messaged me on Instagram. What should I do?",
    ];

    // The card depends only on the pack, so it is bound once rather than on every "help".
    private readonly Lazy<Attachment> _card = new(() => templates.RenderAttachment("welcome", new { trust = pack.Trust, examples = ExampleQuestions }));

    public Attachment Render() => _card.Value;
}
