using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Dialogs;

/// <summary>
/// Named values kept in conversation state, stored as JSON (System.Text.Json web defaults), so they survive a
/// restart. Store plain data (strings, numbers, records of them), never services or delegates.
/// </summary>
public sealed class StateValues
{
    private readonly JsonObject _values;

    internal StateValues(JsonObject values) => _values = values;

    /// <summary>The value stored under <paramref name="name"/>, or default when there is none.</summary>
    public T? Get<T>(string name) =>
        _values[name] is { } value ? value.Deserialize<T>(JsonSerializerOptions.Web) : default;

    public void Set<T>(string name, T value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _values[name] = JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web);
    }

    public bool Remove(string name) => _values.Remove(name);
}
