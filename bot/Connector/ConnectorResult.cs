namespace TeamsPolicyBot.Connector;

public enum ConnectorStatus
{
    Ok,

    /// <summary>403: the bot was removed from the conversation, or blocked by the user or an admin.</summary>
    BotRemoved,

    /// <summary>404: the conversation, activity or member no longer exists.</summary>
    NotFound,

    /// <summary>Not sent: development mode posts only to loopback service URLs.</summary>
    Refused,

    /// <summary>Any other failure, after retries.</summary>
    Failed,
}

/// <summary>The outcome of one Bot Connector call. HTTP failures come back here instead of as exceptions.</summary>
public sealed record ConnectorResult<T>(ConnectorStatus Status, T? Value = default, int? HttpStatus = null)
{
    public bool IsOk => Status == ConnectorStatus.Ok;
}
