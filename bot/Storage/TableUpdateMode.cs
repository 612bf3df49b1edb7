namespace TeamsPolicyBot.Storage;

/// <summary>How a write treats properties the new entity does not mention.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep them: only the given properties change.</summary>
    Merge,

    /// <summary>Drop them: the stored entity becomes exactly the given one.</summary>
    Replace,
}
