namespace TeamsPolicyBot.Storage;

/// <summary>A table in the account, as listed by <see cref="TableServiceClient.QueryAsync"/>.</summary>
public sealed record TableItem(string Name);
