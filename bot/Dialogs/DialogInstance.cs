using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Dialogs;

/// <summary>A dialog on the stack: which dialog it is, and its own state as JSON (what a restart must not lose).</summary>
public sealed record DialogInstance(string Id, JsonObject State);
