using System.Text.Json;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Dialogs;

/// <summary>A choice prompt as the user sees it: its text, and what each button sends back (imBack), wherever the template puts them.</summary>
public sealed record PromptCard(IReadOnlyList<string> Texts, IReadOnlyList<string> Buttons)
{
    public static PromptCard Read(RecordedRequest sent)
    {
        Assert.Equal(AttachmentContentTypes.AdaptiveCard, sent.AttachmentContentType);
        return Read(sent.AttachmentContent);
    }

    public static PromptCard Read(JsonElement card)
    {
        var texts = new List<string>();
        var buttons = new List<string>();
        Walk(card, texts, buttons);
        return new PromptCard(texts, buttons);
    }

    /// <summary>Asserts the card asks <paramref name="question"/> with one button per choice (sending its text) and a Cancel button.</summary>
    public static void AssertAsks(RecordedRequest sent, string question, PromptOptions options)
    {
        var card = Read(sent);
        Assert.Contains(question, card.Texts);
        Assert.Equal([.. options.Choices.Select(choice => choice.Value), "cancel"], card.Buttons);
    }

    private static void Walk(JsonElement element, List<string> texts, List<string> buttons)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.GetString() is "TextRun" or "TextBlock")
                    texts.Add(element.GetProperty("text").GetString()!);
                if (element.TryGetProperty("msteams", out var action) && action.GetProperty("type").GetString() == "imBack")
                    buttons.Add(action.GetProperty("value").GetString()!);
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, texts, buttons);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Walk(item, texts, buttons);
                break;
        }
    }
}
