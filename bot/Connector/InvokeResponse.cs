using System.Text.Json;

namespace TeamsPolicyBot.Connector;

/// <summary>What an invoke turn answers: the HTTP status and body Teams reads synchronously.</summary>
public sealed record InvokeResponse(int Status, object? Body = null)
{
    public static InvokeResponse NotImplemented { get; } = new(StatusCodes.Status501NotImplemented);

    public static InvokeResponse CardAction(AdaptiveCardInvokeResponse response) => new(StatusCodes.Status200OK, response);
}

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke: the Action.Execute the user pressed.</summary>
public sealed record AdaptiveCardInvokeValue(AdaptiveCardAction? Action, string? Trigger);

public sealed record AdaptiveCardAction(string? Type, string? Id, string? Verb, JsonElement? Data);

/// <summary>
/// Teams Universal Actions response: an updated card, a message toast, or an error.
/// Always sent with HTTP 200; <see cref="StatusCode"/> tells Teams which it is.
/// </summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonElement Value)
{
    public const string CardType = AttachmentContentTypes.AdaptiveCard;
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replace the card the user acted on with <paramref name="card"/> (the Adaptive Card JSON).</summary>
    public static AdaptiveCardInvokeResponse Card(JsonElement card) => new(StatusCodes.Status200OK, CardType, card);

    /// <summary>Leave the card as it is and show <paramref name="text"/> to the user.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) =>
        new(StatusCodes.Status200OK, MessageType, JsonSerializer.SerializeToElement(text, ConnectorJson.Options));

    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, JsonSerializer.SerializeToElement(new { code, message }, ConnectorJson.Options));
}
