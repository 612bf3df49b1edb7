using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Cards;

public static class CardAttachments
{
    /// <summary>Binds template <paramref name="name"/> to <paramref name="data"/> as an Adaptive Card attachment for an activity.</summary>
    public static Attachment RenderAttachment(this CardTemplates templates, string name, object? data) => new()
    {
        ContentType = AttachmentContentTypes.AdaptiveCard,
        Content = templates.Render(name, data),
    };
}
