namespace TeamsPolicyBot.Dialogs;

/// <summary>
/// Every registered dialog by id (<see cref="DialogsExtensions.AddDialog{TDialog}"/>), and the default dialog begun
/// for a message that no active dialog or command takes (<see cref="DialogsExtensions.AddDefaultDialog{TDialog}"/>).
/// </summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    /// <exception cref="InvalidOperationException">Two dialogs share an id, or the default dialog is not among them.</exception>
    public DialogSet(IEnumerable<Dialog> dialogs, string? defaultDialogId = null)
    {
        foreach (var dialog in dialogs)
        {
            if (!_dialogs.TryAdd(dialog.Id, dialog))
                throw new InvalidOperationException(
                    $"Dialog id '{dialog.Id}' is used by both {_dialogs[dialog.Id].GetType().Name} and {dialog.GetType().Name}; dialog ids must be unique.");
        }
        if (defaultDialogId is not null && !_dialogs.ContainsKey(defaultDialogId))
            throw new InvalidOperationException($"The default dialog '{defaultDialogId}' is not registered.");
        DefaultDialogId = defaultDialogId;
    }

    /// <summary>The dialog to begin for a message nothing else handles, or null when none is registered.</summary>
    public string? DefaultDialogId { get; }

    /// <summary>The dialog registered as <paramref name="id"/>, or null.</summary>
    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);
}
