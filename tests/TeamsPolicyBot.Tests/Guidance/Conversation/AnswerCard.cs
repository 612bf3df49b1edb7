using System.Text.Json;
using TeamsPolicyBot.Connector;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Guidance.Conversation;

/// <summary>A guidance answer card as staff see it: its texts in order, its Action.Execute buttons and its inputs.</summary>
public sealed record AnswerCard(IReadOnlyList<string> Texts, IReadOnlyList<AnswerCard.Button> Buttons, IReadOnlyList<string> Inputs)
{
    /// <summary>The big first line: "Yes", "No", "Ask first" or "Use caution".</summary>
    public string Headline => Texts[0];

    public string AllText => string.Join("\n", Texts);

    public Button ButtonFor(string verb, string? title = null) =>
        Buttons.Single(button => button.Verb == verb && (title is null || button.Title == title));

    public static AnswerCard Read(RecordedRequest sent)
    {
        Assert.Equal(AttachmentContentTypes.AdaptiveCard, sent.AttachmentContentType);
        return Read(sent.AttachmentContent);
    }

    public static AnswerCard Read(JsonElement card)
    {
        var texts = new List<string>();
        var buttons = new List<Button>();
        var inputs = new List<string>();
        Walk(card, texts, buttons, inputs);
        return new AnswerCard(texts, buttons, inputs);
    }

    private static void Walk(JsonElement element, List<string> texts, List<Button> buttons, List<string> inputs)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var type = element.TryGetProperty("type", out var typeProperty) ? typeProperty.GetString() : null;
                if (type is "TextRun" or "TextBlock")
                    texts.Add(element.GetProperty("text").GetString()!);
                if (type == "Action.Execute")
                {
                    buttons.Add(new Button(element.GetProperty("title").GetString()!, element.GetProperty("verb").GetString()!, element.GetProperty("data").Clone()));
                    return;
                }
                if (type is "Input.Text")
                    inputs.Add(element.GetProperty("id").GetString()!);
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, texts, buttons, inputs);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Walk(item, texts, buttons, inputs);
                break;
        }
    }

    public sealed record Button(string Title, string Verb, JsonElement Data);
}
