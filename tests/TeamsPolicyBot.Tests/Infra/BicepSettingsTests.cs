using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Tests.Infra;

/// <summary>
/// infra/main.bicep and the bot's options cannot drift: every <see cref="ProductionSettingAttribute"/> key is set
/// by the compiled template, and every setting it gives the web app is a key something actually reads.
/// </summary>
[Collection(MainBicepCollection.Name)]
public class BicepSettingsTests(MainBicep bicep)
{
    /// <summary>Read by App Service, ASP.NET Core or the Azure Monitor exporter, not by the bot's options.</summary>
    private static readonly string[] HostingSettings =
    [
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "ASPNETCORE_HTTP_PORTS",
        "WEBSITES_PORT",
    ];

    [Fact]
    public void Bicep_EveryProductionSetting_IsSet()
    {
        var settings = bicep.Template.AppSettingNames();

        var missing = OptionsKeys.All.Where(key => key.IsProductionSetting && !settings.Any(key.IsSetBy)).Select(key => key.Name);

        Assert.True(!missing.Any(), $"infra/main.bicep sets no web app setting for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Bicep_EveryAppSetting_IsAKeyTheBotOrHostReads()
    {
        var unknown = bicep.Template.AppSettingNames()
            .Where(name => !OptionsKeys.All.Any(key => key.IsSetBy(name)))
            .Where(name => !HostingSettings.Contains(name, StringComparer.Ordinal));

        Assert.True(!unknown.Any(), $"infra/main.bicep sets settings nothing reads (a typo?): {string.Join(", ", unknown)}");
    }

    [Fact]
    public void OptionsKeys_BotAssembly_FindsEverySectionWithNestedAndProductionKeys()
    {
        var names = OptionsKeys.All.Select(key => key.Name).ToList();

        Assert.Contains("Bot__Retry__MaxAttempts", names);
        Assert.Contains("Dialogs__IdleTimeout", names);
        Assert.DoesNotContain("Bot__IsDevelopmentMode", names);
        Assert.Contains(OptionsKeys.All, key => key is { Name: "Policy__Pack", IsProductionSetting: true });
        Assert.Contains(OptionsKeys.All, key => key is { Name: "Storage__ConnectionString", IsProductionSetting: false });
    }

    [Fact]
    public void AppSettingNames_SettingsInVariablesAndExpressions_FindsNamesButNotResourceNames()
    {
        var template = new ArmTemplate(JsonNode.Parse("""
            {
              "variables": {
                "secretSettings": [ { "name": "Bot__ClientSecret", "value": "[parameters('botClientSecret')]" } ]
              },
              "resources": [
                {
                  "type": "Microsoft.Web/sites",
                  "name": "[variables('webAppName')]",
                  "properties": {
                    "siteConfig": {
                      "appSettings": "[concat(variables('secretSettings'), createArray(createObject('name', 'Policy__Pack', 'value', parameters('policyPack'))))]"
                    }
                  }
                }
              ]
            }
            """)!.AsObject());

        Assert.Equal(["Bot__ClientSecret", "Policy__Pack"], template.AppSettingNames());
    }
}
