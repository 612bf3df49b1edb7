using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Approvals;

/// <summary>A test class whose tests each get a fresh <see cref="ApprovalsHost"/>, stopped when the test ends.</summary>
public abstract class ApprovalsHostTests(AzuriteFixture azurite, Dictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected ApprovalsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ApprovalsHost.StartAsync(Azurite, settings);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
