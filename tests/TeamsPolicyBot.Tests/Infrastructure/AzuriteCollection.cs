namespace TeamsPolicyBot.Tests.Infrastructure;

/// <summary>Test classes in this collection share one Azurite; each test works in its own table.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
