using TeamsPolicyBot.Tests.Cards;

namespace TeamsPolicyBot.Tests.Infra;

/// <summary>CI's check of the Bicep: it compiles, and neither the compiler nor the linter has anything to say.</summary>
[Collection(MainBicepCollection.Name)]
public class BicepCheckTests(MainBicep bicep)
{
    [Fact]
    public void Build_MainBicep_ReportsNoErrorOrWarning()
    {
        Assert.True(bicep.Build.IsClean, bicep.Build.Report);
        Assert.NotEmpty(bicep.Template.Resources);
    }

    [Fact]
    public void Lint_MainBicep_ReportsNoErrorOrWarning() => Assert.True(bicep.Lint.IsClean, bicep.Lint.Report);

    [Fact]
    public async Task Lint_StaleApiVersionAndUndescribedOutput_ReportsBothUnderTheInfraConfig()
    {
        var folder = Directory.CreateTempSubdirectory("bicep-lint-");
        try
        {
            File.Copy(Path.Combine(Repository.Root, "infra", "bicepconfig.json"), Path.Combine(folder.FullName, "bicepconfig.json"));
            File.WriteAllText(Path.Combine(folder.FullName, "stale.bicep"), """
                resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2018-11-30' = {
                  name: 'id-stale'
                  location: resourceGroup().location
                }

                output principalId string = identity.properties.principalId
                """);

            var lint = await BicepCli.RunAsync(["lint", "stale.bicep"], folder.FullName);

            Assert.False(lint.IsClean, lint.Report);
            Assert.Contains("use-recent-api-versions", lint.Diagnostics);
            Assert.Contains("use-description-outputs", lint.Diagnostics);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
