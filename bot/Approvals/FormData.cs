using System.Text.Json;

namespace TeamsPolicyBot.Approvals;

/// <summary>The inputs of a submitted card, as Teams merges them into the action's data.</summary>
internal sealed class FormData(JsonElement? data)
{
    public string Text(string id, int maxLength)
    {
        if (data is not { ValueKind: JsonValueKind.Object } values || !values.TryGetProperty(id, out var value))
            return "";
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
        text = text.Trim();
        return text.Length > maxLength ? text[..maxLength] : text;
    }

    /// <summary>The input's value if it is one of <paramref name="allowed"/>; otherwise empty.</summary>
    public string Choice(string id, IReadOnlyCollection<string> allowed)
    {
        var value = Text(id, 200);
        return allowed.Contains(value) ? value : "";
    }
}
