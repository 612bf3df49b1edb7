namespace TeamsPolicyBot.Tests.Infra;

/// <summary>
/// The bot's user-assigned identity may do what the bot does with it, on the one resource it does it to, and the
/// resources take nothing but that identity's Entra tokens.
/// </summary>
[Collection(MainBicepCollection.Name)]
public class BicepIdentityTests(MainBicep bicep)
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    [Fact]
    public void Template_Identity_IsTableDataContributorOnTheStorageAccount() =>
        AssertGranted(StorageTableDataContributor, "Microsoft.Storage/storageAccounts");

    [Fact]
    public void Template_Identity_IsMetricsPublisherOnApplicationInsights() =>
        AssertGranted(MonitoringMetricsPublisher, "Microsoft.Insights/components");

    [Fact]
    public void Template_Identity_IsBlobDataContributorOnThePhotoContainerOnly() =>
        AssertGranted(StorageBlobDataContributor, "Microsoft.Storage/storageAccounts/blobServices/containers");

    [Fact]
    public void Template_PhotoContainer_IsPrivateAndTheBotIsToldItsName()
    {
        var template = bicep.Template;
        var container = Assert.Single(template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"));
        var storage = Assert.Single(template.OfType("Microsoft.Storage/storageAccounts"));

        Assert.Equal("None", (string?)container["properties"]?["publicAccess"]);
        Assert.False((bool?)storage["properties"]?["allowBlobPublicAccess"] ?? true, "The account would let a container be made public.");
        Assert.EndsWith("'approval-photos')]", template.Resolve((string?)container["name"] ?? ""));
        Assert.Contains("Approvals__PhotoContainer", template.AppSettingNames());
        Assert.Contains("Storage__BlobEndpoint", template.AppSettingNames());
    }

    [Fact]
    public void Template_ApplicationInsights_DisablesLocalAuth()
    {
        var insights = Assert.Single(bicep.Template.OfType("Microsoft.Insights/components"));

        Assert.True((bool?)insights["properties"]?["DisableLocalAuth"], "Application Insights would take telemetry from anyone with its connection string.");
    }

    [Fact]
    public void Template_StorageAccount_DisablesSharedKeyAccess()
    {
        var storage = Assert.Single(bicep.Template.OfType("Microsoft.Storage/storageAccounts"));

        Assert.False((bool?)storage["properties"]?["allowSharedKeyAccess"] ?? true, "The storage account would take its account keys.");
    }

    [Fact]
    public void Template_WebApp_RunsAsTheIdentity()
    {
        var web = Assert.Single(bicep.Template.OfType("Microsoft.Web/sites"));
        var identities = web["identity"]?["userAssignedIdentities"]?.AsObject() ?? [];

        Assert.Equal("UserAssigned", (string?)web["identity"]?["type"]);
        Assert.Contains(identities, identity => IsIdentity(identity.Key));
    }

    private void AssertGranted(string role, string resourceType)
    {
        var template = bicep.Template;
        var assignments = template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(assignment => template.Resolve((string?)assignment["properties"]?["roleDefinitionId"] ?? "").Contains($"'{role}'", StringComparison.OrdinalIgnoreCase))
            .ToList();

        var assignment = Assert.Single(assignments);
        Assert.StartsWith($"[resourceId('{resourceType}', ", (string?)assignment["scope"]);
        Assert.True(IsIdentity((string?)assignment["properties"]?["principalId"]), $"The role is given to {assignment["properties"]?["principalId"]}.");
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]?["principalType"]);
    }

    private static bool IsIdentity(string? expression) =>
        expression?.Contains("resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', ", StringComparison.Ordinal) == true;
}
