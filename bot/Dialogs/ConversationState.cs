using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;

namespace TeamsPolicyBot.Dialogs;

/// <summary>
/// The dialog stack and named values of one conversation (in a group chat or channel thread: of one member in it,
/// so two teachers answering in the same thread never take over each other's dialog). Loaded at the start of a
/// message turn by <see cref="ConversationStateStore"/> and saved at its end only if the turn changed it.
/// </summary>
public sealed class ConversationState
{
    private static readonly string EmptyJson = Serialize([], []);

    private readonly string? _storedJson;
    private readonly JsonObject _values;

    private ConversationState(ConversationStateKey key, ETag? etag, string? storedJson, List<DialogInstance> dialogStack, JsonObject values)
    {
        Key = key;
        ETag = etag;
        _storedJson = storedJson;
        DialogStack = dialogStack;
        _values = values;
        Values = new StateValues(values);
    }

    /// <summary>Per-conversation values, for commands and dialogs alike. They last as long as the dialog state does.</summary>
    public StateValues Values { get; }

    /// <summary>The dialog stack, the active dialog last.</summary>
    internal List<DialogInstance> DialogStack { get; }

    internal ConversationStateKey Key { get; }

    /// <summary>The stored row's ETag, or null when there is no row.</summary>
    internal ETag? ETag { get; }

    internal bool IsEmpty => DialogStack.Count == 0 && _values.Count == 0;

    /// <summary>True when the stored row must not be used (see <see cref="ReplacingStale"/>).</summary>
    internal bool ReplacesStale => ETag is not null && _storedJson is null;

    /// <summary>True when storage does not hold exactly this state.</summary>
    internal bool HasChanged => ChangedJson() is not null;

    /// <summary>This state as JSON to store, or null when storage holds exactly this state already.</summary>
    internal string? ChangedJson()
    {
        var json = ToJson();
        return json == _storedJson ? null : json;
    }

    /// <summary>A conversation with no stored state.</summary>
    internal static ConversationState New(ConversationStateKey key) => new(key, null, EmptyJson, [], []);

    /// <summary>A stored row that must not be used (expired or unreadable): the turn starts empty and the row is overwritten or deleted.</summary>
    internal static ConversationState ReplacingStale(ConversationStateKey key, ETag etag) => new(key, etag, null, [], []);

    /// <exception cref="JsonException">The stored JSON is not conversation state.</exception>
    internal static ConversationState Parse(ConversationStateKey key, ETag etag, string json)
    {
        var stored = JsonSerializer.Deserialize<StoredState>(json, JsonSerializerOptions.Web)
            ?? throw new JsonException("Conversation state is null.");
        if (stored.DialogStack is null || stored.Values is null || stored.DialogStack.Any(d => d is null || string.IsNullOrEmpty(d.Id) || d.State is null))
            throw new JsonException("Conversation state lacks its dialog stack or values.");
        return new(key, etag, json, stored.DialogStack, stored.Values);
    }

    internal string ToJson() => Serialize(DialogStack, _values);

    private static string Serialize(List<DialogInstance> dialogStack, JsonObject values) =>
        JsonSerializer.Serialize(new StoredState(dialogStack, values), JsonSerializerOptions.Web);

    private sealed record StoredState(List<DialogInstance> DialogStack, JsonObject Values);
}
